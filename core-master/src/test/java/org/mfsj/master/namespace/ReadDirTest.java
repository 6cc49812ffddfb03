package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;

class ReadDirTest extends NamespaceFixture {

    @Test
    void emptyDirectoryIsEofAtOnce() throws Exception {
        long d = dir(ROOT, "d");
        ReadDirPage page = ns.readdir(SU, d, 0, 10, false);
        assertThat(page.entries()).isEmpty();
        assertThat(page.eof()).isTrue();
    }

    @Test
    void entriesComeInLinkOrderWithIncreasingCookiesAboveTheDotCookies() throws Exception {
        long d = dir(ROOT, "d");
        long z = file(d, "z");
        long a = dir(d, "a");
        ns.symlink(SU, d, "m", "z");
        ReadDirPage page = ns.readdir(SU, d, 0, 10, false);
        assertThat(page.eof()).isTrue();
        assertThat(page.entries()).extracting(DirEntry::name).containsExactly("z", "a", "m");
        assertThat(page.entries()).extracting(DirEntry::type)
                .containsExactly(FileType.FILE, FileType.DIRECTORY, FileType.SYMLINK);
        assertThat(page.entries().get(0).inode()).isEqualTo(z);
        assertThat(page.entries().get(1).inode()).isEqualTo(a);
        assertThat(page.entries()).extracting(DirEntry::cookie).isSorted().allMatch(c -> c > 2);
        assertThat(page.entries()).allMatch(e -> e.attr() == null);
    }

    /** The packed listing by name holds what the listing of records holds, page for page. */
    @Test
    void aListingByNameIsTheListingWithoutAttributesPacked() throws Exception {
        long d = dir(ROOT, "d");
        for (int i = 0; i < 7; i++) {
            file(d, "f" + i);
        }
        dir(d, "sub");
        ns.symlink(SU, d, "ünï", "f0");
        ns.unlink(SU, d, "f3");
        long cookie = 0;
        int pages = 0;
        while (true) {
            ReadDirPage records = ns.readdir(SU, d, cookie, 3, false);
            ReadDirNamesPage packed = ns.readdirNames(SU, d, cookie, 3);
            assertThat(packed.eof()).isEqualTo(records.eof());
            assertThat(packed.names().size()).isEqualTo(records.entries().size());
            for (int i = 0; i < packed.names().size(); i++) {
                DirEntry e = records.entries().get(i);
                assertThat(packed.names().name(i)).isEqualTo(e.name());
                assertThat(packed.names().inode(i)).isEqualTo(e.inode());
                assertThat(packed.names().type(i)).isEqualTo(e.type());
                assertThat(packed.names().cookie(i)).isEqualTo(e.cookie());
            }
            pages++;
            if (packed.eof()) {
                break;
            }
            cookie = packed.names().cookie(packed.names().size() - 1);
        }
        assertThat(pages).as("8 names, 3 a page").isEqualTo(3);
    }

    @Test
    void cookiesOneAndTwoStartFromTheBeginning() throws Exception {
        file(ROOT, "a");
        assertThat(ns.readdir(SU, ROOT, 2, 10, false).entries()).extracting(DirEntry::name).containsExactly("a");
    }

    @Test
    void attributesWhenAskedFor() throws Exception {
        long f = file(ROOT, "f");
        ns.extendLength(f, 123);
        DirEntry e = ns.readdir(SU, ROOT, 0, 10, true).entries().get(0);
        assertThat(e.attr()).isEqualTo(attr(f));
    }

    @Test
    void pagesResumeAfterTheCookieAndReportEof() throws Exception {
        long d = dir(ROOT, "d");
        for (int i = 0; i < 5; i++) {
            file(d, "f" + i);
        }
        ReadDirPage first = ns.readdir(SU, d, 0, 2, false);
        assertThat(first.entries()).extracting(DirEntry::name).containsExactly("f0", "f1");
        assertThat(first.eof()).isFalse();
        ReadDirPage second = ns.readdir(SU, d, first.entries().get(1).cookie(), 3, false);
        assertThat(second.entries()).extracting(DirEntry::name).containsExactly("f2", "f3", "f4");
        assertThat(second.eof()).isTrue();
    }

    @Test
    void theCookieOfARemovedEntryStillResumes() throws Exception {
        long d = dir(ROOT, "d");
        for (int i = 0; i < 5; i++) {
            file(d, "f" + i);
        }
        ReadDirPage first = ns.readdir(SU, d, 0, 3, false);
        ns.unlink(SU, d, "f2");
        ns.unlink(SU, d, "f3");
        ReadDirPage rest = ns.readdir(SU, d, first.entries().get(2).cookie(), 10, false);
        assertThat(rest.entries()).extracting(DirEntry::name).containsExactly("f4");
    }

    @Test
    void pagingStaysExactWhileEntriesComeAndGo() throws Exception {
        long d = dir(ROOT, "d");
        List<String> alive = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String name = String.format("f%04d", i);
            file(d, name);
            alive.add(name);
        }
        Set<String> original = new HashSet<>(alive);
        Set<String> deleted = new HashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Random random = new Random(42);
        long cookie = 0;
        int added = 0;
        boolean eof = false;
        while (!eof) {
            ReadDirPage page = ns.readdir(SU, d, cookie, 100, false);
            for (DirEntry e : page.entries()) {
                assertThat(seen.add(e.name())).as("repeated " + e.name()).isTrue();
                assertThat(deleted).doesNotContain(e.name());
                cookie = e.cookie();
            }
            eof = page.eof();
            for (int k = 0; k < 15 && !alive.isEmpty(); k++) {
                String victim = alive.remove(random.nextInt(alive.size()));
                ns.unlink(SU, d, victim);
                deleted.add(victim);
            }
            for (int k = 0; k < 5; k++) {
                String name = "new" + added++;
                file(d, name);
                alive.add(name);
            }
        }
        Set<String> survivors = new HashSet<>(original);
        survivors.removeAll(deleted);
        assertThat(seen).containsAll(survivors);
        assertThat(deleted).hasSizeGreaterThan(100);
    }

    @Test
    void readdirErrors() throws Exception {
        long f = file(ROOT, "f");
        long closed = dirOf(ALICE, ROOT, "closed", 0711);
        assertStatus(Status.ENOTDIR, () -> ns.readdir(SU, f, 0, 10, false));
        assertStatus(Status.ENOENT, () -> ns.readdir(SU, 999, 0, 10, false));
        assertStatus(Status.EACCES, () -> ns.readdir(BOB, closed, 0, 10, false));
        assertStatus(Status.EINVAL, () -> ns.readdir(SU, ROOT, 0, 0, false));
        assertStatus(Status.EINVAL, () -> ns.readdir(SU, ROOT, -1, 10, false));
        assertThat(ns.readdir(ALICE, closed, 0, 10, false).eof()).isTrue();
    }
}
