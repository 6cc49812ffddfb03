package org.mfsj.master.image;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkIds;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.namespace.tree.Dentry;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.SymlinkNode;
import org.mfsj.master.namespace.tree.Xattrs;

/**
 * Prints a metadata state for people (and for tests comparing two states): one line per inode,
 * name, chunk and cached answer, in a fixed order (by number), so two dumps of equal states are
 * equal text.
 */
public final class MetaDump {
    private MetaDump() {
    }

    public static void print(MetaState s, PrintStream out) {
        out.printf("# metadata version %d, next inode %d, next chunk %s, max session %d%n", s.version(),
                s.namespace().tree().nextId(), ChunkIds.hex(s.chunks().nextId()), s.maxSession());
        List<Inode> nodes = new ArrayList<>(s.namespace().tree().all());
        nodes.sort(Comparator.comparingLong(Inode::id));
        for (Inode n : nodes) {
            out.println(inode(n));
        }
        for (Inode n : nodes) {
            if (n instanceof DirNode d) {
                for (Dentry e : d.entries()) {
                    out.printf("E %d %s -> %d cookie %d%n", d.id(), quote(e.name()), e.inode(), e.cookie());
                }
            }
        }
        List<Chunk> chunks = new ArrayList<>(s.chunks().all());
        chunks.sort(Comparator.comparingLong(Chunk::id));
        for (Chunk c : chunks) {
            out.printf("C %s v%d issued %d goal %d refs %d%n", ChunkIds.hex(c.id()), c.version(), c.issued(), c.goal(),
                    c.refs());
        }
        for (var q : s.namespace().tree().quotas().all()) {
            out.printf("Q %d bytes %d/%d/%d inodes %d/%d/%d%n", q.dir(), q.usedBytes(), q.softBytes(), q.hardBytes(),
                    q.usedInodes(), q.softInodes(), q.hardInodes());
        }
        for (var t : s.namespace().tree().trash().entries()) {
            out.printf("T %d %s deleted %d%n", t.inode(), quote(t.path()), t.deletedNanos());
        }
        s.namespace().tree().holds().all().forEach((inode, holders) -> holders.forEach((session, opens) ->
                out.printf("H %d session %d opens %d%n", inode, session, opens)));
        s.replies().forEach((session, request, result) -> out.printf("R session %d request %d -> %s%n", session,
                request, result));
    }

    private static String inode(Inode n) {
        StringBuilder b = new StringBuilder();
        b.append("I ").append(n.id()).append(' ').append(n.type()).append(" mode ")
                .append(Integer.toOctalString(n.mode())).append(" uid ").append(n.uid()).append(" gid ").append(n.gid())
                .append(" goal ").append(n.goal()).append(" nlink ").append(n.nlink()).append(" length ")
                .append(n.length()).append(" atime ").append(n.atimeNanos()).append(" mtime ").append(n.mtimeNanos())
                .append(" ctime ").append(n.ctimeNanos());
        if (n.trashSeconds() != 0) {
            b.append(" trashtime ").append(n.trashSeconds());
        }
        if (n instanceof DirNode d) {
            b.append(" parent ").append(d.parent()).append(" nextcookie ").append(d.nextCookie());
        } else if (n instanceof FileNode f) {
            b.append(" chunks [");
            long[] t = f.chunks();
            for (int i = 0; i < t.length; i++) {
                b.append(i == 0 ? "" : " ").append(t[i] == 0 ? "-" : ChunkIds.hex(t[i]));
            }
            b.append(']');
        } else if (n instanceof SymlinkNode l) {
            b.append(" target ").append(quote(l.target()));
        } else {
            b.append(" rdev ").append(n.rdev());
        }
        Xattrs x = n.xattrsOrNull();
        if (x != null) {
            for (String name : x.names()) {
                b.append(" xattr ").append(quote(name)).append('=').append(x.get(name).length).append("B");
            }
        }
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20 || ch == 0x7f) {
                b.append(String.format("\\x%02x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
