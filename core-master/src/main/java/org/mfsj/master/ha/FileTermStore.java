package org.mfsj.master.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import org.mfsj.master.changelog.Segment;

/**
 * {@link TermStore} in a small file, {@code raft.term} in the data directory:
 * {@code "MFSJTERM" self:u64 term:u64 votedFor:u64}. Each save writes a new file, forces it and
 * renames it over the old one, then forces the directory: a crash leaves the old or the new
 * state, never a mix. The id is drawn once, when the file is first made.
 *
 * <p>A master that finds no term file makes one, and marks itself a learner with an empty file
 * {@code raft.learner} made first (see {@link TermStore#learner()}): the marker goes once it has
 * caught up with a leader, so a restart in between leaves it a learner.
 */
public final class FileTermStore implements TermStore {
    private static final byte[] MAGIC = {'M', 'F', 'S', 'J', 'T', 'E', 'R', 'M'};
    private static final int SIZE = MAGIC.length + 24;
    public static final String NAME = "raft.term";
    public static final String LEARNER = "raft.learner";

    private final Path file;
    private final long self;
    private long term;
    private long votedFor;
    private boolean learner;
    private volatile long leaderContact = Long.MIN_VALUE;

    private FileTermStore(Path file, long self, long term, long votedFor) {
        this.file = file;
        this.self = self;
        this.term = term;
        this.votedFor = votedFor;
        this.learner = Files.exists(file.resolveSibling(LEARNER));
    }

    @Override
    public long leaderContact() {
        return leaderContact;
    }

    @Override
    public void leaderContact(long millis) {
        leaderContact = millis;
    }

    /** Reads the file in {@code dir}, or makes one with a new id and term 0. */
    public static FileTermStore open(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Files.write(dir.resolve(LEARNER), new byte[0]);
            Segment.syncDir(dir);
            long id = 0;
            while (id == 0) {
                id = new SecureRandom().nextLong() >>> 1;
            }
            FileTermStore s = new FileTermStore(file, id, 0, 0);
            s.write();
            return s;
        }
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        byte[] magic = new byte[MAGIC.length];
        if (b.remaining() != SIZE || !java.util.Arrays.equals(b.get(magic).array(), 0, MAGIC.length, MAGIC, 0,
                MAGIC.length)) {
            throw new IOException(file + " is not a term file (" + b.capacity() + " bytes); it holds this master's"
                    + " votes: restore it from a backup, or remove it only if this master never voted");
        }
        return new FileTermStore(file, b.getLong(), b.getLong(), b.getLong());
    }

    @Override
    public long term() {
        return term;
    }

    @Override
    public long votedFor() {
        return votedFor;
    }

    @Override
    public long self() {
        return self;
    }

    @Override
    public void save(long newTerm, long newVote) {
        long oldTerm = term;
        long oldVote = votedFor;
        term = newTerm;
        votedFor = newVote;
        try {
            write();
        } catch (IOException e) {
            term = oldTerm;
            votedFor = oldVote;
            throw new UncheckedIOException("cannot save term " + newTerm + " to " + file, e);
        }
    }

    private void write() throws IOException {
        Path tmp = file.resolveSibling(NAME + ".tmp");
        ByteBuffer b = ByteBuffer.allocate(SIZE).put(MAGIC).putLong(self).putLong(term).putLong(votedFor).flip();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Segment.syncDir(file.getParent());
    }

    @Override
    public boolean learner() {
        return learner;
    }

    @Override
    public void joined() {
        try {
            Files.deleteIfExists(file.resolveSibling(LEARNER));
            Segment.syncDir(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file.resolveSibling(LEARNER), e);
        }
        learner = false;
    }
}
