package org.mfsj.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.common.wire.client2master.AttrsAtEnd;

/** Times a door kept until the close (tar's) go with the end of the last write, not in a SetAttr of their own. */
class FlushThenTest extends OnFakeCluster {
    @Test
    void timesGoWithTheEndOfTheWritesTheFlushWaitsForAndNotWhenNothingIsLeftToEnd() throws Exception {
        long inode = client.create(ME, client.rootInode(), "f", 0644).inode();
        try (FileHandle h = client.open(ME, inode, true)) {
            h.write(0, new byte[4096], 0, 4096);
            assertThat(h.flushThen(ME, SetAttrRequest.chmod(0600)).mode() & 07777).as("answered with the end")
                    .isEqualTo(0600);
            assertThat(cluster.master.chunkEnds).hasSize(1);
            AttrsAtEnd then = cluster.master.chunkEnds.get(0).then();
            assertThat(then.mask()).isEqualTo(SetAttrMask.MODE);
            assertThat(then.mode()).isEqualTo(0600);
            assertThat(then.creds().uid()).isEqualTo(1000);

            // carried, but the answer does not show them (this master keeps no times): the caller asks itself
            h.write(4096, new byte[4096], 0, 4096);
            assertThat(h.flushThen(ME, SetAttrRequest.times(11, 22))).as("refused").isNull();
            assertThat(cluster.master.chunkEnds).hasSize(2);
            assertThat(cluster.master.chunkEnds.get(1).then().mtimeNanos()).isEqualTo(22);

            assertThat(h.flushThen(ME, SetAttrRequest.times(33, 44))).as("nothing left to end: the caller sends them")
                    .isNull();
            assertThat(h.flushThen(ME, SetAttrRequest.chown(0, 0))).as("an owner change never rides on an end")
                    .isNull();
            h.write(8192, new byte[4096], 0, 4096);
            h.flush();
            assertThat(cluster.master.chunkEnds).hasSize(3);
            assertThat(cluster.master.chunkEnds.get(2).then()).as("a plain flush's end").isNull();
        }
    }
}
