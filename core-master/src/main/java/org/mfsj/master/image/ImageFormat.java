package org.mfsj.master.image;

/**
 * The image file, {@code metadata.mfs}: a header {@code "MFSJIMAG" format:u16 minFormat:u16
 * reserved:u32}, then frames (see {@code Frames}) each starting with a kind byte:
 * <pre>
 *   META     version, max session, next inode, next chunk id
 *   SIZES    the number of inodes, so the loader sizes its table once (format 2 on)
 *   TERM     the master HA term of the entry at the image's version (format 3 on; 0 when absent)
 *   VOTERS   the voting masters' sync addresses, comma-separated, once a change of voters was logged (format 4 on)
 *   EXPORTS  the cluster's exports text, when it was edited and which master read it (format 4 on;
 *            absent while no master has set them)
 *   INODE    one inode with its attributes, xattrs, and kind-specific part
 *   ENTRIES  a directory id and up to {@link #BATCH} names (name, inode, cookie) in cookie order
 *   CHUNKS   up to {@link #BATCH} chunks (id, version, issued, goal)
 *   REPLY    one cached answer (session, request, kind, attributes or count)
 *   TRASH    one file in trash (inode, deletion time, original path), in deletion order
 *   QUOTA    one directory quota's limits (inode, soft and hard bytes, soft and hard inodes)
 *   TRASHTIMES up to {@link #BATCH} (inode, seconds) for every inode whose trash time is not 0
 *   HELD     one file held open past its last name: inode, count, then (session, opens) each
 *            (added within format 4: a reader without it refuses only an image that has one)
 *   END      counts of inodes, names, chunks and replies, so a cut image is told from a whole one
 * </pre>
 * Kind numbers are stable; new kinds get new numbers.
 */
final class ImageFormat {
    static final byte[] MAGIC = {'M', 'F', 'S', 'J', 'I', 'M', 'A', 'G'};
    static final int HEADER = 16;
    /** 4: VOTERS and EXPORTS frames may follow TERM; 3: a TERM frame after SIZES; 2: a SIZES frame after META. */
    static final int FORMAT = 4;
    static final int BATCH = 4096;

    static final int META = 1;
    static final int INODE = 2;
    static final int ENTRIES = 3;
    static final int CHUNKS = 4;
    static final int REPLY = 5;
    static final int TRASH = 6;
    static final int TRASHTIMES = 7;
    static final int QUOTA = 8;
    static final int END = 9;
    static final int SIZES = 10;
    static final int TERM = 11;
    static final int VOTERS = 12;
    static final int HELD = 13;
    static final int EXPORTS = 20;

    static final int RESULT_DONE = 0;
    static final int RESULT_ATTR = 1;
    static final int RESULT_COUNT = 2;

    static final String NAME = "metadata.mfs";
    static final String PREVIOUS = "metadata.mfs.back";
    static final String TEMP = "metadata.mfs.tmp";

    private ImageFormat() {
    }
}
