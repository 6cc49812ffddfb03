package org.mfsj.master.namespace.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The flat tables of the tree against the JDK maps they replace, under random adds and removes. */
class FlatTablesTest {
    @Test
    void longMapBehavesAsAHashMap() {
        Random rnd = new Random(1);
        LongMap<String> flat = new LongMap<>();
        Map<Long, String> ref = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long key = 1 + rnd.nextInt(5_000);
            if (rnd.nextInt(3) == 0) {
                assertThat(flat.remove(key)).isEqualTo(ref.remove(key));
            } else {
                assertThat(flat.putIfAbsent(key, "v" + key)).isEqualTo(ref.putIfAbsent(key, "v" + key));
            }
            if (step % 997 == 0) {
                assertThat(flat.size()).isEqualTo(ref.size());
                assertThat(new ArrayList<>(flat.values())).containsExactlyInAnyOrderElementsOf(ref.values());
                for (long k = 1; k <= 5_000; k++) {
                    assertThat(flat.get(k)).isEqualTo(ref.get(k));
                }
            }
        }
    }

    @Test
    void longMapFilledInAnotherMapsSlotOrderKeepsShortProbeRunsOnceReserved() {
        // 0.6 of a 2^20 table: what an image of 10M inodes was to a 2^24 one
        LongMap<Long> saved = new LongMap<>();
        for (long k = 1; k <= 629_146; k++) {
            saved.putIfAbsent(k, k);
        }
        assertThat(longestRunWhileGrowing(saved, false)).isGreaterThan(10_000);
        assertThat(longestRunWhileGrowing(saved, true)).isLessThan(2_000);
    }

    /** The longest probe run of a map filled in {@code saved}'s slot order, seen before each resize. */
    private static int longestRunWhileGrowing(LongMap<Long> saved, boolean reserve) {
        LongMap<Long> loaded = new LongMap<>();
        if (reserve) {
            loaded.reserve(saved.size());
        }
        int worst = 0;
        int seen = 0;
        for (Long k : saved.values()) {
            loaded.putIfAbsent(k, k);
            seen++;
            // a table of 2^b slots is fullest at 2/3 of them, just before it doubles
            boolean fullest = Integer.bitCount(seen * 3 / 2 + 1) == 1 && (seen * 3 / 2 + 1) * 2 / 3 == seen;
            if (fullest || seen == saved.size()) {
                worst = Math.max(worst, loaded.longestRun());
            }
        }
        return worst;
    }

    @Test
    void dirEntriesFindAndListInCookieOrder() {
        Random rnd = new Random(2);
        DirEntries flat = new DirEntries();
        Map<String, Dentry> byName = new HashMap<>();
        TreeMap<Long, Dentry> byCookie = new TreeMap<>();
        long cookie = DirNode.FIRST_COOKIE;
        for (int step = 0; step < 100_000; step++) {
            String name = "n" + rnd.nextInt(3_000);
            if (rnd.nextInt(2) == 0 && byName.containsKey(name)) {
                Dentry d = byName.remove(name);
                byCookie.remove(d.cookie());
                assertThat(flat.remove(name)).isEqualTo(d);
            } else if (!byName.containsKey(name)) {
                Dentry d = new Dentry(name, step + 1, cookie++);
                assertThat(flat.add(d)).isTrue();
                byName.put(name, d);
                byCookie.put(d.cookie(), d);
            } else {
                assertThat(flat.add(new Dentry(name, 1, cookie++))).isFalse();
            }
            if (step % 499 == 0) {
                assertThat(flat.size()).isEqualTo(byName.size());
                assertThat(List.copyOf(flat.all())).containsExactlyElementsOf(byCookie.values());
                long from = byCookie.isEmpty() ? 0 : byCookie.firstKey() + rnd.nextInt(50);
                assertThat(List.copyOf(flat.after(from))).containsExactlyElementsOf(byCookie.tailMap(from, false)
                        .values());
                for (int i = 0; i < 3_000; i++) {
                    assertThat(flat.find("n" + i)).isEqualTo(byName.get("n" + i));
                }
            }
        }
    }
}
