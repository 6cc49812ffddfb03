package org.mfsj.tools.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a daemon started to record its kind's class data sharing archive ({@link ClassShareArchive}):
 * writes the archive when the daemon ends, so it holds every class the daemon's life loaded.
 *
 * <p>The JVM writes it aside and it is renamed into place only once whole and forced: a JVM that
 * maps a cut archive dies (SIGBUS), so a half-written one must never carry the archive's name.
 * Kinds started several at once (three chunkservers) each write their own and the last rename
 * wins; any of them is right. A failed dump is one log line, and the next life records again.
 */
public final class ClassShareDump {
    /** System property naming the archive this daemon is to write at its end. */
    static final String DUMP_TO = "mfs.cds.dumpTo";
    private static final Logger LOG = LoggerFactory.getLogger(ClassShareDump.class);

    private ClassShareDump() {
    }

    /** In a daemon: writes the archive at exit when its starter asked for one. */
    public static void atExitIfAsked() {
        String to = System.getProperty(DUMP_TO);
        if (to != null && !to.isBlank()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dump(Path.of(to)), "cds-dump"));
        }
    }

    static void dump(Path archive) {
        Path aside = archive.resolveSibling(archive.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[] {new String[] {"dynamic_dump", aside.toString()}},
                    new String[] {String[].class.getName()});
            if (!Files.isRegularFile(aside) || Files.size(aside) == 0) {
                LOG.warn("class data sharing archive {}: the JVM wrote nothing", archive);
                return;
            }
            try (FileChannel ch = FileChannel.open(aside, StandardOpenOption.READ)) {
                ch.force(true);
            }
            Files.move(aside, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("class data sharing archive {} written ({} bytes)", archive, Files.size(archive));
            dropOthers(archive);
        } catch (Exception e) {
            LOG.warn("class data sharing archive {} not written: {}", archive, e.toString());
        } finally {
            try {
                Files.deleteIfExists(aside);
            } catch (IOException ignored) {
                // a leftover aside file is never mapped: its name is not an archive's
            }
        }
    }

    // archives of this kind made for an older jar or another JDK are never mapped again
    private static void dropOthers(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        String prefix = name.substring(0, name.length() - "12345678.jsa".length());
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(archive.getParent(), prefix + "*")) {
            for (Path p : dir) {
                if (!p.equals(archive) && ClassShareArchive.isArchive(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
