package org.mfsj.master.meta.codec;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;
import org.mfsj.master.meta.MetaRecord;

/**
 * The table of record types: a stable tag per record class and its body encoder and decoder.
 * Tags are on disk forever: a retired tag stays reserved. A new record type is one {@link #add}
 * line plus its two body methods.
 */
public final class RecordTypes {
    private record Type<T extends MetaRecord>(int tag, Class<T> type, BiConsumer<WireWriter, T> encoder,
            Function<WireReader, T> decoder) {
        void encode(WireWriter w, MetaRecord r) {
            encoder.accept(w, type.cast(r));
        }
    }

    public static final RecordTypes ALL = new RecordTypes();

    static {
        NamespaceBodies.register(ALL);
        ChunkBodies.register(ALL);
        TrashSnapshotBodies.register(ALL);
        HaBodies.register(ALL);
        ConfigBodies.register(ALL);
        OpenBodies.register(ALL);
    }

    private final Map<Integer, Type<?>> byTag = new HashMap<>();
    private final Map<Class<?>, Type<?>> byClass = new HashMap<>();

    private RecordTypes() {
    }

    <T extends MetaRecord> RecordTypes add(int tag, Class<T> type, BiConsumer<WireWriter, T> encoder,
            Function<WireReader, T> decoder) {
        Type<T> t = new Type<>(tag, type, encoder, decoder);
        if (tag <= 0 || tag > 0xFFFF || byTag.putIfAbsent(tag, t) != null || byClass.putIfAbsent(type, t) != null) {
            throw new IllegalStateException("record tag " + tag + " or " + type.getSimpleName() + " taken");
        }
        return this;
    }

    /** Writes the tag and the body of {@code r}. */
    void encode(WireWriter w, MetaRecord r) {
        Type<?> t = byClass.get(r.getClass());
        if (t == null) {
            throw new IllegalArgumentException("no codec for " + r.getClass().getName());
        }
        w.u16(t.tag());
        t.encode(w, r);
    }

    /** Reads a tag and the body it announces. */
    MetaRecord decode(WireReader r) {
        int tag = r.u16();
        Type<?> t = byTag.get(tag);
        if (t == null) {
            throw new MalformedMessageException("unknown record type " + tag);
        }
        return t.decoder().apply(r);
    }
}
