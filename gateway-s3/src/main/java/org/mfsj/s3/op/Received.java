package org.mfsj.s3.op;

import java.io.IOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mfsj.client.FileHandle;
import org.mfsj.s3.auth.Payload;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.store.BodyWriter;
import org.mfsj.s3.store.ObjectMeta;

/**
 * What an uploaded body produced (PutObject, UploadPart): its ETag and the checksum to keep, by
 * algorithm name, after the length, Content-MD5 and checksum were checked.
 */
public record Received(String etag, Map<String, String> checksum, long length) {

    /** Streams the body into {@code h} and checks it against what the request promised. */
    public static Received receive(Payload p, FileHandle h, UploadChecks checks) throws IOException {
        BodyWriter.Written w = BodyWriter.write(p.stream(), h, 0, checks.algorithm(), p.length());
        if (p.length() >= 0 && w.length() < p.length()) {
            throw new S3Exception(S3Error.INCOMPLETE_BODY, "You did not provide the number of bytes specified by"
                    + " the Content-Length HTTP header (" + w.length() + " of " + p.length() + ")");
        }
        String checksum = checks.verify(w, p.trailers().get());
        Map<String, String> ck = new LinkedHashMap<>();
        if (checksum != null) {
            ck.put(checks.algorithm().name(), checksum);
        }
        return new Received(HexFormat.of().formatHex(w.md5()), ck, w.length());
    }

    /** Metadata holding this body's ETag and checksum on top of {@code requested}'s headers. */
    public ObjectMeta meta(ObjectMeta requested) {
        return new ObjectMeta(requested.headers(), requested.userMeta(), etag, checksum, null, 0, -1,
                requested.tags());
    }
}
