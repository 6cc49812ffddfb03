package org.mfsj.fuse.cache;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.mfsj.client.DirLeaseHolder;
import org.mfsj.client.DirPage;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.fuse.CacheSettings;
import org.mfsj.fuse.Perms;

/**
 * This mount's own memory of names and attributes, by inode, in front of the master: the kernel
 * keeps its copies for the timeouts it is given, and asks again when they lapse; what a directory
 * listing brought along (ls -l) or a recent answer still holds is then served without a master
 * round trip. Names served from here get the search permission check the master would have made.
 */
public final class Names {
    /** A directory listed this recently is listed again rather than asked name by name (ls -l). */
    static final long RELIST_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Directories smaller than this are cheaper to ask name by name. */
    static final int RELIST_MIN_ENTRIES = 64;

    /**
     * Whether a listing of {@code dir} (its attributes) for the kernel reads names only: a directory
     * large enough that the lookups after it list it again with attributes ({@link #child}) rather
     * than ask name by name. A listing alone (find, a shell glob, scandir) then neither has the
     * master fetch and send every entry's attributes nor this mount decode and cache them.
     */
    public static boolean listsNamesOnly(Attr dir) {
        return dir.length() >= RELIST_MIN_ENTRIES;
    }

    private final MfsClient client;
    /** Directories being listed again now: one listing at a time each, other lookups ask the master. */
    private final Set<Long> relisting = ConcurrentHashMap.newKeySet();
    private final EntryCache entries;
    private final AttrCache attrs;
    private final Listings listings;
    private final KnownNames known;
    private final PendingTimes times = new PendingTimes();
    private final DirLeaseHolder leases;

    public Names(MfsClient client, EntryCache entries, AttrCache attrs, Listings listings, KnownNames known) {
        this.client = client;
        this.entries = entries;
        this.attrs = attrs;
        this.listings = listings;
        this.known = known;
        this.leases = client == null ? DirLeaseHolder.NONE : client.dirLeases();
        leases.onRecall(new DirLeaseHolder.Recalls() {
            @Override
            public void recalled(long dir) {
                known.recalled(dir);
            }

            @Override
            public void allLost() {
                known.allLost();
            }
        });
    }

    /** Times set here that wait for this mount's writes; every attribute handed out here shows them. */
    public PendingTimes pendingTimes() {
        return times;
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
        if (known.absent(dir, name) || known.leaseDue(dir) && lease(dir, true) && known.absent(dir, name)) {
            checkSearch(c, dir);
            throw new MfsException(Status.ENOENT, "'" + name + "' is not in directory " + dir + " (names known)");
        }
        if (relisted(c, dir)) {
            long inode = entries.get(dir, name);
            if (inode != 0) {
                checkSearch(c, dir);
                return attrOf(inode);
            }
        }
        Attr found = lookup(c, dir, name);
        Attr d = attrs.peek(dir);
        if (d != null) {
            listings.askedAlone(dir, d.length(), RELIST_WINDOW_NANOS, RELIST_MIN_ENTRIES);
        }
        return found;
    }

    /**
     * A program that listed a large directory and now looks at each name in it (ls -l, find, du)
     * outlives the timeouts of what the listing brought: once they lapse, the directory is listed
     * again with attributes, one master request per 10,000 names instead of one per name, while
     * the page the program read is recent (that listing, not this one, stays what the kernel and
     * the listing cache hold). A program that looks at many of its names by path without listing
     * it (a stat or open of each) makes it due the same way ({@link Listings#askedAlone}). False
     * when the directory does not qualify or the listing failed; the name is then asked alone.
     */
    private boolean relisted(Creds c, long dir) {
        if (!listings.relistDue(dir, RELIST_WINDOW_NANOS, RELIST_MIN_ENTRIES) || !relisting.add(dir)) {
            return false;
        }
        try {
            long cookie = 0;
            int seen = 0;
            while (seen <= Listings.MAX_ENTRIES) {
                DirPage page = client.readdir(c, dir, cookie, CacheSettings.READDIR_PAGE, true);
                for (DirEntry e : page.entries()) {
                    if (e.attr() != null) {
                        learned(dir, e.name(), e.attr());
                    }
                }
                seen += page.entries().size();
                if (page.eof() || page.entries().isEmpty()) {
                    break;
                }
                cookie = page.entries().get(page.entries().size() - 1).cookie();
            }
            return true;
        } catch (MfsException e) {
            // no right to list (a lookup needs only search) or a passing failure: ask the name alone
            return false;
        } finally {
            relisting.remove(dir);
        }
    }

    /** {@code name} in {@code dir} asked of the master, whatever the caches hold. */
    public Attr lookup(Creds c, long dir, String name) throws MfsException {
        try {
            return learned(dir, name, client.lookup(c, dir, name));
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
        return a != null ? a : learnedAttr(client.getattr(inode));
    }

    /** The cached attributes of an inode, or null when unknown or expired; never asks the master. */
    public Attr cachedAttr(long inode) {
        return attrs.get(inode);
    }

    /** The last attributes this mount had of an inode, expired or not (null: none); never asks the master. */
    public Attr lastKnownAttr(long inode) {
        return attrs.peek(inode);
    }

    /** Attributes of an inode asked of the master (and cached); the previous copy is returned too. */
    public Fresh fresh(long inode) throws MfsException {
        Attr before = attrs.peek(inode);
        return new Fresh(learnedAttr(client.getattr(inode)), before);
    }

    /** Attributes just asked of the master, and what this mount knew before (null: nothing). */
    public record Fresh(Attr attr, Attr before) {
        /** Whether the file changed since this mount last heard of it, for all this mount can tell. */
        public boolean changed() {
            return before == null || before.length() != attr.length() || before.mtimeNanos() != attr.mtimeNanos()
                    || before.ctimeNanos() != attr.ctimeNanos();
        }
    }

    /** Keeps {@code a} as what {@code name} in {@code dir} is; returns it as this mount shows it. */
    public Attr learned(long dir, String name, Attr a) {
        entries.put(dir, name, a.inode());
        return learnedAttr(a);
    }

    /** Keeps {@code a}; returns it as this mount shows it (with times set here and not yet sent). */
    public Attr learnedAttr(Attr a) {
        Attr shown = times.patch(a);
        attrs.put(shown);
        return shown;
    }

    /**
     * This mount changed {@code dir}, whose attributes after the change are {@code after} (null
     * when unknown): they serve the kernel's next getattr of it (its permission check before the
     * next name operation there) without a master round trip; its listing is asked again.
     */
    public void changedDir(long dir, Attr after) {
        if (after == null) {
            invalidate(dir);
            return;
        }
        attrs.putUnlessOlder(after);
        listings.invalidate(dir);
    }

    /** This mount gave {@code name} in {@code dir} a file (after {@link #changedDir} for it). */
    public void added(long dir, String name) {
        known.added(dir, name);
    }

    /**
     * This mount made directory {@code dir}, asked at {@code since}: it has no names yet. The master
     * is asked for a lease on its names, so that the lookup before each name made there (which the
     * kernel sends before every create) is answered here.
     */
    public void madeEmpty(long dir, long since) {
        listedWhole(dir, List.of(), since);
        lease(dir, false);
    }

    /** Asks for a lease on {@code dir} (new or renewed) and keeps it if granted; false when not. */
    private boolean lease(long dir, boolean renew) {
        long mark = known.recallMark();
        long asked = known.now();
        try {
            if (leases.lease(dir, renew)) {
                return known.leased(dir, !renew, asked, DirLeaseHolder.LEASE_NANOS, mark);
            }
        } catch (MfsException e) {
            // the master could not be asked: the names are asked of it one by one, as without a lease
        }
        if (renew) {
            // recalled meanwhile, or the connection changed: what was known of the names is not any more
            known.forget(dir);
        }
        return false;
    }

    /** This mount removed {@code name} from {@code dir}. */
    public void removed(long dir, String name) {
        known.removed(dir, name);
    }

    /** A change in {@code dir} whose outcome is unknown (it failed): its names are asked of the master again. */
    public void namesUnknown(long dir) {
        known.forget(dir);
    }

    /** {@code names} are every name of {@code dir}, listed from the master since {@code since}. */
    public void listedWhole(long dir, Collection<String> names, long since) {
        known.learned(dir, names, since);
        // checked after the set is in place: a change of this mount from then on updates the set,
        // and one that came in before this check (and missed the set) makes it go
        if (listings.changedSince(dir, since)) {
            known.forget(dir);
        }
    }

    /** A clock value to pass as {@code since}. */
    public long now() {
        return known.now();
    }

    public void forget(long dir, String name) {
        entries.remove(dir, name);
    }

    /**
     * Times set on {@code inode} here, to send later ({@link PendingTimes}): what is cached of it
     * shows them from now on, keeping its age.
     */
    public void timesSet(long inode, PendingTimes.Times t) {
        times.set(inode, t);
        attrs.restate(inode, times::patch);
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
