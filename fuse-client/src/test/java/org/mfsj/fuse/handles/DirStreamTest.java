package org.mfsj.fuse.handles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.NameList;

class DirStreamTest {
    private static NameList page(Object... nameThenCookie) {
        List<DirEntry> out = IntStream.range(0, nameThenCookie.length / 2)
                .mapToObj(i -> new DirEntry((String) nameThenCookie[2 * i], (long) (int) nameThenCookie[2 * i + 1] * 10,
                        FileType.FILE, (int) nameThenCookie[2 * i + 1], null))
                .toList();
        return NameList.of(out);
    }

    private static List<String> names(DirStream.Slice s) {
        return s.names().names().subList(s.from(), s.names().size());
    }

    @Test
    void servesResumesFromItsPageAndAsksAgainPastIt() {
        DirStream ds = new DirStream(1, Creds.ROOT, 0);
        assertThat(ds.after(0)).as("nothing buffered").isNull();
        ds.buffered(0, page("a", 3, "b", 4, "c", 5), false);
        assertThat(names(ds.after(0))).containsExactly("a", "b", "c");
        assertThat(names(ds.after(4))).containsExactly("c");
        assertThat(ds.after(5)).as("past the page, more to come").isNull();
        assertThat(ds.after(99)).as("a cookie the page does not hold").isNull();
        ds.buffered(5, page("d", 6), true);
        assertThat(names(ds.after(5))).containsExactly("d");
        assertThat(ds.after(6).isEmpty()).as("end of the listing").isTrue();
        assertThat(ds.takeWhole().names()).containsExactly("a", "b", "c", "d");
        assertThat(ds.takeWhole()).as("given once: kept at the end, not again at the release").isNull();
        assertThat(names(ds.after(5))).as("the stream still serves the kernel").containsExactly("d");
    }

    @Test
    void onlyAListingReadInOrderFromTheStartIsWhole() {
        DirStream skipped = new DirStream(1, Creds.ROOT, 0);
        skipped.buffered(4, page("c", 5), true);
        assertThat(skipped.takeWhole()).as("began in the middle").isNull();
        DirStream open = new DirStream(1, Creds.ROOT, 0);
        open.buffered(0, page("a", 3), false);
        assertThat(open.takeWhole()).as("not read to the end").isNull();
        DirStream cached = DirStream.ofCached(1, Creds.ROOT, page("a", 3));
        assertThat(names(cached.after(0))).containsExactly("a");
        assertThat(cached.takeWhole()).as("nothing new to keep").isNull();
    }
}
