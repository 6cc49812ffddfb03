package org.mfsj.fuse.handles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.client.DirPage;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;

class DirStreamTest {
    private static DirEntry e(String name, long cookie) {
        return new DirEntry(name, cookie * 10, FileType.FILE, cookie, null);
    }

    @Test
    void servesResumesFromItsPageAndAsksAgainPastIt() {
        DirStream ds = new DirStream(1, Creds.ROOT, 0);
        assertThat(ds.after(0)).as("nothing buffered").isNull();
        ds.buffered(0, new DirPage(List.of(e("a", 3), e("b", 4), e("c", 5)), false));
        assertThat(ds.after(0)).extracting(DirEntry::name).containsExactly("a", "b", "c");
        assertThat(ds.after(4)).extracting(DirEntry::name).containsExactly("c");
        assertThat(ds.after(5)).as("past the page, more to come").isNull();
        assertThat(ds.after(99)).as("a cookie the page does not hold").isNull();
        ds.buffered(5, new DirPage(List.of(e("d", 6)), true));
        assertThat(ds.after(5)).extracting(DirEntry::name).containsExactly("d");
        assertThat(ds.after(6)).as("end of the listing").isEmpty();
        assertThat(ds.takeWhole()).extracting(DirEntry::name).containsExactly("a", "b", "c", "d");
        assertThat(ds.takeWhole()).as("given once: kept at the end, not again at the release").isNull();
        assertThat(ds.after(5)).as("the stream still serves the kernel").extracting(DirEntry::name)
                .containsExactly("d");
    }

    @Test
    void onlyAListingReadInOrderFromTheStartIsWhole() {
        DirStream skipped = new DirStream(1, Creds.ROOT, 0);
        skipped.buffered(4, new DirPage(List.of(e("c", 5)), true));
        assertThat(skipped.takeWhole()).as("began in the middle").isNull();
        DirStream open = new DirStream(1, Creds.ROOT, 0);
        open.buffered(0, new DirPage(List.of(e("a", 3)), false));
        assertThat(open.takeWhole()).as("not read to the end").isNull();
        DirStream cached = DirStream.ofCached(1, Creds.ROOT, List.of(e("a", 3)));
        assertThat(cached.after(0)).extracting(DirEntry::name).containsExactly("a");
        assertThat(cached.takeWhole()).as("nothing new to keep").isNull();
    }
}
