package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everyday programs on a real mount of a real cluster: git, tar, cp -a, rsync, a C build. */
class FuseProgramsIT {
    @TempDir
    static Path tmp;

    private static MountedCluster mc;
    private static MountProcess mount;
    private static Path tree;

    @BeforeAll
    static void mount() throws Exception {
        mc = MountedCluster.start(tmp);
        mount = mc.mount;
        tree = sampleTree(tmp.resolve("tree"));
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mc != null) {
            mc.close();
        }
    }

    /** Files of many sizes (one over a chunk block), a hard link, symlinks, an empty dir, modes, times. */
    private static Path sampleTree(Path root) throws Exception {
        Files.createDirectories(root);
        Sh.bash(root, String.join("\n", "set -e",
                "mkdir -p src/a/b empty bin",
                "for i in $(seq 1 40); do head -c $((i * 997)) /dev/urandom > src/a/f$i; done",
                "head -c 3000000 /dev/urandom > src/a/b/big",
                "echo '#!/bin/sh' > bin/run; chmod 755 bin/run",
                "ln src/a/f1 src/hard; ln -s a/f2 src/soft; ln -s ../nowhere src/dangling",
                "chmod 600 src/a/f3; touch -d '2005-05-05 05:05:05' src/a/f4")).ok();
        return root;
    }

    private static Path dir(String name) throws Exception {
        return Files.createDirectory(mount.path(name));
    }

    @Test
    void gitCloneIntoTheMountAndFsck() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        Sh.bash(repo, String.join("\n", "set -e",
                "git init -q . && git config user.email t@example.org && git config user.name t",
                "cp -r " + tree + "/src . && git add -A && git commit -qm one",
                "echo change >> src/a/f5 && git commit -qam two && git tag v1")).ok();
        Path d = dir("git");
        Sh.bash(d, "git clone -q --no-hardlinks " + repo + " clone").ok();
        Path clone = d.resolve("clone");
        assertThat(Sh.bash(clone, "git fsck --full --strict 2>&1 && git log --oneline | wc -l && git status"
                + " --porcelain | wc -l").ok().out().lines().toList()).endsWith("2", "0");
        Sh.bash(clone, "git gc -q && git fsck --full && git checkout -q v1 && cmp src/a/b/big " + repo
                + "/src/a/b/big").ok();
    }

    @Test
    void tarInAndOutIsByteIdentical() throws Exception {
        Path d = dir("tar");
        Sh.bash(tmp, "tar -C " + tree + " -cf in.tar . && tar -C " + d + " -xpf in.tar").ok();
        Sh.bash(tmp, "tar -C " + d + " -cf out.tar . && mkdir back && tar -C back -xpf out.tar").ok();
        assertThat(Sh.bash(tmp, "diff -r --no-dereference " + tree + " back && echo same").ok().out()).contains("same");
        // tar keeps whole seconds: the reference is the same archive unpacked on the local disk
        Sh.bash(tmp, "mkdir direct && tar -C direct -xpf in.tar").ok();
        assertThat(listing(tmp.resolve("back"))).isEqualTo(listing(tmp.resolve("direct")));
    }

    @Test
    void cpArchivePreservesHardLinksSymlinksModesAndTimes() throws Exception {
        Path d = dir("cp");
        Sh.bash(tmp, "cp -a " + tree + "/. " + d).ok();
        assertThat(listing(d)).isEqualTo(listing(tree));
        assertThat(Sh.bash(d, "stat -c '%h %i' src/hard src/a/f1 | sort -u | wc -l").ok().out().strip())
                .as("hard link and its original share one inode").isEqualTo("1");
        assertThat(Sh.bash(tmp, "diff -r --no-dereference " + tree + " " + d + " && echo same").ok().out())
                .contains("same");
    }

    @Test
    void rsyncTwiceCopiesNothingTheSecondTime() throws Exception {
        Path d = dir("rsync");
        String first = Sh.bash(tmp, "rsync -aH --stats " + tree + "/ " + d + "/").ok().out();
        assertThat(first).containsPattern("Number of regular files transferred: [1-9]");
        String second = Sh.bash(tmp, "rsync -aH --stats " + tree + "/ " + d + "/").ok().out();
        assertThat(second).contains("Number of regular files transferred: 0");
        assertThat(listing(d)).isEqualTo(listing(tree));
    }

    @Test
    void compileAndRunACProgramInsideTheMount() throws Exception {
        Path d = dir("build");
        Files.writeString(d.resolve("greet.h"), "const char *greeting(void);\n");
        Files.writeString(d.resolve("greet.c"), "#include \"greet.h\"\nconst char *greeting(void) { return \"hi\"; }\n");
        Files.writeString(d.resolve("main.c"), String.join("\n", "#include <stdio.h>", "#include \"greet.h\"",
                "int main(void) { printf(\"%s from the mount\\n\", greeting()); return 0; }", ""));
        String out = Sh.bash(d, "gcc -O2 -c greet.c && gcc -O2 -c main.c && ar rcs libgreet.a greet.o"
                + " && gcc -o prog main.o -L. -lgreet && ./prog").ok().out();
        assertThat(out).isEqualTo("hi from the mount\n");
    }

    /** Type, mode, link count, mtime, link target and file size of every entry: what cp -a must keep. */
    private static String listing(Path root) throws Exception {
        return Sh.bash(root, "find . -mindepth 1 -printf '%p %y %m %n %T@ %l\\n' | sort;"
                + " find . -type f -printf '%p %s\\n' | sort").ok().out();
    }
}
