package org.mfsj.s3.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfsj.client.memory.InMemoryMfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.store.S3Store;

/** Listing against a reference model of S3 listing semantics, over keys in nested directories. */
class ListingTest {
    InMemoryMfsClient fs;
    S3Store store;
    long bucket;
    final TreeSet<String> keys = new TreeSet<>(KeyOrder.UTF8);

    @BeforeEach
    void setUp() throws Exception {
        fs = new InMemoryMfsClient();
        store = S3Store.open(fs, "/");
        bucket = fs.mkdir(Creds.ROOT, fs.rootInode(), "bkt", 0755).inode();
    }

    private void add(String key) throws MfsException {
        long dir = bucket;
        String[] parts = key.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            try {
                dir = fs.lookup(Creds.ROOT, dir, parts[i]).inode();
            } catch (MfsException e) {
                dir = fs.mkdir(Creds.ROOT, dir, parts[i], 0755).inode();
            }
        }
        fs.create(Creds.ROOT, dir, parts[parts.length - 1], 0644);
        keys.add(key);
    }

    /** S3's answer computed from the flat key set: entries are keys, or common prefixes ending with the delimiter. */
    private List<String> reference(String prefix, String delimiter) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!k.startsWith(prefix)) {
                continue;
            }
            int i = delimiter == null ? -1 : k.indexOf(delimiter, prefix.length());
            String e = i < 0 ? k : k.substring(0, i + delimiter.length()) + "\0";
            if (out.isEmpty() || !out.get(out.size() - 1).equals(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every page concatenated: objects as keys, common prefixes marked with a trailing NUL. */
    private List<String> paged(String prefix, String delimiter, int maxKeys) throws Exception {
        List<String> out = new ArrayList<>();
        String after = "";
        for (int guard = 0; guard < 10_000; guard++) {
            Listing l = Listing.page(store, Creds.ROOT, bucket, prefix, delimiter, after, maxKeys);
            List<String> page = new ArrayList<>();
            l.objects().forEach(o -> page.add(o.key()));
            l.commonPrefixes().forEach(p -> page.add(p + "\0"));
            page.sort(KeyOrder.UTF8);
            out.addAll(page);
            assertThat(page.size()).isLessThanOrEqualTo(maxKeys);
            if (!l.truncated()) {
                return out;
            }
            after = l.next();
        }
        throw new AssertionError("listing did not end");
    }

    @Test
    void byteOrderAcrossDirectories() throws Exception {
        for (String k : List.of("a/x", "a.txt", "a0", "a/y/z", "b", "é", "\uE000", "😀", "a/y.q", "a-")) {
            add(k);
        }
        List<String> all = paged("", null, 1000);
        assertThat(all).containsExactly("a-", "a.txt", "a/x", "a/y.q", "a/y/z", "a0", "b", "é", "\uE000", "😀");
        List<byte[]> bytes = all.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        for (int i = 1; i < bytes.size(); i++) {
            assertThat(Arrays.compareUnsigned(bytes.get(i - 1), bytes.get(i))).isNegative();
        }
        assertThat(paged("", "/", 1000)).containsExactly("a-", "a.txt", "a/\0", "a0", "b", "é", "\uE000", "😀");
        assertThat(paged("a/y", "/", 1000)).containsExactly("a/y.q", "a/y/\0");
        assertThat(paged("a/", ".", 1000)).containsExactly("a/x", "a/y.\0", "a/y/z");
    }

    @Test
    void randomTreesPagesPrefixesAndDelimitersMatchTheModel() throws Exception {
        Random rnd = new Random(42);
        String[] names = {"a", "b", "ab", "a.b", "a-b", "z", "é", "x y", "0"};
        for (int i = 0; i < 300; i++) {
            int depth = 1 + rnd.nextInt(4);
            StringBuilder k = new StringBuilder();
            for (int d = 0; d < depth; d++) {
                k.append(d > 0 ? "/" : "").append(names[rnd.nextInt(names.length)]);
            }
            String key = k.toString();
            if (conflicts(key)) {
                continue;
            }
            add(key);
        }
        String[] prefixes = {"", "a", "a/", "a/b", "ab/", "é/a", "q"};
        String[] delimiters = {null, "/", "b", "a/", "."};
        for (String p : prefixes) {
            for (String d : delimiters) {
                for (int max : new int[] {1, 3, 1000}) {
                    assertThat(paged(p, d, max)).as("prefix=%s delimiter=%s max=%d", p, d, max)
                            .isEqualTo(reference(p, d));
                }
            }
        }
    }

    /** S3 allows "a" and "a/b" together; a file system does not, and the gateway refuses the second. */
    private boolean conflicts(String key) {
        for (String k : keys) {
            if (k.equals(key) || k.startsWith(key + "/") || key.startsWith(k + "/")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void startAfterAndEmptyDirectoriesLeftByOtherDoors() throws Exception {
        add("d/1");
        add("d/2");
        add("e");
        fs.mkdir(Creds.ROOT, bucket, "empty", 0755);
        assertThat(paged("", "/", 1000)).containsExactly("d/\0", "e");
        Listing l = Listing.page(store, Creds.ROOT, bucket, "", null, "d/1", 1000);
        assertThat(l.objects()).extracting(Listing.Obj::key).containsExactly("d/2", "e");
        Listing afterPrefix = Listing.page(store, Creds.ROOT, bucket, "", "/", "d/", 1000);
        assertThat(afterPrefix.objects()).extracting(Listing.Obj::key).containsExactly("e");
        assertThat(afterPrefix.commonPrefixes()).isEmpty();
    }

    @Test
    void aBigDirectoryIsPagedFromTheCacheAndSeesNewKeys() throws Exception {
        store = S3Store.open(fs, "/", new DirCache(200), java.time.Clock.systemUTC());
        for (int i = 0; i < 700; i++) {
            add(String.format("k%05d", (i * 7919) % 100_000));
        }
        assertThat(paged("", null, 1000)).isEqualTo(reference("", null));
        Thread.sleep(2); // a later time stamp for the directory's next change
        add("k99999x");
        add("big/nested");
        assertThat(paged("", "/", 1000)).isEqualTo(reference("", "/")).contains("k99999x", "big/\0");
    }
}
