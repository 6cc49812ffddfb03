package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Registration accepted or refused; {@code term} is the accepting master's term (epoch, master HA; 0
 * from a single master and from masters that predate it). Every order that follows on this
 * connection is that term's: a chunkserver that has registered under a newer term refuses them.
 */
public record CsRegisterReply(int msgId, Status status, long term) implements Reply {
    /** A refusal, or an answer from a master without terms. */
    public CsRegisterReply(int msgId, Status status) {
        this(msgId, status, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code()).u64(term);
    }

    public static CsRegisterReply decode(int msgId, WireReader r) {
        return new CsRegisterReply(msgId, TypeCodecs.status(r), r.remaining() > 0 ? r.u64() : 0);
    }
}
