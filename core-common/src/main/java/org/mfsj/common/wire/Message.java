package org.mfsj.common.wire;

/**
 * One protocol message. A frame is {@code type:u32 length:u32 msgId:u32 body}; the type comes from
 * the {@link MessageFamily} the class is registered in. Requests carry a fresh message id, replies
 * echo it, and one-way notifications use 0.
 */
public interface Message {
    int msgId();

    void encodeBody(WireWriter out);

    /**
     * About how many bytes the body takes, when that may be far more than a small message's: the
     * encoder sizes its buffer once instead of doubling it, copied each time, up to a large reply.
     */
    default int sizeHint() {
        return 0;
    }
}
