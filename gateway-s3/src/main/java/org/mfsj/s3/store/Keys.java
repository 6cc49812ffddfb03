package org.mfsj.s3.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * Which names S3 may use: buckets by the S3 naming rules; keys only when they are valid paths
 * below the bucket (no empty, "." or ".." components), so the tree FUSE and NFS users see stays sane.
 */
public final class Keys {
    public static final int MAX_KEY_BYTES = 1024;
    public static final int MAX_NAME_BYTES = 255;

    private Keys() {
    }

    public static void checkBucket(String name) throws S3Exception {
        if (name.length() < 3 || name.length() > 63) {
            throw new S3Exception(S3Error.INVALID_BUCKET_NAME, "Bucket names are 3 to 63 characters long: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!ok) {
                throw new S3Exception(S3Error.INVALID_BUCKET_NAME,
                        "Bucket names hold only a-z, 0-9, '.' and '-': '" + name + "'");
            }
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))
                || name.contains("..")) {
            throw new S3Exception(S3Error.INVALID_BUCKET_NAME,
                    "Bucket names start and end with a letter or digit and have no '..': '" + name + "'");
        }
    }

    /** A bucket name as a listing shows it; directories that break the rules are not buckets. */
    public static boolean isBucketName(String name) {
        try {
            checkBucket(name);
            return true;
        } catch (S3Exception e) {
            return false;
        }
    }

    /**
     * Whether a key names a directory marker: a valid path and one trailing '/' ({@code "a/b/"}),
     * the zero-byte objects tools make to show a folder. Such a key is the directory itself here.
     */
    public static boolean isDirMarker(String key) {
        return key != null && key.length() > 1 && key.endsWith("/");
    }

    /** The path components of a directory marker's directory; refuses keys that are not a valid path then. */
    public static List<String> markerComponents(String key) throws S3Exception {
        return components(key.substring(0, key.length() - 1));
    }

    /** The path components of a key; refuses keys that are not a valid path. */
    public static List<String> components(String key) throws S3Exception {
        if (key == null || key.isEmpty()) {
            throw new S3Exception(S3Error.INVALID_OBJECT_NAME, "The object key is empty");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new S3Exception(S3Error.KEY_TOO_LONG, "Keys are at most " + MAX_KEY_BYTES + " bytes");
        }
        if (key.indexOf('\0') >= 0) {
            throw new S3Exception(S3Error.INVALID_OBJECT_NAME, "The object key holds a NUL character");
        }
        String[] parts = key.split("/", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new S3Exception(S3Error.INVALID_OBJECT_NAME, "Key '" + key
                        + "' has an empty path component (leading, trailing or double '/'); keys here are file paths");
            }
            if (p.equals(".") || p.equals("..")) {
                throw new S3Exception(S3Error.INVALID_OBJECT_NAME, "Key '" + key
                        + "' has a '" + p + "' component; keys here are file paths");
            }
            if (p.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new S3Exception(S3Error.KEY_TOO_LONG, "Each '/'-separated part of a key is at most "
                        + MAX_NAME_BYTES + " bytes");
            }
        }
        return List.of(parts);
    }
}
