package org.mfsj.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.nfs.XdrReader;

/** READDIR and READDIRPLUS: "." and "..", pages by byte count, cookies that survive removals, TOOSMALL. */
class Nfs3ReaddirTest extends Nfs3TestBase {

    XdrReader readdir(byte[] dir, long cookie, int count) throws Exception {
        return nfs.call(READDIR, out -> {
            fh(out, dir);
            out.xdrEncodeLong(cookie);
            out.xdrEncodeOpaque(new byte[8], 8);
            out.xdrEncodeInt(count);
        });
    }

    XdrReader readdirplus(byte[] dir, long cookie, int max) throws Exception {
        return nfs.call(READDIRPLUS, out -> {
            fh(out, dir);
            out.xdrEncodeLong(cookie);
            out.xdrEncodeOpaque(new byte[8], 8);
            out.xdrEncodeInt(max);
            out.xdrEncodeInt(max);
        });
    }

    /** Reads entries into names/cookies; returns eof. */
    static boolean entries(XdrReader r, boolean plus, List<String> names, List<Long> cookies, List<byte[]> fhs) {
        return entries(r, plus, names, cookies, fhs, new ArrayList<>());
    }

    static boolean entries(XdrReader r, boolean plus, List<String> names, List<Long> cookies, List<byte[]> fhs,
                           List<Long> fileids) {
        while (r.b()) {
            fileids.add(r.l());
            names.add(r.str());
            cookies.add(r.l());
            if (plus) {
                assertThat(r.postOp()).isNotNull();
                assertThat(r.b()).isTrue();
                fhs.add(r.opaque());
            }
        }
        boolean eof = r.b();
        r.end();
        return eof;
    }

    @Test
    void smallCountsPageThroughEveryEntryOnce() throws Exception {
        byte[] d = mkdir(root, "many");
        for (int i = 0; i < 50; i++) {
            create(d, "file-" + i, 0644);
        }
        List<String> names = new ArrayList<>();
        long cookie = 0;
        boolean eof = false;
        int pages = 0;
        while (!eof) {
            XdrReader r = readdir(d, cookie, 400);
            assertThat(r.i()).isZero();
            r.postOp();
            r.fixed(8);
            List<Long> cookies = new ArrayList<>();
            eof = entries(r, false, names, cookies, new ArrayList<>());
            assertThat(cookies).isNotEmpty();
            cookie = cookies.get(cookies.size() - 1);
            pages++;
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(names).hasSize(52).doesNotHaveDuplicates().startsWith(".", "..").contains("file-0", "file-49");
    }

    @Test
    void aCookieSurvivesTheRemovalOfItsEntry() throws Exception {
        byte[] d = mkdir(root, "shrinking");
        for (int i = 0; i < 10; i++) {
            create(d, "f" + i, 0644);
        }
        XdrReader r = readdir(d, 0, 300);
        r.i();
        r.postOp();
        r.fixed(8);
        List<String> first = new ArrayList<>();
        List<Long> cookies = new ArrayList<>();
        entries(r, false, first, cookies, new ArrayList<>());
        String last = first.get(first.size() - 1);
        assertThat(nfs.call(REMOVE, out -> dirop(out, d, last)).i()).isZero();
        r = readdir(d, cookies.get(cookies.size() - 1), 8000);
        assertThat(r.i()).isZero();
        r.postOp();
        r.fixed(8);
        List<String> rest = new ArrayList<>();
        assertThat(entries(r, false, rest, new ArrayList<>(), new ArrayList<>())).isTrue();
        assertThat(first.size() + rest.size()).isEqualTo(2 + 10);
        assertThat(rest).doesNotContainAnyElementsOf(first);
    }

    @Test
    void readdirplusCarriesAttributesAndHandles() throws Exception {
        byte[] d = mkdir(root, "plus");
        byte[] f = create(d, "one", 0640);
        XdrReader r = readdirplus(d, 0, 8000);
        assertThat(r.i()).isZero();
        r.postOp();
        r.fixed(8);
        List<String> names = new ArrayList<>();
        List<byte[]> fhs = new ArrayList<>();
        assertThat(entries(r, true, names, new ArrayList<>(), fhs)).isTrue();
        assertThat(names).containsExactly(".", "..", "one");
        assertThat(fhs).satisfiesExactly(dot -> assertThat(dot).isEqualTo(d), dotdot -> assertThat(dotdot).isEqualTo(root),
                one -> assertThat(one).isEqualTo(f));
    }

    @Test
    void aCountTooSmallForOneEntryIsToosmall() throws Exception {
        create(root, "some-long-name-for-an-entry", 0644);
        XdrReader r = readdirplus(root, 0, 120);
        assertThat(r.i()).isEqualTo(Nfs3.ERR_TOOSMALL);
        r.postOp();
        r.end();
    }

    @Test
    void readdirOfAFileIsNotdir() throws Exception {
        byte[] f = create(root, "flat", 0644);
        assertThat(readdir(f, 0, 4000).i()).isEqualTo(Nfs3.ERR_NOTDIR);
    }

    @Test
    void anEmptyDirectoryIsEofAtOnce() throws Exception {
        byte[] d = mkdir(root, "empty");
        XdrReader r = readdir(d, 0, 4000);
        assertThat(r.i()).isZero();
        r.postOp();
        r.fixed(8);
        List<String> names = new ArrayList<>();
        assertThat(entries(r, false, names, new ArrayList<>(), new ArrayList<>())).isTrue();
        assertThat(names).containsExactly(".", "..");
    }

    /** Linux's v3 client lists only what the server sends: without these, "ls -a" had no "." or "..". */
    @Test
    void dotAndDotDotComeFirstWithCookiesOneAndTwo() throws Exception {
        byte[] d = mkdir(root, "dots");
        create(d, "x", 0644);
        long dirId = fileid(d);
        List<String> names = new ArrayList<>();
        List<Long> cookies = new ArrayList<>();
        List<Long> fileids = new ArrayList<>();
        listFrom(d, 0, names, cookies, fileids);
        assertThat(names).containsExactly(".", "..", "x");
        assertThat(cookies.subList(0, 2)).containsExactly(1L, 2L);
        assertThat(fileids.subList(0, 2)).containsExactly(dirId, fileid(root));

        List<String> fromOne = new ArrayList<>();
        listFrom(d, 1, fromOne, new ArrayList<>(), new ArrayList<>());
        assertThat(fromOne).containsExactly("..", "x");
        List<String> fromTwo = new ArrayList<>();
        listFrom(d, 2, fromTwo, new ArrayList<>(), new ArrayList<>());
        assertThat(fromTwo).containsExactly("x");
        List<String> fromX = new ArrayList<>();
        listFrom(d, cookies.get(2), fromX, new ArrayList<>(), new ArrayList<>());
        assertThat(fromX).isEmpty();
    }

    @Test
    void dotDotOfTheExportRootIsTheRoot() throws Exception {
        List<String> names = new ArrayList<>();
        List<Long> fileids = new ArrayList<>();
        listFrom(root, 0, names, new ArrayList<>(), fileids);
        assertThat(names.subList(0, 2)).containsExactly(".", "..");
        assertThat(fileids.subList(0, 2)).containsExactly(fileid(root), fileid(root));
    }

    private void listFrom(byte[] dir, long cookie, List<String> names, List<Long> cookies, List<Long> fileids)
            throws Exception {
        XdrReader r = readdir(dir, cookie, 8000);
        assertThat(r.i()).isZero();
        r.postOp();
        r.fixed(8);
        assertThat(entries(r, false, names, cookies, new ArrayList<>(), fileids)).isTrue();
    }

    private long fileid(byte[] fh) throws Exception {
        XdrReader r = getattr(fh);
        assertThat(r.i()).isZero();
        return r.fattr().fileid();
    }
}
