package org.mfsj.fuse.cache;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.fuse.Perms;

/**
 * Paths to inodes for a path-based FUSE API over an inode-based client: walks a path name by name
 * through the {@link EntryCache}, asking the master only for names it does not know, and serves
 * attributes from the {@link AttrCache}. Names served from the cache still get the search
 * permission check the master would have made, done here on the directory's cached attributes.
 */
public final class Resolver {
    private final MfsClient client;
    private final EntryCache entries;
    private final AttrCache attrs;

    public Resolver(MfsClient client, EntryCache entries, AttrCache attrs) {
        this.client = client;
        this.entries = entries;
        this.attrs = attrs;
    }

    /** A path's last name and the inode of the directory holding it. */
    public record Parent(long dir, String name) {
    }

    public long root() {
        return client.rootInode();
    }

    /** Attributes of whatever {@code path} names. */
    public Attr attr(Creds c, String path) throws MfsException {
        if (isRoot(path)) {
            return attrOf(root());
        }
        Parent p = parent(c, path);
        return child(c, p.dir(), p.name());
    }

    /**
     * The inode {@code path} names, without its attributes when the name is cached (a stream of
     * writes invalidates the attributes of the file it writes, not its name).
     */
    public long inode(Creds c, String path) throws MfsException {
        if (isRoot(path)) {
            return root();
        }
        Parent p = parent(c, path);
        long cached = entries.get(p.dir(), p.name());
        if (cached != 0) {
            checkSearch(c, p.dir());
            return cached;
        }
        return lookup(c, p.dir(), p.name()).inode();
    }

    /** The directory holding {@code path}'s last name; ENOTDIR when a step is not a directory. */
    public Parent parent(Creds c, String path) throws MfsException {
        int slash = path.lastIndexOf('/');
        if (slash < 0 || isRoot(path)) {
            throw new MfsException(Status.EINVAL, "no parent for path '" + path + "'");
        }
        long dir = root();
        int from = 1;
        while (from < slash) {
            int next = path.indexOf('/', from);
            String name = path.substring(from, next);
            Attr a = child(c, dir, name);
            if (!a.isDirectory()) {
                throw new MfsException(Status.ENOTDIR, "'" + name + "' in " + dir);
            }
            dir = a.inode();
            from = next + 1;
        }
        return new Parent(dir, path.substring(slash + 1));
    }

    /** {@code name} in {@code dir}, from the caches when they know it. */
    public Attr child(Creds c, long dir, String name) throws MfsException {
        long cached = entries.get(dir, name);
        if (cached != 0) {
            checkSearch(c, dir);
            try {
                return attrOf(cached);
            } catch (MfsException e) {
                if (e.status() != Status.ENOENT && e.status() != Status.ESTALE) {
                    throw e;
                }
                // removed behind our back (another client): ask for the name again
                entries.remove(dir, name);
            }
        }
        return lookup(c, dir, name);
    }

    /** {@code name} in {@code dir} asked of the master, whatever the caches hold (close-to-open). */
    public Attr lookup(Creds c, long dir, String name) throws MfsException {
        try {
            Attr a = client.lookup(c, dir, name);
            learned(dir, name, a);
            return a;
        } catch (MfsException e) {
            if (e.status() == Status.ENOENT) {
                entries.remove(dir, name);
            }
            throw e;
        }
    }

    /** Attributes of an inode, cached. */
    public Attr attrOf(long inode) throws MfsException {
        Attr a = attrs.get(inode);
        if (a == null) {
            a = client.getattr(inode);
            attrs.put(a);
        }
        return a;
    }

    /** Attributes of an inode asked of the master (and cached). */
    public Attr freshAttr(long inode) throws MfsException {
        Attr a = client.getattr(inode);
        attrs.put(a);
        return a;
    }

    public void learned(long dir, String name, Attr a) {
        entries.put(dir, name, a.inode());
        attrs.put(a);
    }

    public void learnedAttr(Attr a) {
        attrs.put(a);
    }

    public void forget(long dir, String name) {
        entries.remove(dir, name);
    }

    public void invalidate(long inode) {
        attrs.invalidate(inode);
    }

    /** The inode cached for a name, or 0; for dropping what a removal or rename replaces. */
    public long cachedChild(long dir, String name) {
        return entries.get(dir, name);
    }

    private void checkSearch(Creds c, long dir) throws MfsException {
        if (c.isRoot()) {
            return;
        }
        if (!Perms.allows(c, attrOf(dir), Perms.X)) {
            throw new MfsException(Status.EACCES, "search in directory " + dir + " for uid " + c.uid());
        }
    }

    private static boolean isRoot(String path) {
        return path.equals("/") || path.isEmpty();
    }
}
