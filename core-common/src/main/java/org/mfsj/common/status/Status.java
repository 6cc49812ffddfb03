package org.mfsj.common.status;

/**
 * Every outcome a peer can report, once for the whole system. The wire code is stable and never
 * reused; {@link #errno()} is the Linux errno the doors map to (0 where none fits exactly).
 */
public enum Status {
    OK(0, 0, "ok"),
    EPERM(1, 1, "operation not permitted"),
    ENOENT(2, 2, "no such file or directory"),
    EIO(3, 5, "input/output error"),
    EACCES(4, 13, "permission denied"),
    EEXIST(5, 17, "file exists"),
    EXDEV(6, 18, "cross-device link"),
    ENOTDIR(7, 20, "not a directory"),
    EISDIR(8, 21, "is a directory"),
    EINVAL(9, 22, "invalid argument"),
    EFBIG(10, 27, "file too large"),
    ENOSPC(11, 28, "no space left on device"),
    EROFS(12, 30, "read-only file system"),
    EMLINK(13, 31, "too many links"),
    ERANGE(14, 34, "result too large"),
    ENAMETOOLONG(15, 36, "file name too long"),
    ENOTEMPTY(16, 39, "directory not empty"),
    ELOOP(17, 40, "too many levels of symbolic links"),
    ENODATA(18, 61, "no such attribute"),
    ENOTSUP(19, 95, "operation not supported"),
    ETIMEDOUT(20, 110, "timed out"),
    ESTALE(21, 116, "stale file handle"),
    EDQUOT(22, 122, "disk quota exceeded"),
    EBADF(23, 9, "bad file descriptor"),
    EAGAIN(24, 11, "resource temporarily unavailable"),
    // storage-level outcomes, not visible to POSIX callers as such (doors map them to EIO)
    NO_SUCH_CHUNK(100, 5, "no such chunk"),
    WRONG_VERSION(101, 5, "chunk version mismatch"),
    CRC_ERROR(102, 5, "block checksum mismatch"),
    NO_CHUNKSERVERS(103, 28, "no chunkservers available"),
    CHUNK_BUSY(104, 11, "chunk is being modified"),
    DISCONNECTED(105, 5, "peer disconnected"),
    OUT_OF_RANGE(106, 22, "offset or length outside the chunk"),
    DISK_FAILED(107, 5, "disk failed"),
    CHUNK_EXISTS(108, 17, "chunk already exists"),
    PROTOCOL(109, 71, "protocol error"),
    /** A master that does not lead (a follower, or one deposed): ask another master of the list. */
    NOT_LEADER(110, 5, "this master does not lead; use another master of the list"),
    /** A conditional change found its target name bound to another file than the caller expected. */
    TARGET_CHANGED(111, 116, "the name no longer refers to the file the change expected"),
    /**
     * A master that leads only since moments ago and has not heard from every chunkserver yet, so
     * it knows no copy of the chunk asked for: clients ask again shortly (EIO if it never learns one).
     */
    COPIES_PENDING(112, 5, "the master is still hearing from its chunkservers (just elected or started); "
            + "retry shortly");

    private static final Status[] BY_CODE = new Status[256];

    static {
        for (Status s : values()) {
            BY_CODE[s.code] = s;
        }
    }

    private final int code;
    private final int errno;
    private final String message;

    Status(int code, int errno, String message) {
        this.code = code;
        this.errno = errno;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public int errno() {
        return errno;
    }

    public String message() {
        return message;
    }

    public boolean isOk() {
        return this == OK;
    }

    /** Decodes a wire code; unknown codes are a protocol violation, not a silent EIO. */
    public static Status fromCode(int code) {
        Status s = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (s == null) {
            throw new IllegalArgumentException("unknown status code " + code);
        }
        return s;
    }
}
