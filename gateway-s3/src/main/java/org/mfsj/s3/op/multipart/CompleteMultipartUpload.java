package org.mfsj.s3.op.multipart;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfsj.client.FileHandle;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.op.Ingest;
import org.mfsj.s3.op.PutCondition;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.store.BodyWriter;
import org.mfsj.s3.store.ChecksumAlgorithm;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.PartSizes;
import org.mfsj.s3.xml.XmlReader;
import org.mfsj.s3.xml.XmlWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * CompleteMultipartUpload: checks the part list, then writes the parts one after another into
 * the new object (aside, then renamed into place). Joining chunks without copying them needs a
 * master operation that does not exist yet, so the bytes are copied.
 */
public final class CompleteMultipartUpload implements S3Operation {
    private static final Logger LOG = LoggerFactory.getLogger(CompleteMultipartUpload.class);
    private static final long MAX_BODY = 4L << 20;

    private final Uploads uploads;
    private final long minPartSize;

    public CompleteMultipartUpload(Uploads uploads, long minPartSize) {
        this.uploads = uploads;
        this.minPartSize = minPartSize;
    }

    private record Wanted(int number, String etag) {
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        long bucket = uploads.store().bucket(x.creds(), r.bucket()).inode();
        Uploads.Upload u;
        try {
            u = uploads.get(x.creds(), r.param("uploadId"), r.bucket(), r.key());
        } catch (S3Exception e) {
            if (e.error() != S3Error.NO_SUCH_UPLOAD) {
                throw e;
            }
            answerRetry(x, bucket, r.param("uploadId"), e);
            return;
        }
        List<Wanted> wanted = parse(x);
        List<Uploads.Part> parts = choose(wanted, uploads.parts(x.creds(), u));
        checkSize(r.header("x-amz-mp-object-size"), parts);
        ObjectMeta requested = uploads.requestedMeta(x.creds(), u);
        long expectTarget = PutCondition.from(r).expectTarget(uploads.store(), x.creds(), bucket, r.key());
        Ingest.Stored s = Ingest.store(uploads.store(), x.creds(), bucket, r.key(),
                h -> join(x, u, parts, h, requested), expectTarget);
        uploads.remove(x.creds(), u);
        sendResult(x, s.meta());
    }

    /**
     * An upload that no longer exists may be one this key was completed from, whose answer the
     * client lost: while the object is still that upload's, the retry gets the same answer.
     */
    private void answerRetry(S3Exchange x, long bucket, String uploadId, S3Exception noSuchUpload) throws IOException {
        ObjectMeta stored;
        try {
            stored = uploads.store().find(x.creds(), bucket, x.request().key(), false).meta();
        } catch (S3Exception e) {
            throw noSuchUpload;
        }
        if (uploadId == null || !uploadId.equals(stored.upload()) || stored.parts() == null
                || parse(x).size() != PartSizes.decode(stored.parts()).size()) {
            throw noSuchUpload;
        }
        LOG.info("upload {}: completed before into '{}', answered again", uploadId, x.request().key());
        sendResult(x, stored);
    }

    private static void sendResult(S3Exchange x, ObjectMeta meta) throws IOException {
        S3Request r = x.request();
        ObjectHeaders.checksums(x, meta.checksum());
        x.sendXml(200, XmlWriter.document("CompleteMultipartUploadResult")
                .element("Location", "/" + r.bucket() + "/" + r.key())
                .element("Bucket", r.bucket()).element("Key", r.key())
                .element("ETag", ObjectHeaders.quoted(meta.etag())));
    }

    /** The SDKs announce the object's size; a different sum of parts is an error, not a surprise later. */
    private static void checkSize(String announced, List<Uploads.Part> parts) throws S3Exception {
        if (announced == null) {
            return;
        }
        long total = parts.stream().mapToLong(p -> p.attr().length()).sum();
        if (!announced.strip().equals(Long.toString(total))) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "x-amz-mp-object-size says " + announced.strip()
                    + " bytes but the parts hold " + total);
        }
    }

    private static List<Wanted> parse(S3Exchange x) throws IOException {
        Element root = XmlReader.parse(x.payload().stream(), MAX_BODY);
        XmlReader.expectRoot(root, "CompleteMultipartUpload");
        List<Wanted> out = new ArrayList<>();
        for (Element p : XmlReader.children(root, "Part")) {
            int n;
            try {
                n = Integer.parseInt(XmlReader.required(p, "PartNumber").strip());
            } catch (NumberFormatException e) {
                throw new S3Exception(S3Error.MALFORMED_XML, "PartNumber is not a number");
            }
            out.add(new Wanted(n, XmlReader.required(p, "ETag").strip().replace("\"", "")));
        }
        if (out.isEmpty()) {
            throw new S3Exception(S3Error.MALFORMED_XML, "You must specify at least one part");
        }
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).number() <= out.get(i - 1).number()) {
                throw new S3Exception(S3Error.INVALID_PART_ORDER);
            }
        }
        return out;
    }

    private List<Uploads.Part> choose(List<Wanted> wanted, List<Uploads.Part> stored) throws S3Exception {
        Map<Integer, Uploads.Part> byNumber = new HashMap<>();
        for (Uploads.Part p : stored) {
            byNumber.put(p.number(), p);
        }
        List<Uploads.Part> out = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Wanted w = wanted.get(i);
            Uploads.Part p = byNumber.get(w.number());
            if (p == null || !w.etag().equals(p.meta().etag())) {
                throw new S3Exception(S3Error.INVALID_PART, "Part " + w.number()
                        + " could not be found or its entity tag did not match");
            }
            if (i < wanted.size() - 1 && p.attr().length() < minPartSize) {
                throw new S3Exception(S3Error.ENTITY_TOO_SMALL, "Part " + w.number() + " is " + p.attr().length()
                        + " bytes; every part but the last must be at least " + minPartSize + " bytes");
            }
            out.add(p);
        }
        return out;
    }

    private ObjectMeta join(S3Exchange x, Uploads.Upload u, List<Uploads.Part> parts, FileHandle out,
                            ObjectMeta requested) throws IOException {
        MessageDigest etags = BodyWriter.md5();
        ChecksumAlgorithm alg = u.checksumAlgorithm() == null ? null : ChecksumAlgorithm.fromName(u.checksumAlgorithm());
        ChecksumAlgorithm.Running composite = alg == null ? null : alg.start();
        List<Long> sizes = new ArrayList<>();
        long shared = PartJoiner.join(uploads.store().client(), x.creds(), parts, out);
        LOG.info("upload {}: {} parts joined into '{}', {} bytes by sharing chunks", u.id(), parts.size(), u.key(),
                shared);
        for (Uploads.Part p : parts) {
            etags.update(HexFormat.of().parseHex(p.meta().etag()));
            sizes.add(p.attr().length());
            if (composite != null) {
                String v = p.meta().checksum().get(alg.name());
                if (v == null) {
                    composite = null;
                } else {
                    byte[] raw = Base64.getDecoder().decode(v);
                    composite.update(raw, 0, raw.length);
                }
            }
        }
        Map<String, String> checksum = new LinkedHashMap<>();
        if (composite != null) {
            checksum.put(alg.name(), composite.base64() + "-" + parts.size());
        }
        String etag = HexFormat.of().formatHex(etags.digest()) + "-" + parts.size();
        return new ObjectMeta(requested.headers(), requested.userMeta(), etag, checksum, PartSizes.encode(sizes), 0, -1,
                requested.tags(), u.id());
    }
}
