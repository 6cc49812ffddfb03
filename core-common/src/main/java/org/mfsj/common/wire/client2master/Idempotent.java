package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;

/**
 * A request that changes metadata, carrying a request id the client picks once per call and keeps
 * across its retries (unlike the message id, which is per attempt). The master remembers what each
 * request id of a session was answered, so a call retried after a lost reply or a master restart
 * gets its first answer instead of being done twice. 0 means "no id": the call is never matched.
 */
public interface Idempotent extends Message {
    long reqId();
}
