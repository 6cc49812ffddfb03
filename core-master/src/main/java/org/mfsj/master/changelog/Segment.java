package org.mfsj.master.changelog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mfsj.master.meta.codec.CorruptMetadataException;

/**
 * One changelog file, {@code changelog.N.mfs}, N counting up from 1 as files rotate. It starts with
 * a header, {@code "MFSJCLOG" format:u16 minFormat:u16 firstVersion:u64}, then frames of entries
 * from {@code firstVersion} on, each exactly one version after the one before.
 */
public record Segment(long seq, long firstVersion, Path path) implements Comparable<Segment> {
    public static final int HEADER = 20;
    private static final byte[] MAGIC = {'M', 'F', 'S', 'J', 'C', 'L', 'O', 'G'};
    private static final int FORMAT = 1;
    private static final Pattern NAME = Pattern.compile("changelog\\.(\\d{1,18})\\.mfs");

    public static Path pathOf(Path dir, long seq) {
        return dir.resolve("changelog." + seq + ".mfs");
    }

    /** Creates the file with its header, durable together with its directory entry. */
    public static FileChannel create(Path dir, long seq, long firstVersion) throws IOException {
        Path p = pathOf(dir, seq);
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer h = ByteBuffer.allocate(HEADER).put(MAGIC).putShort((short) FORMAT).putShort((short) FORMAT)
                .putLong(firstVersion).flip();
        while (h.hasRemaining()) {
            ch.write(h);
        }
        ch.force(true);
        syncDir(dir);
        return ch;
    }

    /**
     * Every segment in {@code dir}, oldest first, with its header checked. A newest file too short
     * to hold its header was cut by a crash right after it was created: it holds no entry and is
     * left out (see {@link #dropHeaderless}).
     */
    public static List<Segment> list(Path dir) throws IOException {
        List<Segment> out = new ArrayList<>();
        List<Path> files = files(dir);
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            if (i == files.size() - 1 && Files.size(p) < HEADER) {
                break;
            }
            out.add(new Segment(seqOf(p), readHeader(p), p));
        }
        return out;
    }

    /** Deletes a newest segment file cut before its header was whole; returns whether there was one. */
    public static boolean dropHeaderless(Path dir) throws IOException {
        List<Path> files = files(dir);
        if (!files.isEmpty() && Files.size(files.get(files.size() - 1)) < HEADER) {
            Files.delete(files.get(files.size() - 1));
            return true;
        }
        return false;
    }

    /** The changelog files in {@code dir}, by sequence number. */
    private static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(out::add);
        }
        out.sort((a, b) -> Long.compare(seqOf(a), seqOf(b)));
        return out;
    }

    private static long seqOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a changelog file: " + p);
        }
        return Long.parseLong(m.group(1));
    }

    private static long readHeader(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER);
            while (h.hasRemaining() && ch.read(h) >= 0) {
                // reads until full or end of file
            }
            if (h.hasRemaining()) {
                throw new CorruptMetadataException(p, 0, "header cut short (" + h.position() + " bytes)");
            }
            byte[] magic = new byte[MAGIC.length];
            h.get(0, magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new CorruptMetadataException(p, 0, "not a changelog (bad magic)");
            }
            int minFormat = h.getShort(10);
            if (minFormat > FORMAT) {
                throw new CorruptMetadataException(p, 8, "needs changelog format " + minFormat + ", this master reads "
                        + FORMAT);
            }
            long first = h.getLong(12);
            if (first <= 0) {
                throw new CorruptMetadataException(p, 12, "first version " + first);
            }
            return first;
        }
    }

    /** Forces {@code dir}'s entries (a file made, renamed or deleted in it) to disk. */
    public static void syncDir(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    @Override
    public int compareTo(Segment o) {
        return Long.compare(seq, o.seq);
    }
}
