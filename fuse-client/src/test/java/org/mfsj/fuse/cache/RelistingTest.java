package org.mfsj.fuse.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mfsj.client.MfsClient;
import org.mfsj.client.memory.InMemoryMfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;

/**
 * Lookups of the names of a large directory that was just listed (ls -l): once what the listing
 * brought has expired, the directory is listed again as a whole, not asked name by name.
 */
class RelistingTest {
    private static final long TTL = TimeUnit.SECONDS.toNanos(1);
    private static final int FILES = 200;

    private final AtomicLong now = new AtomicLong(1_000);
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final InMemoryMfsClient real = new InMemoryMfsClient();
    private final MfsClient counted = (MfsClient) Proxy.newProxyInstance(MfsClient.class.getClassLoader(),
            new Class<?>[] {MfsClient.class}, (proxy, m, args) -> {
                calls.merge(m.getName(), 1, Integer::sum);
                try {
                    return m.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final Names names = new Names(counted, new EntryCache(TTL, 1 << 16, now::get),
            new AttrCache(TTL, 1 << 16, now::get), new Listings(TTL, now::get), new KnownNames(0, now::get));

    private long directory(int files) throws Exception {
        long dir = real.mkdir(Creds.ROOT, real.rootInode(), "d" + files, 0755).inode();
        for (int i = 0; i < files; i++) {
            real.create(Creds.ROOT, dir, "f" + i, 0644);
        }
        return dir;
    }

    /** What DirOps does for a listing: one page with attributes, learned. */
    private void list(long dir) throws Exception {
        for (DirEntry e : counted.readdir(Creds.ROOT, dir, 0, 10_000, true).entries()) {
            names.learned(dir, e.name(), e.attr());
        }
        names.listings().pageRead(dir, FILES);
    }

    @Test
    void lookupsAfterTheListingExpiredListTheDirectoryOnceMore() throws Exception {
        long dir = directory(FILES);
        list(dir);
        for (int i = 0; i < FILES / 2; i++) {
            assertThat(names.child(Creds.ROOT, dir, "f" + i).inode()).isNotZero();
        }
        assertThat(calls).doesNotContainKey("lookup").containsEntry("readdir", 1);
        now.addAndGet(TTL);
        for (int i = FILES / 2; i < FILES; i++) {
            assertThat(names.child(Creds.ROOT, dir, "f" + i).inode()).isNotZero();
        }
        assertThat(calls).as("one listing for the hundred names asked after the timeout")
                .doesNotContainKey("lookup").containsEntry("readdir", 2);
    }

    @Test
    void aLargeDirectoryListedByNameOnlyIsListedWithAttributesAtTheFirstLookup() throws Exception {
        long dir = directory(FILES);
        // a directory's length is its number of names (as the master reports it)
        assertThat(Names.listsNamesOnly(real.getattr(dir).withLength(FILES))).isTrue();
        assertThat(Names.listsNamesOnly(real.getattr(dir).withLength(3))).as("a small one comes with attributes")
                .isFalse();
        // what DirOps does for a large directory: one page of names, none learned
        counted.readdir(Creds.ROOT, dir, 0, 10_000, false);
        names.listings().namesRead(dir, FILES);
        for (int i = 0; i < FILES; i++) {
            assertThat(names.child(Creds.ROOT, dir, "f" + i).inode()).isNotZero();
        }
        assertThat(calls).as("the names, then once with attributes for every lookup")
                .doesNotContainKey("lookup").containsEntry("readdir", 2);
    }

    @Test
    void namesTheDirectoryDoesNotHoldAreAskedAloneOnceItWasListedAgain() throws Exception {
        long dir = directory(FILES);
        list(dir);
        now.addAndGet(TTL);
        for (int i = 0; i < 10; i++) {
            String name = "new" + i;
            assertThatThrownBy(() -> names.child(Creds.ROOT, dir, name)).isInstanceOf(MfsException.class);
        }
        assertThat(calls).as("listed again once, then each absent name asked alone")
                .containsEntry("readdir", 2).containsEntry("lookup", 10);
    }

    @Test
    void smallOrLongAgoListedDirectoriesAreAskedNameByName() throws Exception {
        long dir = directory(FILES);
        list(dir);
        now.addAndGet(Names.RELIST_WINDOW_NANOS);
        names.child(Creds.ROOT, dir, "f1");
        assertThat(calls).containsEntry("lookup", 1).containsEntry("readdir", 1);
        long small = directory(3);
        names.listings().pageRead(small, 3);
        names.child(Creds.ROOT, small, "f1");
        assertThat(calls).containsEntry("lookup", 2).containsEntry("readdir", 1);
        assertThat(names.child(Creds.ROOT, dir, "f1")).as("answered from the cache now").isNotNull();
        assertThat(calls).containsEntry("lookup", 2);
    }

    /** The directory's attributes as a lookup of it brings them: its length is its number of names. */
    private void known(long dir, int length) throws Exception {
        names.learnedAttr(real.getattr(dir).withLength(length));
    }

    @Test
    void manyNamesOfALargeDirectoryLookedUpOneByOneListItWithAttributes() throws Exception {
        long dir = directory(FILES);
        known(dir, FILES);
        for (int i = 0; i < FILES; i++) {
            assertThat(names.child(Creds.ROOT, dir, "f" + i).inode()).isNotZero();
        }
        assertThat(calls).as("asked alone until 64 were found, then one listing served the rest")
                .containsEntry("lookup", Names.RELIST_MIN_ENTRIES).containsEntry("readdir", 1);
        now.addAndGet(TTL);
        for (int i = 0; i < FILES; i++) {
            assertThat(names.child(Creds.ROOT, dir, "f" + i).inode()).isNotZero();
        }
        assertThat(calls).as("after the timeout, listed again at the first name")
                .containsEntry("lookup", Names.RELIST_MIN_ENTRIES).containsEntry("readdir", 2);
    }

    @Test
    void absentNamesAndAFewNamesOfAHugeDirectoryAreAskedAlone() throws Exception {
        long dir = directory(FILES);
        known(dir, FILES);
        for (int i = 0; i < FILES; i++) {
            String name = "new" + i;
            assertThatThrownBy(() -> names.child(Creds.ROOT, dir, name)).isInstanceOf(MfsException.class);
        }
        assertThat(calls).as("a create's lookups find nothing: no listing").containsEntry("lookup", FILES)
                .doesNotContainKey("readdir");
        long huge = directory(FILES + 1);
        known(huge, 100 * FILES);
        for (int i = 0; i < FILES; i++) {
            names.child(Creds.ROOT, huge, "f" + i);
        }
        assertThat(calls).as("200 of 20,000 names: fewer than a sixteenth").containsEntry("lookup", 2 * FILES)
                .doesNotContainKey("readdir");
        long slow = directory(FILES + 2);
        known(slow, FILES);
        for (int i = 0; i < FILES; i++) {
            now.addAndGet(Names.RELIST_WINDOW_NANOS / (Names.RELIST_MIN_ENTRIES / 2));
            names.child(Creds.ROOT, slow, "f" + i);
        }
        assertThat(calls).as("fewer than 64 in any window of 10 s").containsEntry("lookup", 3 * FILES)
                .doesNotContainKey("readdir");
    }
}
