package org.mfsj.common.wire;

import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.CopyReport;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.types.ServerReport;

/** Wire form of the shared types; every decoder turns a bad value into a malformed frame. */
public final class TypeCodecs {
    private static final int MAX_GROUPS = 1024;
    /**
     * Set in the wire's mode word (above the permission bits) when the inode has no extended
     * attribute. In the mode word rather than a field of its own so that attributes kept in images
     * before it (retry results) read as they were: without the bit, "nobody said".
     */
    static final int NO_XATTRS = 1 << 16;

    private TypeCodecs() {
    }

    public static Status status(WireReader r) {
        int code = r.u16();
        try {
            return Status.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("unknown status code " + code);
        }
    }

    public static FileType fileType(WireReader r) {
        int code = r.u8();
        try {
            return FileType.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("unknown file type " + code);
        }
    }

    public static void creds(WireWriter w, Creds c) {
        w.u32(c.uid()).u32(c.gid());
        int[] g = c.groups();
        w.u32(g.length);
        for (int x : g) {
            w.u32(x);
        }
    }

    public static Creds creds(WireReader r) {
        int uid = r.u32();
        int gid = r.u32();
        int n = r.u32();
        if (n < 0 || n > MAX_GROUPS || r.remaining() < n * 4) {
            throw new MalformedMessageException("bad group count " + n);
        }
        int[] groups = new int[n];
        for (int i = 0; i < n; i++) {
            groups[i] = r.u32();
        }
        return r.admit(new Creds(uid, gid, groups));
    }

    public static void address(WireWriter w, ServerAddress a) {
        w.str(a.host()).u16(a.port());
    }

    public static ServerAddress address(WireReader r) {
        return new ServerAddress(r.str(), r.u16());
    }

    public static void attr(WireWriter w, Attr a) {
        w.u64(a.inode()).u8(a.type().code()).u32(a.mode() | (a.noXattrs() ? NO_XATTRS : 0)).u32(a.uid()).u32(a.gid())
                .u64(a.atimeNanos()).u64(a.mtimeNanos()).u64(a.ctimeNanos())
                .u32(a.nlink()).u64(a.length()).u32(a.rdev()).u8(a.goal()).u32(a.generation());
    }

    public static Attr attr(WireReader r) {
        long inode = r.u64();
        FileType type = fileType(r);
        int modeWord = r.u32();
        return new Attr(inode, type, modeWord & ~NO_XATTRS, r.u32(), r.u32(), r.u64(), r.u64(), r.u64(),
                r.u32(), r.u64(), r.u32(), r.u8(), r.u32(), (modeWord & NO_XATTRS) != 0);
    }

    public static void attrOrNull(WireWriter w, Attr a) {
        w.bool(a != null);
        if (a != null) {
            attr(w, a);
        }
    }

    public static Attr attrOrNull(WireReader r) {
        return r.bool() ? attr(r) : null;
    }

    public static void dirEntry(WireWriter w, DirEntry e) {
        w.str(e.name()).u64(e.inode()).u8(e.type().code()).u64(e.cookie());
        attrOrNull(w, e.attr());
    }

    public static DirEntry dirEntry(WireReader r) {
        return new DirEntry(r.str(), r.u64(), fileType(r), r.u64(), attrOrNull(r));
    }

    public static void disk(WireWriter w, DiskReport d) {
        w.str(d.path()).u64(d.usedBytes()).u64(d.totalBytes()).u32(d.chunks()).bool(d.failed())
                .bool(d.markedForRemoval());
    }

    public static DiskReport disk(WireReader r) {
        return new DiskReport(r.str(), r.u64(), r.u64(), r.u32(), r.bool(), r.bool());
    }

    public static void chunkCopy(WireWriter w, ChunkCopy c) {
        w.u64(c.chunkId()).u32(c.version());
    }

    public static ChunkCopy chunkCopy(WireReader r) {
        return new ChunkCopy(r.u64(), r.u32());
    }

    public static void copyReport(WireWriter w, CopyReport c) {
        address(w, c.server());
        w.u32(c.version()).bool(c.valid());
    }

    public static CopyReport copyReport(WireReader r) {
        return new CopyReport(address(r), r.u32(), r.bool());
    }

    public static void chunkReport(WireWriter w, ChunkReport c) {
        w.u32(c.index()).u64(c.chunkId()).u32(c.version()).u8(c.goal());
        w.list(c.copies(), TypeCodecs::copyReport);
    }

    public static ChunkReport chunkReport(WireReader r) {
        return new ChunkReport(r.u32(), r.u64(), r.u32(), r.u8(), r.list(64, 7, TypeCodecs::copyReport));
    }

    public static void server(WireWriter w, ServerReport s) {
        w.u64(s.serverId());
        address(w, s.address());
        w.bool(s.connected()).u32(s.chunks());
        w.list(s.disks(), TypeCodecs::disk);
    }

    public static ServerReport server(WireReader r) {
        return new ServerReport(r.u64(), address(r), r.bool(), r.u32(), r.list(1024, 24, TypeCodecs::disk));
    }
}
