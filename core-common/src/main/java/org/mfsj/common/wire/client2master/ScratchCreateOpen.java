package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.WireReader;

/**
 * {@link CreateOpen} of a file in a scratch directory (one marked {@link Scratch#XATTR}), answered
 * as soon as the master has applied it instead of once its changelog record is durable. Only for
 * a file that a later durable change (such as {@link Publish}) puts in view: that change's record
 * comes after this one in the log, so it makes this one durable too. The master answers it the
 * ordinary way when the directory is not a scratch directory.
 */
public record ScratchCreateOpen(CreateOpen call) implements WrappedCall {
    public static ScratchCreateOpen decode(int msgId, WireReader r) {
        return new ScratchCreateOpen(CreateOpen.decode(msgId, r));
    }
}
