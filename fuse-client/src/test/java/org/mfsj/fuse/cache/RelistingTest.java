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
}
