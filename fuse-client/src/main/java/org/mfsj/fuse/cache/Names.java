package org.mfsj.fuse.cache;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.fuse.Perms;

/**
 * This mount's own memory of names and attributes, by inode, in front of the master: the kernel
 * keeps its copies for the timeouts it is given, and asks again when they lapse; what a directory
 * listing brought along (ls -l) or a recent answer still holds is then served without a master
 * round trip. Names served from here get the search permission check the master would have made.
 */
public final class Names {
    private final MfsClient client;
    private final EntryCache entries;
    private final AttrCache attrs;
    private final Listings listings;

    public Names(MfsClient client, EntryCache entries, AttrCache attrs, Listings listings) {
        this.client = client;
        this.entries = entries;
        this.attrs = attrs;
        this.listings = listings;
    }

    /** The listing cache, which every invalidation of a directory here also clears. */
    public Listings listings() {
        return listings;
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

    /** {@code name} in {@code dir} asked of the master, whatever the caches hold. */
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

    /** Attributes of an inode asked of the master (and cached); the previous copy is returned too. */
    public Fresh fresh(long inode) throws MfsException {
        Attr before = attrs.peek(inode);
        Attr a = client.getattr(inode);
        attrs.put(a);
        return new Fresh(a, before);
    }

    /** Attributes just asked of the master, and what this mount knew before (null: nothing). */
    public record Fresh(Attr attr, Attr before) {
        /** Whether the file changed since this mount last heard of it, for all this mount can tell. */
        public boolean changed() {
            return before == null || before.length() != attr.length() || before.mtimeNanos() != attr.mtimeNanos()
                    || before.ctimeNanos() != attr.ctimeNanos();
        }
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

    /** This mount wrote bytes up to {@code end} of {@code inode}. */
    public void written(long inode, long end) {
        attrs.written(inode, end);
    }

    /** {@code inode} changed: its attributes (and, for a directory, its listing) must be asked again. */
    public void invalidate(long inode) {
        attrs.invalidate(inode);
        listings.invalidate(inode);
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
}
