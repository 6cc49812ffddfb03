package org.mfsj.common.wire;

import io.netty.util.ReferenceCountUtil;
import java.util.HashMap;
import java.util.Map;

/**
 * The messages one peer pair may exchange, with their stable type numbers. A connection decodes
 * with the union of the families that may arrive on it; anything else is a protocol error.
 */
public final class MessageFamily {
    /** Decodes a message body; {@code msgId} has already been read. */
    @FunctionalInterface
    public interface Decoder<T extends Message> {
        T decode(int msgId, WireReader in);
    }

    private final String name;
    private final Map<Integer, Decoder<?>> decoders = new HashMap<>();
    private final Map<Class<?>, Integer> types = new HashMap<>();

    public MessageFamily(String name) {
        this.name = name;
    }

    public <T extends Message> MessageFamily add(int type, Class<T> cls, Decoder<T> decoder) {
        if (decoders.putIfAbsent(type, decoder) != null || types.putIfAbsent(cls, type) != null) {
            throw new IllegalStateException(name + ": type " + type + " or " + cls + " registered twice");
        }
        return this;
    }

    /** A family that accepts every message of the given ones (e.g. what a data port receives). */
    public static MessageFamily union(String name, MessageFamily... parts) {
        MessageFamily u = new MessageFamily(name);
        for (MessageFamily p : parts) {
            p.decoders.forEach((type, dec) -> {
                if (u.decoders.putIfAbsent(type, dec) != null) {
                    throw new IllegalStateException(name + ": type " + type + " in two families");
                }
            });
            u.types.putAll(p.types);
        }
        return u;
    }

    public String name() {
        return name;
    }

    public int typeOf(Message m) {
        return typeOf(m.getClass());
    }

    public int typeOf(Class<? extends Message> cls) {
        Integer t = types.get(cls);
        if (t == null) {
            throw new IllegalArgumentException(name + ": " + cls.getSimpleName() + " is not in this family");
        }
        return t;
    }

    public Message decode(int type, int msgId, WireReader in) {
        Decoder<?> d = decoders.get(type);
        if (d == null) {
            throw new MalformedMessageException("unknown message type " + type + " for " + name);
        }
        Message m = d.decode(msgId, in);
        if (in.remaining() > 0) {
            // checked before naming it: every message decoded passes here, most with nothing left
            try {
                in.expectEnd("message type " + type);
            } catch (MalformedMessageException e) {
                // a bulk message already holds a slice of the frame
                ReferenceCountUtil.release(m);
                throw e;
            }
        }
        return m;
    }
}
