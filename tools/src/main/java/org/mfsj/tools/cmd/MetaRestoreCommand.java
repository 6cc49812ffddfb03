package org.mfsj.tools.cmd;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.master.MasterConfig;
import org.mfsj.master.image.ImageWriter;
import org.mfsj.master.image.MetaStore;
import org.mfsj.master.meta.MetaChecker;
import org.mfsj.master.meta.MetaState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mfs metarestore -d DIR}: the metadata a master would start with (newest image plus every
 * changelog entry after it), checked for consistency and saved as a new image, as mfsmetarestore
 * does. Read-only on the changelog: a torn last record is reported and left for the master to cut.
 */
@Command(name = "metarestore", description = "Rebuild metadata.mfs from the image and the changelogs of a master's data directory.")
public final class MetaRestoreCommand implements Callable<Integer> {
    @Option(names = {"-d", "--data"}, required = true, paramLabel = "DIR",
            description = "the master's DATA_PATH (metadata.mfs and changelog.N.mfs)")
    Path data;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "where to write the new metadata.mfs (default: the data directory; the old image is kept as metadata.mfs.back)")
    Path output;

    @Option(names = {"-n", "--dry-run"}, description = "check only; write nothing")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("no such directory: " + data);
        }
        PrintStream out = System.out;
        long started = System.nanoTime();
        MetaState s = MetaStore.recover(data, Clock.systemUTC(), MasterConfig.DEFAULT_GOAL.defaultValue(), false);
        out.printf("metadata version %d: %d inodes, %d chunks, loaded in %d ms%n", s.version(),
                s.namespace().tree().inodeCount(), s.chunks().size(), (System.nanoTime() - started) / 1_000_000);
        List<String> problems = MetaChecker.check(s);
        problems.forEach(p -> out.println("inconsistent: " + p));
        if (!problems.isEmpty()) {
            out.println(problems.size() + " problem(s) found; no image written");
            return 1;
        }
        out.println("consistent");
        if (!dryRun) {
            Path written = ImageWriter.write(s, output != null ? output : data);
            out.println("image written: " + written);
        }
        return 0;
    }
}
