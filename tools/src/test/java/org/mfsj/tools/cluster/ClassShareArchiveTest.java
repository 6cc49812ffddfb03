package org.mfsj.tools.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassShareArchiveTest {
    @TempDir
    Path dir;

    /** A stand-in daemon: asks for its archive as MfsMain does, then ends. */
    public static final class Probe {
        public static void main(String[] args) {
            ClassShareDump.atExitIfAsked();
            System.out.println("probe ran");
        }
    }

    @Test
    void noArchiveUnlessTheClassPathIsOneJar() throws IOException {
        Path jar = Files.writeString(dir.resolve("mfs.jar"), "not really a jar");
        assertThat(ClassShareArchive.of(dir.toString(), "master")).isEmpty();
        assertThat(ClassShareArchive.of(jar + File.pathSeparator + dir, "master")).isEmpty();
        assertThat(ClassShareArchive.of(dir.resolve("gone.jar").toString(), "master")).isEmpty();
        assertThat(ClassShareArchive.of(jar.toString(), "master")).isPresent();
    }

    @Test
    void theFirstOfAKindRecordsTheOthersRunWithout() throws IOException {
        Path jar = Files.writeString(dir.resolve("mfs.jar"), "x");
        ClassShareArchive cs = ClassShareArchive.of(jar.toString(), "chunkserver2").orElseThrow();
        Path archive = cs.file();
        assertThat(archive.getFileName().toString()).startsWith("mfs.jar.chunkserver.").endsWith(".jsa");
        assertThat(cs.jvmOptions(List.of("-Dmfs.process=chunkserver1")))
                .contains("-XX:+RecordDynamicDumpInfo", "-D" + ClassShareDump.DUMP_TO + "=" + archive);
        assertThat(cs.jvmOptions(List.of("-Dmfs.process=chunkserver2"))).isEmpty();
        assertThat(cs.jvmOptions(List.of("-Dmfs.process=chunkserver11"))).isEmpty();
        assertThat(cs.jvmOptions(List.of("-Xmx1g"))).contains("-XX:+RecordDynamicDumpInfo");
        assertThat(cs.jvmOptions(List.of("-Xshare:off"))).as("the caller's choice is kept").isEmpty();

        Files.writeString(archive, "an archive");
        assertThat(cs.jvmOptions(List.of("-Dmfs.process=chunkserver2")))
                .contains("-XX:SharedArchiveFile=" + archive).doesNotContain("-XX:+RecordDynamicDumpInfo");
    }

    @Test
    void aRebuiltJarLooksForAnotherArchive() throws IOException {
        Path jar = Files.writeString(dir.resolve("mfs.jar"), "x");
        Path first = ClassShareArchive.of(jar.toString(), "master").orElseThrow().file();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        Path second = ClassShareArchive.of(jar.toString(), "master").orElseThrow().file();
        assertThat(second).isNotEqualTo(first);
        assertThat(ClassShareArchive.of(jar.toString(), "mount").orElseThrow().file()).isNotEqualTo(second);
    }

    /** Real JVMs: the first life writes the archive at its end, the next maps our classes from it. */
    @Test
    void aDaemonsFirstLifeWritesTheArchiveTheNextMapsIt() throws Exception {
        Path jar = probeJar(dir.resolve("mfs.jar"));
        Path stale = dir.resolve(ClassShareArchive.prefix(jar, "master") + "00000000.jsa");
        Files.writeString(stale, "made for an older jar");
        ClassShareArchive cs = ClassShareArchive.of(jar.toString(), "master").orElseThrow();

        String first = run(jar, cs.jvmOptions(List.of("-Dmfs.process=master")), List.of());
        assertThat(first).contains("probe ran");
        assertThat(cs.file()).isRegularFile();
        assertThat(stale).as("an archive of an older jar is dropped").doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }

        List<String> second = cs.jvmOptions(List.of("-Dmfs.process=master"));
        assertThat(second).contains("-XX:SharedArchiveFile=" + cs.file());
        String out = run(jar, second, List.of("-Xlog:class+load=info"));
        assertThat(out).contains("probe ran")
                .containsPattern(Probe.class.getName().replace("$", "\\$") + " source: shared objects file \\(top\\)");
    }

    private static String run(Path jar, List<String> options, List<String> more) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.addAll(more);
        cmd.addAll(List.of("-cp", jar.toString(), Probe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }

    /** One jar with this package's classes and the logging jars they need, as the distribution jar has. */
    private static Path probeJar(Path jar) throws IOException {
        Set<String> seen = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isDirectory(p)) {
                    addPackage(out, p, "org/mfsj/tools/cluster/", seen);
                } else if (p.getFileName().toString().matches("(slf4j-api|logback-classic|logback-core)-.*\\.jar")) {
                    addJar(out, p, seen);
                }
            }
        }
        return jar;
    }

    private static void addPackage(JarOutputStream out, Path root, String pkg, Set<String> seen) throws IOException {
        Path folder = root.resolve(pkg);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = pkg + f.getFileName();
                if (seen.add(name)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
    }

    private static void addJar(JarOutputStream out, Path from, Set<String> seen) throws IOException {
        try (JarFile in = new JarFile(from.toFile())) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("META-INF/") && !name.startsWith("META-INF/services/")
                        || !seen.add(name)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                try (InputStream is = in.getInputStream(entry)) {
                    is.transferTo((OutputStream) out);
                }
                out.closeEntry();
            }
        }
    }
}
