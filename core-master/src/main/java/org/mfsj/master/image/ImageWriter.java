package org.mfsj.master.image;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireWriter;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.meta.ReplyCache;
import org.mfsj.master.meta.codec.Frames;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;
import org.mfsj.master.namespace.tree.SymlinkNode;
import org.mfsj.master.namespace.tree.Quotas;
import org.mfsj.master.namespace.tree.Trash;
import org.mfsj.master.namespace.tree.Xattrs;

/**
 * Writes a {@link MetaState} as an image (see {@link ImageFormat}). The file is written aside,
 * forced, and renamed over the old image, which is kept as {@code metadata.mfs.back}; so
 * {@code metadata.mfs} is always a whole image. The state must not change meanwhile: the caller
 * owns it (the image rebuilder's private copy, or a tool's).
 */
public final class ImageWriter {
    private final OutputStream out;
    private final ByteBuf buf = Unpooled.buffer(1 << 16);
    private final WireWriter w = new WireWriter(buf);
    private long inodes;
    private long names;
    private long chunks;
    private long replies;

    private ImageWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code state} as {@code dir/metadata.mfs}, keeping the previous image; returns the path. */
    public static Path write(MetaState state, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(ImageFormat.TEMP);
        writeFile(state, tmp);
        Path image = dir.resolve(ImageFormat.NAME);
        if (Files.exists(image)) {
            Files.move(image, dir.resolve(ImageFormat.PREVIOUS), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, image, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
        return image;
    }

    /** Writes {@code state} to exactly {@code file} (forced), replacing it. */
    public static void writeFile(MetaState state, Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 20);
            os.write(ByteBuffer.allocate(ImageFormat.HEADER).put(ImageFormat.MAGIC)
                    .putShort((short) ImageFormat.FORMAT).putShort((short) ImageFormat.FORMAT).putInt(0).array());
            new ImageWriter(os).all(state);
            os.flush();
            ch.force(true);
        }
    }

    private void all(MetaState state) throws IOException {
        InodeTable tree = state.namespace().tree();
        start(ImageFormat.META);
        w.u64(state.version()).u64(state.maxSession()).u64(tree.nextId()).u64(state.chunks().nextId());
        emit();
        start(ImageFormat.SIZES);
        w.u64(tree.inodeCount());
        emit();
        start(ImageFormat.TERM);
        w.u64(state.term());
        emit();
        if (!state.voters().isEmpty()) {
            start(ImageFormat.VOTERS);
            w.str(String.join(",", state.voters()));
            emit();
        }
        if (state.exports() != null) {
            start(ImageFormat.EXPORTS);
            w.bytes(state.exports().text().getBytes(StandardCharsets.UTF_8)).u64(state.exports().editedMillis())
                    .str(state.exports().origin());
            emit();
        }
        for (Inode n : tree.all()) {
            inode(n);
        }
        for (Inode n : tree.all()) {
            if (n instanceof DirNode d && !d.isEmpty()) {
                entries(d);
            }
        }
        chunks(state);
        trash(tree);
        try {
            state.replies().forEach(this::reply);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        start(ImageFormat.END);
        w.u64(inodes).u64(names).u64(chunks).u64(replies);
        emit();
    }

    private void inode(Inode n) throws IOException {
        start(ImageFormat.INODE);
        w.u64(n.id()).u8(n.type().code()).u32(n.mode()).u32(n.uid()).u32(n.gid()).u8(n.goal())
                .u64(n.atimeNanos()).u64(n.mtimeNanos()).u64(n.ctimeNanos()).u32(n.nlink());
        if (n instanceof FileNode f) {
            long[] table = f.chunks();
            w.u64(f.length()).u32(table.length);
            for (long id : table) {
                w.u64(id);
            }
        } else if (n instanceof DirNode d) {
            w.u64(d.nextCookie());
        } else if (n instanceof SymlinkNode s) {
            w.str(s.target());
        } else {
            w.u32(n.rdev());
        }
        Xattrs x = n.xattrsOrNull();
        if (x == null || x.isEmpty()) {
            w.u32(0);
        } else {
            w.u32(x.names().size());
            for (String name : x.names()) {
                w.str(name).bytes(x.get(name));
            }
        }
        emit();
        inodes++;
    }

    private void entries(DirNode d) throws IOException {
        batches(d.entries(), d.size(), () -> {
            start(ImageFormat.ENTRIES);
            w.u64(d.id());
        }, e -> w.str(e.name()).u64(e.inode()).u64(e.cookie()));
        names += d.size();
    }

    private void chunks(MetaState state) throws IOException {
        batches(state.chunks().all(), state.chunks().size(), () -> start(ImageFormat.CHUNKS),
                c -> w.u64(c.id()).u32(c.version()).u32(c.issued()).u8(c.goal()));
        chunks += state.chunks().size();
    }

    /**
     * Writes {@code count} items as frames of at most {@link ImageFormat#BATCH}: each frame is its
     * header ({@code open}), the number of items in it, then the items.
     */
    private <T> void batches(Iterable<T> items, int count, Runnable open, Consumer<T> item) throws IOException {
        int left = count;
        int inFrame = 0;
        for (T t : items) {
            if (inFrame == 0) {
                open.run();
                w.u32(Math.min(ImageFormat.BATCH, left));
            }
            item.accept(t);
            left--;
            if (++inFrame == ImageFormat.BATCH) {
                emit();
                inFrame = 0;
            }
        }
        if (inFrame > 0) {
            emit();
        }
    }

    private void trash(InodeTable tree) throws IOException {
        for (Trash.Entry e : tree.trash().entries()) {
            start(ImageFormat.TRASH);
            w.u64(e.inode()).u64(e.deletedNanos()).str(e.path());
            emit();
        }
        for (Quotas.Quota q : tree.quotas().all()) {
            start(ImageFormat.QUOTA);
            w.u64(q.dir()).u64(q.softBytes()).u64(q.hardBytes()).u64(q.softInodes()).u64(q.hardInodes());
            emit();
        }
        for (var held : tree.holds().all().entrySet()) {
            start(ImageFormat.HELD);
            w.u64(held.getKey()).u32(held.getValue().size());
            held.getValue().forEach((session, opens) -> w.u64(session).u32(opens));
            emit();
        }
        List<Inode> timed = tree.all().stream().filter(n -> n.trashSeconds() != 0).toList();
        for (int from = 0; from < timed.size(); from += ImageFormat.BATCH) {
            List<Inode> batch = timed.subList(from, Math.min(timed.size(), from + ImageFormat.BATCH));
            start(ImageFormat.TRASHTIMES);
            w.u32(batch.size());
            for (Inode n : batch) {
                w.u64(n.id()).u32(n.trashSeconds());
            }
            emit();
        }
    }

    private void reply(long session, long request, Object result) {
        start(ImageFormat.REPLY);
        w.u64(session).u64(request);
        if (result instanceof Attr a) {
            w.u8(ImageFormat.RESULT_ATTR);
            TypeCodecs.attr(w, a);
        } else if (result instanceof Long count) {
            w.u8(ImageFormat.RESULT_COUNT).u64(count);
        } else if (result == ReplyCache.DONE) {
            w.u8(ImageFormat.RESULT_DONE);
        } else {
            throw new IllegalStateException("cannot save a cached " + result);
        }
        try {
            emit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        replies++;
    }

    private void start(int kind) {
        buf.clear();
        w.u8(kind);
    }

    private void emit() throws IOException {
        byte[] payload = new byte[buf.readableBytes()];
        buf.getBytes(0, payload);
        out.write(Frames.frame(payload));
    }
}
