package org.mfsj.s3.post;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfsj.client.FileHandle;
import org.mfsj.common.status.MfsException;
import org.mfsj.s3.auth.S3User;
import org.mfsj.s3.auth.Users;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.store.BodyWriter;
import org.mfsj.s3.store.Keys;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.store.TempFile;
import org.mfsj.s3.tagging.TagSet;

/**
 * One browser upload's file: checked (signature, policy, key) before its first byte is taken,
 * streamed into a temp file aside with its MD5, then forced and published under its key like a
 * PutObject, or removed if anything fails.
 */
final class PostUpload implements PostForm.FileSink {
    private final S3Store store;
    private final Users users;
    private final Clock clock;
    private final S3Request request;
    private final MessageDigest md5 = BodyWriter.md5();
    private PostPolicy policy;
    private Map<String, String> fields;
    private S3User user;
    private String key;
    private long bucket;
    private TempFile temp;
    private TagSet tags = TagSet.NONE;
    private long length;
    private byte[] copy = new byte[0];

    PostUpload(S3Store store, Users users, Clock clock, S3Request request) {
        this.store = store;
        this.users = users;
        this.clock = clock;
        this.request = request;
    }

    @Override
    public void begin(Map<String, String> formFields, String fileName) throws IOException {
        fields = new LinkedHashMap<>(formFields);
        user = PostAuth.verify(fields, users);
        policy = PostPolicy.parse(fields.get("policy"));
        key = PostAuth.required(fields, "key").replace("${filename}", fileName);
        fields.put("key", key);
        // the bucket the form is posted to, whatever a field of it says
        fields.put("bucket", request.bucket());
        policy.check(fields, clock.instant());
        Keys.components(key);
        String tagging = fields.get("tagging");
        if (tagging != null) {
            // the form carries the PutObjectTagging document itself, not the header's query form
            tags = TagSet.parseXml(tagging.getBytes(StandardCharsets.UTF_8), TagSet.OBJECT_LIMIT);
        }
        bucket = store.bucket(user.creds(), request.bucket()).inode();
        temp = store.newTemp(user.creds());
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        int n = bytes.remaining();
        if (length + n > policy.maxLength()) {
            policy.checkLength(length + n);
        }
        if (copy.length < n) {
            copy = new byte[Math.max(n, 64 << 10)];
        }
        bytes.get(copy, 0, n);
        md5.update(copy, 0, n);
        temp.handle().write(length, copy, 0, n);
        length += n;
    }

    /** The file is whole: forced, then put at its key with the form's headers; returns what was stored. */
    Stored finish() throws IOException {
        policy.checkLength(length);
        ObjectMeta requested = ObjectHeaders.fromRequest(asHeaders());
        String etag = HexFormat.of().formatHex(md5.digest());
        try {
            try (FileHandle h = temp.handle()) {
                h.fsync();
            }
            long mtime = store.nowNanos();
            ObjectMeta meta = new ObjectMeta(requested.headers(), requested.userMeta(), etag, Map.of(), null, 0, -1,
                    tags.tags()).withStamp(etag, mtime, length);
            store.publish(user.creds(), temp, bucket, key, meta, mtime);
            temp = null;
            return new Stored(key, etag, user);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
    }

    /** A form field before the file (lower-case name), or null. */
    String field(String name) {
        return fields == null ? null : fields.get(name);
    }

    /** Removes the temp file of an upload that did not finish. */
    void discardIfUnfinished() {
        if (temp != null) {
            store.discard(temp);
            temp = null;
        }
    }

    /** The form's fields that S3 stores as object headers, as a request carrying them would. */
    private S3Request asHeaders() throws S3Exception {
        Map<String, List<String>> h = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith("x-amz-meta-") || ObjectHeaders.STORED.stream().anyMatch(k::equalsIgnoreCase)) {
                h.put(k, List.of(v));
            }
        });
        return S3Request.parse("POST", "/" + request.bucket(), null, h, "", request.requestId(), request.peer());
    }

    record Stored(String key, String etag, S3User user) {
    }
}
