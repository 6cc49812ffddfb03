package org.mfsj.chunkserver.master;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The highest master term (epoch, master HA) this chunkserver has registered under, kept in
 * DATA_PATH so that a restart does not forget it. A master whose term is older was deposed: the
 * chunkserver neither registers with it nor obeys its orders, so a master that lost its majority
 * without knowing it yet can never change a chunk version behind the new leader's back.
 */
public final class TermFence {
    static final String FILE_NAME = "master.term";

    private final Path file;
    private long highest;

    private TermFence(Path file, long highest) {
        this.file = file;
        this.highest = highest;
    }

    /** The fence kept in {@code dataPath} (term 0 when none was kept yet). */
    public static TermFence open(Path dataPath) throws IOException {
        Path f = dataPath.resolve(FILE_NAME);
        try {
            String text = Files.readString(f, StandardCharsets.US_ASCII).strip();
            try {
                return new TermFence(f, Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IOException(f + " holds '" + text + "', not a master term: restore it, or delete it if"
                        + " no master of a newer term can be running", e);
            }
        } catch (NoSuchFileException e) {
            return new TermFence(f, 0);
        }
    }

    /** A fence that lives only as long as the process (tests). */
    public static TermFence inMemory() {
        return new TermFence(null, 0);
    }

    public synchronized long highest() {
        return highest;
    }

    /**
     * Registering with a master of {@code term}: false, changing nothing, when a newer term was
     * seen; otherwise that term is the one obeyed from now on (durable before this returns).
     */
    public synchronized boolean admit(long term) {
        if (term < highest) {
            return false;
        }
        if (term > highest) {
            save(term);
            highest = term;
        }
        return true;
    }

    /** Whether orders given under {@code term} are still to be obeyed. */
    public synchronized boolean current(long term) {
        return term >= highest;
    }

    private void save(long term) {
        if (file == null) {
            return;
        }
        try {
            // written aside then renamed: a crash leaves the old term or the new one, never half of one
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(tmp, term + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep master term " + term + " in " + file, e);
        }
    }
}
