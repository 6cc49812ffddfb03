package org.mfsj.client.memory;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.FileType;

/** One inode of the in-memory file system; guarded by the owning client's lock. */
final class MemNode {
    final long inode;
    final FileType type;
    int mode;
    int uid;
    int gid;
    long atime;
    long mtime;
    long ctime;
    int nlink = 1;
    int rdev;
    int goal = 1;
    String target = "";
    byte[] data = new byte[0];
    long length;
    final Map<String, byte[]> xattrs = new TreeMap<>();
    /** Directory entries by cookie (creation order), so a cookie survives other entries' removal. */
    final TreeMap<Long, String> byCookie = new TreeMap<>();
    final Map<String, Long> children = new HashMap<>();
    final Map<String, Long> cookies = new HashMap<>();
    /** As the master's: 1 and 2 are left to the "." and ".." entries the doors list. */
    long nextCookie = 3;

    MemNode(long inode, FileType type, int mode, int uid, int gid, long now) {
        this.inode = inode;
        this.type = type;
        this.mode = mode & 07777;
        this.uid = uid;
        this.gid = gid;
        this.atime = now;
        this.mtime = now;
        this.ctime = now;
    }

    Attr attr() {
        return new Attr(inode, type, mode, uid, gid, atime, mtime, ctime, nlink, length, rdev, goal, 1, xattrs.isEmpty());
    }

    void addChild(String name, long child) {
        long c = nextCookie++;
        children.put(name, child);
        cookies.put(name, c);
        byCookie.put(c, name);
    }

    void removeChild(String name) {
        children.remove(name);
        Long c = cookies.remove(name);
        if (c != null) {
            byCookie.remove(c);
        }
    }

    void setLength(long len) {
        if (len > data.length) {
            data = Arrays.copyOf(data, (int) Math.max(len, Math.min(Integer.MAX_VALUE - 8, data.length * 2L)));
        } else if (len < length) {
            Arrays.fill(data, (int) len, (int) length, (byte) 0);
        }
        length = len;
    }
}
