package org.mfsj.s3.post;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.server.Response;
import org.mfsj.s3.auth.UriEncoding;
import org.mfsj.s3.auth.Users;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlWriter;

/**
 * PostObject, the browser upload: an HTML form posted to the bucket, signed by its policy rather
 * than by request headers. The body streams through {@link PostForm}; the file lands as a
 * PutObject's body would. Answers as S3 does: 204, or {@code success_action_status} 200 or 201
 * (with a PostResponse document), or a 303 to {@code success_action_redirect}.
 */
public final class BrowserPost {
    private static final int READ = 64 << 10;

    private final S3Store store;
    private final Users users;
    private final Clock clock;

    public BrowserPost(S3Store store, Users users, Clock clock) {
        this.store = store;
        this.users = users;
        this.clock = clock;
    }

    /** A form posted to a bucket (the one request S3 authenticates from its body). */
    public static boolean isBrowserPost(S3Request r) {
        String type = r.header("content-type");
        return r.method().equals("POST") && r.bucket() != null && r.key() == null && r.params().isEmpty()
                && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Reads, checks and stores the upload, and answers; an S3Exception for the caller to answer otherwise. */
    public String handle(S3Request r, InputStream body, Response resp) throws IOException {
        String boundary = MultiPart.extractBoundary(r.header("content-type"));
        if (boundary == null || boundary.isEmpty()) {
            throw new S3Exception(S3Error.MALFORMED_POST_REQUEST, "multipart/form-data without a boundary");
        }
        PostUpload upload = new PostUpload(store, users, clock, r);
        PostForm form = new PostForm(upload);
        MultiPart.Parser parser = new MultiPart.Parser(boundary, form);
        parser.setMaxParts(1000);
        try {
            while (true) {
                // a fresh array each time: the parser may keep a piece that ends in half a boundary
                byte[] piece = new byte[READ];
                int n = body.readNBytes(piece, 0, READ);
                boolean last = n < READ;
                form.feed(parser, piece, n, last);
                if (last) {
                    break;
                }
            }
            if (!form.fileSeen()) {
                throw new S3Exception(S3Error.INVALID_ARGUMENT, "POST requires exactly one file upload per request.");
            }
            PostUpload.Stored s = upload.finish();
            answer(new S3Exchange(r, resp, s.user(), null), upload, s);
            return s.user().accessKey();
        } finally {
            upload.discardIfUnfinished();
        }
    }

    private static void answer(S3Exchange x, PostUpload upload, PostUpload.Stored s) throws IOException {
        S3Request r = x.request();
        String etag = "\"" + s.etag() + "\"";
        String location = "/" + r.bucket() + "/" + UriEncoding.encode(s.key(), true);
        x.header("ETag", etag).header("Location", location);
        String redirect = upload.field("success_action_redirect");
        if (redirect == null) {
            redirect = upload.field("redirect");
        }
        if (redirect != null && !redirect.isEmpty()) {
            x.header(HttpHeader.LOCATION.asString(), redirected(redirect, r.bucket(), s.key(), etag));
            x.sendEmpty(303);
            return;
        }
        String status = upload.field("success_action_status");
        if ("201".equals(status)) {
            x.sendXml(201, XmlWriter.plain("PostResponse").element("Location", location)
                    .element("Bucket", r.bucket()).element("Key", s.key()).element("ETag", etag));
        } else {
            x.sendEmpty("200".equals(status) ? 200 : 204);
        }
    }

    private static String redirected(String url, String bucket, String key, String etag) throws S3Exception {
        try {
            URI u = new URI(url);
            String q = "bucket=" + enc(bucket) + "&key=" + enc(key) + "&etag=" + enc(etag);
            return u.getRawQuery() == null ? url + (url.endsWith("?") ? "" : "?") + q : url + "&" + q;
        } catch (URISyntaxException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "success_action_redirect is not a URL: " + url);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
