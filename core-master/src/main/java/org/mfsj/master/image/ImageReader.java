package org.mfsj.master.image;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.meta.ExportsSet;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.meta.ReplyCache;
import org.mfsj.master.meta.codec.CorruptMetadataException;
import org.mfsj.master.meta.codec.FrameReader;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;
import org.mfsj.master.namespace.tree.SpecialNode;
import org.mfsj.master.namespace.tree.SymlinkNode;
import org.mfsj.master.namespace.tree.Trash;

/**
 * Loads an image (see {@link ImageFormat}) strictly: every frame must check out and decode
 * exactly, names must point at loaded inodes, and the closing counts must match. Any failure is a
 * {@link CorruptMetadataException} naming the file and the offset of the bad frame.
 */
public final class ImageReader {
    private static final int MAX_XATTR_VALUE = 1 << 20;
    private static final int MAX_LIST = 1 << 24;
    /** What one table can hold (2^30 slots at 2/3 load). */
    private static final long MAX_INODES = (1L << 30) * 2 / 3;
    /** More sessions holding one file than any cluster has clients means a corrupt frame. */
    private static final int MAX_HOLDERS = 1 << 20;

    private final InodeTable tree = new InodeTable();
    private final ChunkRegistry chunks = new ChunkRegistry();
    private final ReplyCache replies = new ReplyCache();
    private long version = -1;
    private long maxSession;
    private long nextInode;
    private long nextChunk;
    private long term = -1;
    private List<String> voters = List.of();
    private ExportsSet exports;
    private long names;
    private boolean ended;

    private ImageReader() {
    }

    /** The state saved in {@code file}. */
    public static MetaState load(Path file, Clock clock) throws IOException {
        checkHeader(file);
        ImageReader r = new ImageReader();
        try (FrameReader frames = new FrameReader(file, ImageFormat.HEADER)) {
            r.readAll(frames);
        }
        return r.state(clock);
    }

    /** The image file's name in a data directory. */
    public static final String NAME = ImageFormat.NAME;

    /**
     * Where an image stands, read from its first frames only; {@code term} -1 when it has none,
     * {@code voters} empty when no change of voters was ever logged.
     */
    public record Base(long version, long term, List<String> voters) {
        public Base(long version, long term) {
            this(version, term, List.of());
        }
    }

    /**
     * The version and term of the image in {@code file} without loading it (term -1 for images
     * written before terms were kept); CorruptMetadataException when its first frames do not check.
     */
    public static Base base(Path file) throws IOException {
        checkHeader(file);
        ImageReader r = new ImageReader();
        try (FrameReader frames = new FrameReader(file, ImageFormat.HEADER)) {
            for (int i = 0; i < 4; i++) {
                byte[] payload = frames.next();
                if (payload == null) {
                    break;
                }
                WireReader w = new WireReader(Unpooled.wrappedBuffer(payload));
                int kind = w.u8();
                if (kind == ImageFormat.META || kind == ImageFormat.TERM || kind == ImageFormat.VOTERS) {
                    r.frame(kind, w);
                } else if (kind != ImageFormat.SIZES) {
                    break;
                }
            }
        } catch (MalformedMessageException | IllegalStateException e) {
            throw new CorruptMetadataException(file, ImageFormat.HEADER, e.getMessage());
        }
        if (r.version < 0) {
            throw new CorruptMetadataException(file, ImageFormat.HEADER, "image does not start with its META frame");
        }
        return new Base(r.version, r.term, r.voters);
    }

    private static void checkHeader(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(ImageFormat.HEADER);
            while (h.hasRemaining() && ch.read(h) >= 0) {
                // until full or end of file
            }
            byte[] magic = Arrays.copyOf(h.array(), ImageFormat.MAGIC.length);
            if (h.hasRemaining() || !Arrays.equals(magic, ImageFormat.MAGIC)) {
                throw new CorruptMetadataException(file, 0, "not a metadata image (bad header)");
            }
            if (h.getShort(10) > ImageFormat.FORMAT) {
                throw new CorruptMetadataException(file, 10, "needs image format " + h.getShort(10));
            }
        }
    }

    private void readAll(FrameReader frames) throws IOException {
        while (true) {
            byte[] payload;
            try {
                payload = frames.next();
            } catch (FrameReader.Torn t) {
                throw new CorruptMetadataException(frames.file(), t.offset(), "image cut short");
            }
            if (payload == null) {
                break;
            }
            if (ended) {
                throw frames.corrupt("data after the end of the image");
            }
            try {
                WireReader r = new WireReader(Unpooled.wrappedBuffer(payload));
                frame(r.u8(), r);
                r.expectEnd("image frame");
            } catch (MalformedMessageException | IllegalStateException | IllegalArgumentException e) {
                throw frames.corrupt(e.getMessage());
            }
        }
        if (!ended) {
            throw new CorruptMetadataException(frames.file(), frames.position(), "image has no end mark (cut short)");
        }
    }

    private void frame(int kind, WireReader r) {
        if (version < 0 && kind != ImageFormat.META) {
            throw new IllegalStateException("image does not start with its META frame");
        }
        switch (kind) {
            case ImageFormat.META -> meta(r);
            case ImageFormat.SIZES -> sizes(r);
            case ImageFormat.TERM -> term = r.u64();
            case ImageFormat.VOTERS -> voters = org.mfsj.master.meta.Voters.parse(r.str()).masters();
            case ImageFormat.EXPORTS -> exports = new ExportsSet(
                    new String(r.bytes(ExportsSet.MAX_BYTES), StandardCharsets.UTF_8), r.u64(), r.str());
            case ImageFormat.INODE -> inode(r);
            case ImageFormat.ENTRIES -> entries(r);
            case ImageFormat.CHUNKS -> chunkBatch(r);
            case ImageFormat.REPLY -> reply(r);
            case ImageFormat.TRASH -> trashEntry(r);
            case ImageFormat.TRASHTIMES -> trashTimes(r);
            case ImageFormat.HELD -> held(r);
            case ImageFormat.QUOTA -> tree.quotas().set(tree.expect(r.u64(), DirNode.class).id(), r.u64(), r.u64(),
                    r.u64(), r.u64(), 0, 0);
            case ImageFormat.END -> end(r);
            default -> throw new IllegalStateException("unknown frame kind " + kind);
        }
    }

    private void meta(WireReader r) {
        if (version >= 0) {
            throw new IllegalStateException("second META frame");
        }
        version = r.u64();
        maxSession = r.u64();
        nextInode = r.u64();
        nextChunk = r.u64();
    }

    private void sizes(WireReader r) {
        long inodes = r.u64();
        if (tree.inodeCount() > 0 || inodes < 0 || inodes > MAX_INODES) {
            throw new IllegalStateException("SIZES frame of " + inodes + " inodes after " + tree.inodeCount());
        }
        tree.reserve(inodes);
    }

    private void inode(WireReader r) {
        long id = r.u64();
        FileType type = TypeCodecs.fileType(r);
        int mode = r.u32();
        int uid = r.u32();
        int gid = r.u32();
        int goal = r.u8();
        long atime = r.u64();
        long mtime = r.u64();
        long ctime = r.u64();
        int nlink = r.u32();
        long length = 0;
        Inode n;
        if (type == FileType.FILE) {
            FileNode f = new FileNode(id, mode, uid, gid, goal, ctime);
            length = r.u64();
            chunkTable(r, f);
            n = f;
        } else if (type == FileType.DIRECTORY) {
            DirNode d = new DirNode(id, id, mode, uid, gid, goal, ctime);
            d.restoreNextCookie(r.u64());
            n = d;
        } else if (type == FileType.SYMLINK) {
            n = new SymlinkNode(id, r.str(), uid, gid, goal, ctime);
        } else {
            n = new SpecialNode(id, type, mode, r.u32(), uid, gid, goal, ctime);
        }
        if (!n.isDirectory()) {
            n.restoreLinks(nlink);
        }
        n.setAtime(atime);
        n.setMtime(mtime);
        n.setCtime(ctime);
        int xattrs = r.u32();
        for (int i = 0; i < xattrs; i++) {
            n.xattrs().put(r.str(), r.bytes(MAX_XATTR_VALUE));
        }
        tree.add(n);
        if (n instanceof FileNode f) {
            tree.setLength(f, length);
        }
    }

    private static void chunkTable(WireReader r, FileNode f) {
        int count = r.u32();
        if (count < 0 || count > FileNode.MAX_CHUNKS || r.remaining() < count * 8L) {
            throw new IllegalStateException("chunk table of " + count + " entries");
        }
        for (int i = 0; i < count; i++) {
            f.setChunk(i, r.u64());
        }
    }

    private void entries(WireReader r) {
        DirNode dir = tree.expect(r.u64(), DirNode.class);
        int count = r.u32();
        if (count < 0 || count > MAX_LIST) {
            throw new IllegalStateException("entry batch of " + count);
        }
        for (int i = 0; i < count; i++) {
            String name = r.str();
            Inode child = tree.expect(r.u64(), Inode.class);
            dir.restore(name, child, r.u64());
            names++;
        }
    }

    private void chunkBatch(WireReader r) {
        int count = r.u32();
        if (count < 0 || count > MAX_LIST) {
            throw new IllegalStateException("chunk batch of " + count);
        }
        for (int i = 0; i < count; i++) {
            chunks.restore(r.u64(), r.u32(), r.u32(), r.u8());
        }
    }

    private void trashEntry(WireReader r) {
        Inode n = tree.expect(r.u64(), Inode.class);
        long deleted = r.u64();
        tree.trash().add(new Trash.Entry(n.id(), r.str(), deleted), n.trashSeconds());
    }

    private void held(WireReader r) {
        long inode = tree.expect(r.u64(), FileNode.class).id();
        int count = r.u32();
        if (count <= 0 || count > MAX_HOLDERS) {
            throw new IllegalStateException("held file " + inode + " with " + count + " sessions");
        }
        for (int i = 0; i < count; i++) {
            tree.holds().add(inode, r.u64(), r.u32());
        }
    }

    private void trashTimes(WireReader r) {
        int count = r.u32();
        if (count < 0 || count > MAX_LIST) {
            throw new IllegalStateException("trash time batch of " + count);
        }
        for (int i = 0; i < count; i++) {
            tree.expect(r.u64(), Inode.class).setTrashSeconds(r.u32());
        }
    }

    private void reply(WireReader r) {
        long session = r.u64();
        long request = r.u64();
        int kind = r.u8();
        Object result = switch (kind) {
            case ImageFormat.RESULT_DONE -> ReplyCache.DONE;
            case ImageFormat.RESULT_ATTR -> TypeCodecs.attr(r);
            case ImageFormat.RESULT_COUNT -> r.u64();
            default -> throw new IllegalStateException("unknown cached result kind " + kind);
        };
        replies.restore(session, request, result);
    }

    private void end(WireReader r) {
        long inodes = r.u64();
        long nameCount = r.u64();
        long chunkCount = r.u64();
        long replyCount = r.u64();
        if (inodes != tree.inodeCount() || nameCount != names || chunkCount != chunks.size()
                || replyCount != replies.size()) {
            throw new IllegalStateException("end mark counts " + inodes + "/" + nameCount + "/" + chunkCount + "/"
                    + replyCount + " but the image held " + tree.inodeCount() + "/" + names + "/" + chunks.size()
                    + "/" + replies.size());
        }
        if (!(tree.all().stream().anyMatch(n -> n.id() == InodeTable.ROOT && n.isDirectory()))) {
            throw new IllegalStateException("image has no root directory");
        }
        ended = true;
    }

    private MetaState state(Clock clock) {
        tree.reserveIdsBelow(nextInode);
        chunks.reserveIdsBelow(nextChunk);
        MetaState s = new MetaState(new Namespace(clock, tree), chunks, replies, version, maxSession);
        s.restoreTerm(Math.max(0, term));
        s.restoreVoters(voters);
        s.restoreExports(exports);
        return s;
    }
}
