package org.mfsj.common.wire.client2master;

import java.util.Set;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Runs one namespace change and answers it with a {@link DirChangeReply}: the change's own result
 * plus the attributes of the directories it changed, read right after it on the master thread. A
 * gateway that must report a directory's attributes after a change (NFS wcc data, change_info)
 * needs no second call. The change is retried, admitted and logged exactly as when sent alone.
 */
public record WithDirAttrs(Idempotent call) implements WrappedCall {
    /** The changes that may be wrapped: each changes one or two named directories. */
    public static final Set<Class<?>> CHANGES = Set.of(Mknod.class, Mkdir.class, Symlink.class, Link.class,
            Unlink.class, Rmdir.class, Rename.class, CreateOpen.class);

    /** Mkdir (1005) to Symlink (1011), and CreateOpen: exactly the types of {@link #CHANGES}. */
    private static final int FIRST_CHANGE_TYPE = 1005;
    private static final int LAST_CHANGE_TYPE = 1011;
    private static final int CREATE_OPEN_TYPE = 1048;

    public WithDirAttrs {
        if (!CHANGES.contains(call.getClass())) {
            throw new IllegalArgumentException(call.getClass().getSimpleName() + " changes no named directory");
        }
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(ClientMasterProtocol.FAMILY.typeOf(call));
        call.encodeBody(w);
    }

    public static WithDirAttrs decode(int msgId, WireReader r) {
        int type = r.u32();
        // checked before decoding, so a wrapper cannot nest itself
        if ((type < FIRST_CHANGE_TYPE || type > LAST_CHANGE_TYPE) && type != CREATE_OPEN_TYPE) {
            throw new MalformedMessageException("message type " + type + " cannot be sent with directory attributes");
        }
        return new WithDirAttrs((Idempotent) ClientMasterProtocol.FAMILY.decode(type, msgId, r));
    }
}
