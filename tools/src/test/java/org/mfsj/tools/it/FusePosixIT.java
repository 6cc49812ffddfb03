package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.MfsClient;

/**
 * Our POSIX suite over a real mount of a real cluster: each call a file system needs, its errors,
 * permissions as an unprivileged user, and files that stay usable after unlink or rename.
 */
class FusePosixIT {
    @TempDir
    static Path tmp;

    private static MountedCluster mc;
    private static MountProcess mount;

    @BeforeAll
    static void mount() throws Exception {
        // setpriv'd users must be able to reach the mount point
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        mc = MountedCluster.start(tmp, "allow_other");
        mount = mc.mount;
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mc != null) {
            mc.close();
        }
    }

    private static Path dir(String name) throws Exception {
        return Files.createDirectory(mount.path(name));
    }

    @Test
    void writeReadTruncateAndAppend() throws Exception {
        Path d = dir("rw");
        byte[] data = new byte[20 << 20];
        new Random(3).nextBytes(data);
        Path local = tmp.resolve("rw.bin");
        Files.write(local, data);
        Sh.bash(d, "dd if=" + local + " of=f bs=1M conv=fsync status=none && cmp " + local + " f").ok();
        assertThat(Files.size(d.resolve("f"))).isEqualTo(data.length);
        Sh.bash(d, "perl -e 'truncate(\"f\", 5000) or die \"$!\\n\"'").ok();
        assertThat(Files.readAllBytes(d.resolve("f"))).isEqualTo(java.util.Arrays.copyOf(data, 5000));
        Sh.bash(d, "truncate -s 9000 f").ok();
        byte[] grown = Files.readAllBytes(d.resolve("f"));
        assertThat(grown).hasSize(9000).startsWith(java.util.Arrays.copyOf(data, 5000));
        assertThat(java.util.Arrays.copyOfRange(grown, 5000, 9000)).containsOnly(0);
        Sh.bash(d, "echo one > a && echo two >> a && : > b").ok();
        assertThat(Files.readString(d.resolve("a"))).isEqualTo("one\ntwo\n");
        assertThat(Files.size(d.resolve("b"))).isZero();
        Sh.bash(d, "printf xyz > a").ok();
        assertThat(Files.readString(d.resolve("a"))).as("O_TRUNC on an existing file").isEqualTo("xyz");
    }

    @Test
    void namespaceErrors() throws Exception {
        Path d = dir("errors");
        Path sub = Files.createDirectory(d.resolve("sub"));
        Files.writeString(sub.resolve("f"), "x");
        assertThatThrownBy(() -> Files.createDirectory(sub)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.createFile(sub.resolve("f"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.delete(sub)).isInstanceOf(DirectoryNotEmptyException.class);
        assertThatThrownBy(() -> Files.readString(d.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.size(sub.resolve("f/below"))).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("Not a directory");
        assertThatThrownBy(() -> Files.newOutputStream(sub).close()).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("Is a directory");
        Sh.fails(sub, "rmdir f", "Not a directory");
        Sh.fails(d, "unlink sub", "Is a directory");
        Sh.fails(d, "perl -e 'link(\"sub\", \"sublink\") or die \"$!\\n\"'", "Operation not permitted");
        Files.delete(sub.resolve("f"));
        Files.delete(sub);
        assertThat(Files.exists(sub)).isFalse();
    }

    @Test
    void renameOverTargetsAndAcrossDirectories() throws Exception {
        Path d = dir("rename");
        Path a = Files.createDirectory(d.resolve("a"));
        Path b = Files.createDirectory(d.resolve("b"));
        Files.writeString(a.resolve("f"), "first");
        Files.writeString(b.resolve("g"), "second");
        Files.move(a.resolve("f"), b.resolve("g"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(b.resolve("g"))).isEqualTo("first");
        assertThat(Files.exists(a.resolve("f"))).isFalse();
        Path deep = Files.createDirectories(a.resolve("x/y"));
        Files.writeString(deep.resolve("z"), "deep");
        assertThat(Files.readString(d.resolve("a/x/y/z"))).isEqualTo("deep");
        Files.move(a.resolve("x"), b.resolve("moved"));
        assertThat(Files.readString(d.resolve("b/moved/y/z"))).as("subtree under its new name").isEqualTo("deep");
        assertThat(Files.exists(d.resolve("a/x/y/z"))).as("old path after a directory rename").isFalse();
        Files.createDirectory(a.resolve("empty"));
        Sh.bash(d, "mv -T b/moved a/empty").ok();
        assertThat(Files.readString(d.resolve("a/empty/y/z"))).isEqualTo("deep");
        Files.createDirectories(b.resolve("full/keep"));
        Sh.fails(d, "mv -T a/empty b/full", "Directory not empty");
        // perl calls rename(2) itself; mv would refuse before asking the file system
        Sh.fails(d, "perl -e 'rename(\"a/empty\", \"b/g\") or die \"$!\\n\"'", "Not a directory");
    }

    @Test
    void hardLinksSymlinksAndSpecialFiles() throws Exception {
        Path d = dir("links");
        Path f = Files.writeString(d.resolve("f"), "shared");
        Files.createLink(d.resolve("h"), f);
        assertThat(Files.getAttribute(f, "unix:nlink")).isEqualTo(2);
        assertThat(Files.getAttribute(d.resolve("h"), "unix:ino")).isEqualTo(Files.getAttribute(f, "unix:ino"));
        Files.writeString(d.resolve("h"), "changed");
        assertThat(Files.readString(f)).isEqualTo("changed");
        Files.delete(f);
        assertThat(Files.getAttribute(d.resolve("h"), "unix:nlink")).isEqualTo(1);
        Files.createSymbolicLink(d.resolve("s"), Path.of("h"));
        Files.createSymbolicLink(d.resolve("dangling"), Path.of("nowhere/at/all"));
        assertThat(Files.readSymbolicLink(d.resolve("s"))).isEqualTo(Path.of("h"));
        assertThat(Files.readString(d.resolve("s"))).isEqualTo("changed");
        assertThat(Files.isSymbolicLink(d.resolve("dangling"))).isTrue();
        assertThat(Files.exists(d.resolve("dangling"))).isFalse();
        assertThat(Sh.bash(d, "readlink dangling").ok().out().strip()).isEqualTo("nowhere/at/all");
        Sh.bash(d, "mkfifo p && mknod c c 1 3").ok();
        assertThat(Sh.bash(d, "stat -c '%F %t,%T' p c").ok().out())
                .contains("fifo").contains("character special file 1,3");
    }

    @Test
    void modesOwnersTimesAndStatfs() throws Exception {
        Path d = dir("attrs");
        Path f = Files.writeString(d.resolve("f"), "x");
        // chown drops setuid (as on every Linux file system), so the mode goes last
        Sh.bash(d, "chown 123:456 f && chmod 4751 f").ok();
        assertThat(Sh.bash(d, "stat -c '%a %u %g' f").ok().out().strip()).isEqualTo("4751 123 456");
        Sh.bash(d, "chown :789 f && chown 321 f").ok();
        assertThat(Sh.bash(d, "stat -c '%u %g' f").ok().out().strip()).isEqualTo("321 789");
        // the mount drops setuid/setgid itself where the kernel asks it to (FUSE_HANDLE_KILLPRIV_V2):
        // root (CAP_FSETID) writes and truncates keep them, root's chown drops them; setgid without
        // group-execute (a locking mark) stays
        assertThat(Sh.bash(d, "echo y > k && chmod 6777 k && echo z >> k && truncate -s 1 k && stat -c %a k"
                + " && chown 0:0 k && stat -c %a k && chmod 2745 k && chown 1:1 k && stat -c %a k").ok().out()
                .lines().toList()).containsExactly("6777", "777", "2745");
        Sh.bash(d, "touch -d '2001-02-03 04:05:06.5' f").ok();
        assertThat(Files.getLastModifiedTime(f)).isEqualTo(FileTime.fromMillis(981173106500L));
        Sh.bash(d, "touch -m -d '2010-01-01 00:00:00' f").ok();
        assertThat(Files.getLastModifiedTime(f).toMillis()).isEqualTo(1262304000000L);
        assertThat(((FileTime) Files.getAttribute(f, "lastAccessTime")).toMillis())
                .as("atime untouched by touch -m (UTIME_OMIT)").isEqualTo(981173106500L);
        Sh.bash(d, "touch -a f").ok();
        assertThat(Files.getLastModifiedTime(f).toMillis()).as("mtime untouched by touch -a").isEqualTo(1262304000000L);
        assertThat(((FileTime) Files.getAttribute(f, "lastAccessTime")).toMillis())
                .isGreaterThan(System.currentTimeMillis() - 600_000);
        Sh.Result df = Sh.bash(d, "df -k . | tail -1 && stat -f -c '%l' .").ok();
        assertThat(df.out()).contains("mfsj").contains("255");
        assertThat(Files.getFileStore(f).getTotalSpace()).isPositive();
    }

    @Test
    void extendedAttributes() throws Exception {
        Path f = Files.writeString(dir("xattr").resolve("f"), "x");
        UserDefinedFileAttributeView v = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        v.write("color", ByteBuffer.wrap("blue".getBytes(StandardCharsets.UTF_8)));
        v.write("empty", ByteBuffer.allocate(0));
        assertThat(v.list()).containsExactlyInAnyOrder("color", "empty");
        ByteBuffer buf = ByteBuffer.allocate(v.size("color"));
        v.read("color", buf);
        assertThat(new String(buf.array(), StandardCharsets.UTF_8)).isEqualTo("blue");
        v.delete("color");
        assertThat(v.list()).containsExactly("empty");
        assertThatThrownBy(() -> v.size("color")).isInstanceOf(FileSystemException.class);
        assertThatThrownBy(() -> v.delete("color")).isInstanceOf(FileSystemException.class);
    }

    @Test
    void largeDirectoryListsEveryNameOnce() throws Exception {
        Path d = dir("large");
        Sh.bash(d, "seq -f 'entry-with-a-longer-name-%05g' 1 3000 | xargs touch").ok();
        Sh.Result names = Sh.bash(d, "ls -f | grep -c entry-with && ls -f | sort | uniq -d | wc -l").ok();
        assertThat(names.out().split("\\s+")).containsExactly("3000", "0");
        assertThat(Sh.bash(d, "ls -l | grep -c '^-rw'").ok().out().strip()).isEqualTo("3000");
        Sh.bash(d, "ls -f | grep entry-with | xargs rm").ok();
        try (var s = Files.list(d)) {
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void openFilesOutliveUnlinkAndRename() throws Exception {
        Path d = dir("open");
        Files.writeString(d.resolve("f"), "kept");
        Files.writeString(d.resolve("t"), "old");
        String out = Sh.bash(d, String.join("\n",
                "set -e",
                "exec 3<f; rm f; test ! -e f; cat <&3; echo",
                "exec 4<>w; rm w; echo written >&4; cat /proc/$$/fd/4",
                "exec 5<t; echo new > t2; mv t2 t; cat <&5; echo; cat t",
                "echo moving > m; exec 7<m; mv m m2; cat <&7",
                "exec 3<&- 4>&- 5<&- 7<&-")).ok().out();
        assertThat(out).isEqualTo("kept\nwritten\nold\nnew\nmoving\n");
        // the kernel releases closed files a moment after the process exits
        ClusterFixture.await("hidden names of closed files gone", java.time.Duration.ofSeconds(10),
                () -> names(d).equals(java.util.List.of("m2", "t")));
    }

    @Test
    void permissionsForAnUnprivilegedUser() throws Exception {
        Path d = dir("perm");
        Sh.bash(d, String.join("\n", "set -e",
                "echo secret > private; chmod 600 private",
                "echo public > public; chmod 644 public",
                "echo group > grp; chown 0:4242 grp; chmod 640 grp",
                "mkdir closed; chmod 700 closed; echo inside > closed/f; chmod 644 closed/f; cat closed/f >/dev/null",
                "mkdir open; chmod 777 open",
                "echo x > suid; chmod 6777 suid; echo x > suid2; chmod 6777 suid2")).ok();
        int[] none = new int[0];
        String script = String.join("\n",
                "cat private 2>&1 | grep -q 'Permission denied' && echo read-private-denied",
                "cat public",
                "(echo x >> public) 2>&1 | grep -q 'Permission denied' && echo write-public-denied",
                "test -r public && echo access-r; test -w public || echo access-no-w",
                "touch new 2>&1 | grep -q 'Permission denied' && echo create-denied",
                "cat closed/f 2>&1 | grep -q 'Permission denied' && echo search-denied",
                "cat grp 2>&1 | grep -q 'Permission denied' && echo group-denied",
                "chmod 777 public 2>&1 | grep -q 'Operation not permitted' && echo chmod-eperm",
                "echo mine > open/mine && stat -c '%u %g' open/mine && chmod 600 open/mine && echo chmod-own",
                "rm open/mine && echo rm-own",
                "echo y >> suid && stat -c %a suid",
                "truncate -s 1 suid2 && stat -c %a suid2");
        String out = Sh.bashAs(Sh.NOBODY, none, d, script).out();
        assertThat(out.lines().toList()).containsExactly("read-private-denied", "public", "write-public-denied",
                "access-r", "access-no-w", "create-denied", "search-denied", "group-denied", "chmod-eperm",
                Sh.NOBODY + " " + Sh.NOBODY, "chmod-own", "rm-own", "777", "777");
        assertThat(Sh.bashAs(Sh.NOBODY, new int[] {4242}, d, "cat grp").ok().out())
                .as("read through a supplementary group").isEqualTo("group\n");
    }

    /** A create is one master call that creates and opens: each of open(O_CREAT)'s rules still holds. */
    @Test
    void createKeepsModeOwnerExclusivityAndTheCreatorsRightToWrite() throws Exception {
        Path d = dir("create");
        String perl = "perl -MFcntl -e ";
        String out = Sh.bash(d, String.join("\n", "set -e",
                "umask 027; : > masked; stat -c '%a %s' masked; umask 022",
                perl + "'sysopen(F, \"ro\", O_CREAT|O_EXCL|O_RDWR, 0444) or die; syswrite(F, \"abc\") == 3 or die;"
                        + " sysseek(F, 0, 0); sysread(F, $b, 9); print \"$b\\n\"'",
                "stat -c '%a %s' ro",
                perl + "'sysopen(F, \"ap\", O_CREAT|O_WRONLY|O_APPEND, 0644) or die; syswrite(F, \"one\");"
                        + " syswrite(F, \"two\")'",
                "cat ap; echo",
                perl + "'sysopen(F, \"masked\", O_CREAT|O_EXCL|O_WRONLY, 0644) or print \"$!\\n\"'",
                "mkdir shared; chown 0:4343 shared; chmod 770 shared")).ok().out();
        assertThat(out.lines().toList()).containsExactly("640 0", "abc", "444 3", "onetwo", "File exists");

        String asMember = "umask 022; : > shared/n && stat -c '%a %u %g %s' shared/n";
        assertThat(Sh.bashAs(Sh.NOBODY, new int[] {4343}, d, asMember).ok().out().strip())
                .as("created through a supplementary group, owned by the caller").isEqualTo("644 " + Sh.NOBODY + " "
                        + Sh.NOBODY + " 0");
        assertThat(Sh.bashAs(Sh.NOBODY, new int[0], d, ": > shared/m 2>&1").out()).contains("Permission denied");
        assertThat(d.resolve("shared/m")).doesNotExist();

        Path q = dir("create-quota");
        MfsClient c = mc.fx.client();
        c.setQuota(ClusterFixture.ROOT, c.resolve(ClusterFixture.ROOT, "/create-quota").inode(), 0, 0, 0, 1);
        Files.createFile(q.resolve("first"));
        Sh.fails(q, ": > second", "Disk quota exceeded");
        assertThat(Sh.bash(q, "ls").ok().out()).isEqualTo("first\n");
    }

    @Test
    void locksWithinOneMount() throws Exception {
        Path d = dir("locks");
        Files.writeString(d.resolve("f"), "x");
        String out = Sh.bash(d, String.join("\n",
                "flock -x f -c 'touch held; sleep 4' &",
                "for i in $(seq 50); do test -e held && break; sleep 0.1; done",
                "flock -n -s f true && echo shared-granted || echo shared-refused",
                "wait",
                "flock -n -x f true && echo free-granted")).ok().out();
        assertThat(out.lines().toList()).containsExactly("shared-refused", "free-granted");
    }

    private static java.util.List<String> names(Path d) {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
