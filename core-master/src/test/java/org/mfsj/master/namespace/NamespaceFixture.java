package org.mfsj.master.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;

/** A fresh namespace on a manual clock, some users, and short ways to build trees. */
abstract class NamespaceFixture {
    static final long ROOT = Namespace.ROOT;
    static final Creds SU = Creds.ROOT;
    /** uid 1000, primary group 100, also in group 200. */
    static final Creds ALICE = new Creds(1000, 100, new int[] {200});
    /** uid 1001, primary group 101. */
    static final Creds BOB = new Creds(1001, 101, new int[0]);
    /** uid 1002, in alice's primary group 100. */
    static final Creds CAROL = new Creds(1002, 100, new int[0]);

    final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    final RecordingListener listener = new RecordingListener();
    final Namespace ns = new Namespace(clock);

    NamespaceFixture() {
        ns.setChunkListener(listener);
    }

    void tick() {
        clock.advance(Duration.ofSeconds(1));
    }

    long dir(long parent, String name) throws MfsException {
        return ns.mkdir(SU, parent, name, 0755).inode();
    }

    long file(long parent, String name) throws MfsException {
        return ns.mknod(SU, parent, name, FileType.FILE, 0644, 0).inode();
    }

    /** A directory owned by {@code owner} with {@code mode}, made by root so anyone can be owner. */
    long dirOf(Creds owner, long parent, String name, int mode) throws MfsException {
        long ino = ns.mkdir(SU, parent, name, mode).inode();
        ns.setattr(SU, ino, SetAttr.owner(owner.uid(), owner.gid()));
        ns.setattr(SU, ino, SetAttr.mode(mode));
        return ino;
    }

    long fileOf(Creds owner, long parent, String name, int mode) throws MfsException {
        long ino = ns.mknod(SU, parent, name, FileType.FILE, mode, 0).inode();
        ns.setattr(SU, ino, SetAttr.owner(owner.uid(), owner.gid()));
        ns.setattr(SU, ino, SetAttr.mode(mode));
        return ino;
    }

    Attr attr(long inode) throws MfsException {
        return ns.getattr(inode);
    }

    static void assertStatus(Status expected, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MfsException.class,
                e -> assertThat(e.status()).as(e.getMessage()).isEqualTo(expected));
    }
}
