package org.mfsj.tools.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The class data sharing archive of one kind of daemon (master, chunkserver, mount, s3, nfs), kept
 * next to the distribution jar. A fresh JVM reads and checks every class of ours out of the jar
 * before it can run it: the first listing of a fresh mount spent 40% of its fill loading classes,
 * and every daemon's start and first requests pay the same. Java 17 maps the classes a previous
 * life loaded from a dynamic archive instead.
 *
 * <p>The first life of a kind records what it loads and writes the archive when it ends
 * ({@link ClassShareDump}); the lives after it map that archive. The archive's name carries the
 * jar's size and time and the JVM's build, so a rebuilt jar or another JDK looks for another file
 * and records anew (the JVM would refuse a stale archive anyway, with a warning). A daemon never
 * fails for want of an archive: none is used when the class path is not one jar (tests run from
 * class folders), when the jar's folder is not writable, when {@value #SWITCH} is {@code off},
 * or when the caller chose its own sharing options.
 */
public final class ClassShareArchive {
    /** Environment switch: {@code off} starts every daemon without an archive (for A/B runs). */
    public static final String SWITCH = "MFS_CDS";
    private static final String SUFFIX = ".jsa";
    // the JVM's own notes on the archive (classes it skips, a stale file) are not the daemon's news
    private static final String PROCESS_NAME = "-Dmfs.process=";
    private static final String QUIET = "-Xlog:cds*=error";

    private final Path jar;
    private final String role;

    private ClassShareArchive(Path jar, String role) {
        this.jar = jar;
        this.role = role;
    }

    /**
     * The archive of daemon kind {@code role} for the JVM running this code, if sharing applies:
     * the class path is one jar and {@value #SWITCH} is not {@code off}.
     */
    public static Optional<ClassShareArchive> of(String role) {
        if ("off".equalsIgnoreCase(System.getenv(SWITCH))) {
            return Optional.empty();
        }
        return of(System.getProperty("java.class.path", ""), role);
    }

    static Optional<ClassShareArchive> of(String classPath, String role) {
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        return Optional.of(new ClassShareArchive(jar, role.replaceAll("[0-9]+$", "")));
    }

    /**
     * JVM options for a daemon of this kind: map the archive when it is there, else record one
     * when it can be written; none when {@code given} already speaks of sharing.
     */
    public List<String> jvmOptions(List<String> given) {
        if (given.stream().anyMatch(o -> o.startsWith("-Xshare") || o.contains("SharedArchiveFile")
                || o.contains("ArchiveClassesAtExit") || o.contains("DynamicDumpInfo"))) {
            return List.of();
        }
        Path archive;
        try {
            archive = file();
        } catch (IOException e) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, QUIET);
        }
        if (recorder(given) && Files.isWritable(archive.getParent())) {
            return List.of("-XX:+RecordDynamicDumpInfo", QUIET, "-D" + ClassShareDump.DUMP_TO + "=" + archive);
        }
        return List.of();
    }

    // one of a kind started together records (chunkserver1, the first master): each dump costs
    // its daemon's exit seconds of CPU, and all of them would write the same classes
    private static boolean recorder(List<String> given) {
        return given.stream().filter(o -> o.startsWith(PROCESS_NAME)).map(o -> o.substring(PROCESS_NAME.length()))
                .map(name -> name.replaceAll("^.*?([0-9]*)$", "$1")).allMatch(n -> n.isEmpty() || n.equals("1"));
    }

    /** The archive's path: beside the jar, named by the jar, the kind and what makes it valid. */
    Path file() throws IOException {
        return jar.resolveSibling(prefix(jar, role) + validity() + SUFFIX);
    }

    /** What every archive of {@code role} for {@code jar} is named from, of any validity. */
    static String prefix(Path jar, String role) {
        return jar.getFileName() + "." + role + ".";
    }

    static boolean isArchive(Path p) {
        return p.getFileName().toString().endsWith(SUFFIX);
    }

    private String validity() throws IOException {
        CRC32 crc = new CRC32();
        String key = Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis() + ":"
                + System.getProperty("java.vm.version") + ":" + System.getProperty("java.home");
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
