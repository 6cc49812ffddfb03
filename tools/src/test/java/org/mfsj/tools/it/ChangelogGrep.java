package org.mfsj.tools.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.mfsj.master.changelog.ChangelogRecovery;
import org.mfsj.master.changelog.Segment;
import org.mfsj.master.image.ImageReader;

/**
 * For the message of a failed crash check: the changelog entries of a master's data directory
 * that mention any of some names, with the image's version and the segments' first versions, so
 * that a lost or doubled change can be told apart from a wrong listing without the files.
 */
final class ChangelogGrep {
    private ChangelogGrep() {
    }

    static void print(Path data, Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        try {
            List<Segment> segments = Segment.list(data);
            Path image = data.resolve("metadata.mfs");
            long imageVersion = Files.exists(image) ? ImageReader.load(image, Clock.systemUTC()).version() : -1;
            System.err.printf("changelog of %s: image at version %d, segments %s%n", data, imageVersion,
                    segments.stream().map(s -> s.seq() + "@" + s.firstVersion()).toList());
            if (segments.isEmpty()) {
                return;
            }
            ChangelogRecovery.replay(data, segments.get(0).firstVersion(), e -> {
                String text = e.toString();
                if (names.stream().anyMatch(n -> text.contains("=" + n + ","))) {
                    System.err.println("  " + text);
                }
            }, false);
        } catch (IOException | RuntimeException e) {
            System.err.println("changelog of " + data + " unreadable: " + e);
        }
    }
}
