package org.mfsj.master.service;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.StatusReply;

/** Error forms of the reply types many requests share. */
final class ErrorReplies {
    private ErrorReplies() {
    }

    static Message entry(int msgId, Status status) {
        return new EntryReply(msgId, status, null);
    }

    static Message attr(int msgId, Status status) {
        return new AttrReply(msgId, status, null);
    }

    static Message status(int msgId, Status status) {
        return new StatusReply(msgId, status);
    }
}
