package org.mfsj.master.namespace.tree;

import java.util.Collection;
import java.util.Collections;
import java.util.function.Consumer;
import org.mfsj.common.types.FileType;

/**
 * A directory: its entries by name (for lookup) and by cookie (for resumable listings), its parent
 * (directories have exactly one, so ".." is a field, not an entry) and its count of
 * subdirectories, from which the POSIX link count follows.
 */
public final class DirNode extends Inode {
    /**
     * First cookie a directory hands out. NFSv4 reserves 1 and 2, and the doors use 1 and 2 for the
     * "." and ".." entries they synthesise, so ours start above them.
     */
    public static final long FIRST_COOKIE = 3;

    private final DirEntries names = new DirEntries();
    private long parent;
    private long nextCookie = FIRST_COOKIE;
    private int subdirs;
    /** Who hears of changes to the names here (directory leases); null, as nearly always, when no one. */
    private DirWatch watch;

    public DirNode(long id, long parent, int mode, int uid, int gid, int goal, long nowNanos) {
        super(id, mode, uid, gid, goal, nowNanos);
        this.parent = parent;
    }

    @Override
    public FileType type() {
        return FileType.DIRECTORY;
    }

    /** A directory's size is its number of entries; no tool relies on more than "non-zero-ish". */
    @Override
    public long length() {
        return names.size();
    }

    /** "." and the entry in the parent, plus one ".." per subdirectory. */
    @Override
    public int nlink() {
        return 2 + subdirs;
    }

    @Override
    public void addLink() {
        throw new IllegalStateException("directories cannot be hard-linked");
    }

    @Override
    public void dropLink() {
        throw new IllegalStateException("directories cannot be hard-linked");
    }

    /** The parent directory's inode; the root is its own parent. */
    public long parent() {
        return parent;
    }

    public Dentry find(String name) {
        return names.find(name);
    }

    public boolean isEmpty() {
        return names.size() == 0;
    }

    public int size() {
        return names.size();
    }

    /** The cookie the next linked name will get; an image must save it to keep cookies valid. */
    public long nextCookie() {
        return nextCookie;
    }

    /** Links {@code child} under {@code name}; the caller has checked that the name is free. */
    public Dentry add(String name, Inode child) {
        Dentry d = new Dentry(name, child.id(), nextCookie);
        if (!names.add(d)) {
            throw new IllegalStateException("name '" + name + "' already in directory " + id());
        }
        nextCookie++;
        if (child instanceof DirNode sub) {
            subdirs++;
            sub.parent = id();
        }
        if (watch != null) {
            watch.namesChanged(this);
        }
        return d;
    }

    /** For an image load: links {@code child} under the cookie it had; the cookie counter moves past it. */
    public void restore(String name, Inode child, long cookie) {
        long saved = nextCookie;
        nextCookie = cookie;
        add(name, child);
        nextCookie = Math.max(saved, cookie + 1);
    }

    /** For an image load: the counter as saved, which may be past every cookie still in use. */
    public void restoreNextCookie(long next) {
        nextCookie = Math.max(nextCookie, next);
    }

    /** Unlinks {@code name}, which must name {@code child}. */
    public void remove(String name, Inode child) {
        Dentry d = names.find(name);
        if (d == null || d.inode() != child.id()) {
            throw new IllegalStateException("'" + name + "' in directory " + id() + " is not inode " + child.id());
        }
        names.remove(name);
        if (child instanceof DirNode) {
            subdirs--;
        }
        if (watch != null) {
            watch.namesChanged(this);
        }
    }

    /** {@code w} hears of every name added here or removed from here from now on (null: no one). */
    public void watch(DirWatch w) {
        watch = w;
    }

    public DirWatch watch() {
        return watch;
    }

    /** Entries linked after {@code cookie}, in cookie order; a live view, copy before mutating. */
    public Collection<Dentry> entriesAfter(long cookie) {
        return Collections.unmodifiableCollection(names.after(cookie));
    }

    /**
     * Hands {@code each} the first {@code max} entries linked after {@code cookie}, in cookie order
     * (the directory must not change meanwhile); true when more follow.
     */
    public boolean forEachAfter(long cookie, int max, Consumer<Dentry> each) {
        return names.forEachAfter(cookie, max, each);
    }

    /** All entries in cookie order (a stable order for walks and replays); a live view. */
    public Collection<Dentry> entries() {
        return Collections.unmodifiableCollection(names.all());
    }
}
