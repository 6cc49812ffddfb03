package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.master.namespace.op.MkdirRecord;
import org.mfsj.master.namespace.op.NamespaceRecord;
import org.mfsj.master.namespace.op.SetXattrRecord;
import org.mfsj.master.namespace.op.UnlinkRecord;

/** The live path and replay share apply: replaying the records must rebuild the same tree. */
class ReplayTest extends NamespaceFixture {
    private final List<NamespaceRecord> log = new ArrayList<>();

    ReplayTest() {
        ns.setRecordSink((r, result) -> log.add(r));
    }

    @Test
    void replayingTheRecordsRebuildsTheSameTreeAndTheSameChunkCallbacks() throws Exception {
        workload();
        Namespace copy = new Namespace(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
        RecordingListener copyListener = new RecordingListener();
        copy.setChunkListener(copyListener);
        log.forEach(copy::replay);

        assertThat(dump(copy)).isEqualTo(dump(ns));
        assertThat(copy.stats()).isEqualTo(ns.stats());
        assertThat(copyListener.all).isEqualTo(listener.all).isNotEmpty();
        // the inode counter was replayed too: the next inode gets the same number on both sides
        assertThat(copy.mkdir(SU, ROOT, "next", 0755).inode()).isEqualTo(ns.mkdir(SU, ROOT, "next", 0755).inode());
    }

    @Test
    void everyKindOfRecordIsExercised() throws Exception {
        workload();
        assertThat(log).extracting(r -> r.getClass().getSimpleName()).contains("MkdirRecord", "MknodRecord",
                "SymlinkRecord", "LinkRecord", "UnlinkRecord", "RmdirRecord", "RenameRecord", "SetAttrRecord",
                "TruncateRecord", "SetXattrRecord", "RemoveXattrRecord", "SetChunkRecord", "ExtendLengthRecord",
                "SetGoalRecord", "PublishRecord", "AppendChunksRecord");
    }

    @Test
    void refusedAndNoOpMutationsLogNothing() throws Exception {
        long f = file(ROOT, "f");
        ns.link(SU, f, ROOT, "g");
        int before = log.size();
        try {
            ns.mkdir(BOB, ROOT, "x", 0755);
        } catch (MfsException e) {
            assertThat(e.status()).isEqualTo(Status.EACCES);
        }
        ns.rename(SU, ROOT, "f", ROOT, "g");
        ns.setattr(SU, f, new SetAttr(0, 0, 0, 0, 0, 0, 0));
        assertThat(log).hasSize(before);
    }

    @Test
    void aRecordThatDoesNotFitTheTreeIsRefusedNotAnsweredWithAnErrno() throws Exception {
        long f = file(ROOT, "f");
        long g = file(ROOT, "g");
        assertThatThrownBy(() -> ns.replay(new UnlinkRecord(ROOT, "f", g, 0)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ns.replay(new MkdirRecord(ROOT, "new", f, 0755, 0, 0, 1, 0)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ns.lookup(SU, ROOT, "f").inode()).isEqualTo(f);
    }

    @Test
    void recordsDoNotAliasCallerArrays() {
        byte[] value = {1, 2, 3};
        SetXattrRecord r = new SetXattrRecord(5, "user.x", value, 0);
        value[0] = 9;
        r.value()[1] = 9;
        assertThat(r.value()).containsExactly(1, 2, 3);
        assertThat(r).isEqualTo(new SetXattrRecord(5, "user.x", new byte[] {1, 2, 3}, 0));
    }

    private void workload() throws Exception {
        long home = dirOf(ALICE, ROOT, "home", 0755);
        tick();
        long docs = ns.mkdir(ALICE, home, "docs", 0750).inode();
        long f = ns.mknod(ALICE, docs, "f", FileType.FILE, 0644, 0).inode();
        ns.setChunk(f, 0, 1001);
        ns.setChunk(f, 1, 1002);
        ns.setChunk(f, 0, 1003);
        ns.extendLength(f, 70_000_000L);
        tick();
        ns.truncate(ALICE, f, 10);
        ns.link(ALICE, f, home, "f-link");
        ns.symlink(ALICE, home, "sym", "docs/f");
        ns.setxattr(ALICE, f, "user.a", "1".getBytes(StandardCharsets.UTF_8), 0);
        ns.setxattr(ALICE, f, "user.b", "2".getBytes(StandardCharsets.UTF_8), 0);
        ns.removexattr(ALICE, f, "user.a");
        ns.setattr(ALICE, f, SetAttr.mode(0600));
        ns.setattr(ALICE, f, SetAttr.timesNow());
        tick();
        ns.mkdir(ALICE, home, "tmp", 0755);
        ns.rename(ALICE, home, "docs", ns.lookup(ALICE, home, "tmp").inode(), "docs");
        ns.setGoal(ALICE, home, 3, true);
        long g = ns.mknod(ALICE, home, "g", FileType.FILE, 0644, 0).inode();
        ns.setChunk(g, 0, 2001);
        ns.rename(ALICE, home, "g", home, "f-link");
        ns.mknod(ALICE, home, "p", FileType.FIFO, 0600, 0);
        ns.unlink(ALICE, home, "p");
        ns.mkdir(ALICE, home, "gone", 0755);
        ns.rmdir(ALICE, home, "gone");
        long obj = ns.mknod(ALICE, home, ".obj", FileType.FILE, 0644, 0).inode();
        ns.setChunk(obj, 0, 3001);
        ns.publish(ALICE, home, ".obj", home, "f-link", "user.s3.meta", "etag".getBytes(StandardCharsets.UTF_8),
                123_456_789L);
        long joined = ns.mknod(ALICE, home, "joined", FileType.FILE, 0644, 0).inode();
        ns.appendChunks(ALICE, joined, java.util.List.of(obj));
    }

    /** Every reachable inode with its path, attributes, cookie, xattrs, chunks and link target. */
    private static List<String> dump(Namespace n) throws MfsException {
        List<String> out = new ArrayList<>();
        out.add("/ " + n.getattr(ROOT));
        dumpDir(n, ROOT, "", out);
        return out;
    }

    private static void dumpDir(Namespace n, long dir, String path, List<String> out) throws MfsException {
        for (DirEntry e : n.readdir(SU, dir, 0, Integer.MAX_VALUE, true).entries()) {
            String p = path + "/" + e.name();
            out.add(p + " cookie=" + e.cookie() + " " + e.attr());
            for (String x : n.listxattr(SU, e.inode())) {
                out.add(p + " xattr " + x + "=" + Arrays.toString(n.getxattr(SU, e.inode(), x)));
            }
            if (e.type() == FileType.FILE) {
                out.add(p + " chunks " + Arrays.toString(n.chunks(e.inode())));
            } else if (e.type() == FileType.SYMLINK) {
                out.add(p + " -> " + n.readlink(e.inode()));
            } else if (e.type() == FileType.DIRECTORY) {
                dumpDir(n, e.inode(), p, out);
            }
        }
    }
}
