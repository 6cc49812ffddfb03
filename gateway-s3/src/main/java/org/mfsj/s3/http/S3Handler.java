package org.mfsj.s3.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.acl.ExpectedOwner;
import org.mfsj.s3.acl.OwnerOnlyAcl;
import org.mfsj.s3.auth.Authenticator;
import org.mfsj.s3.auth.Authenticator.Authenticated;
import org.mfsj.s3.cors.CorsAnswer;
import org.mfsj.s3.post.BrowserPost;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.store.S3Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty core handler: parse, authenticate, route, run, and the one place where failures
 * become S3 error answers. Each request is answered on its own pool thread with blocking I/O.
 */
public final class S3Handler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger("org.mfsj.s3.access");

    private final Authenticator authenticator;
    private final Router router;
    private final String domain;
    private final CorsAnswer cors;
    private final BrowserPost browserPost;
    private final S3Store store;

    public S3Handler(Authenticator authenticator, Router router, String domain, CorsAnswer cors,
            BrowserPost browserPost, S3Store store) {
        this.authenticator = authenticator;
        this.router = router;
        this.domain = domain;
        this.cors = cors;
        this.browserPost = browserPost;
        this.store = store;
    }

    @Override
    public boolean handle(Request req, Response resp, Callback cb) {
        Timeline.begin();
        String id = RequestIds.next();
        String peer = Request.getRemoteAddr(req) + ":" + Request.getRemotePort(req);
        resp.getHeaders().put("x-amz-request-id", id);
        resp.getHeaders().put("x-amz-id-2", id);
        S3Request r = null;
        String who = "-";
        Map<String, String> corsHeaders = Map.of();
        InputStream body = null;
        try {
            r = S3Request.parse(req.getMethod(), req.getHttpURI().getPath(), req.getHttpURI().getQuery(),
                    headers(req), domain, id, peer);
            if (r.method().equals("OPTIONS")) {
                // a browser's preflight: unsigned by design, answered from the bucket's CORS rules
                put(resp, cors.preflight(r));
                resp.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
                resp.setStatus(200);
                resp.write(true, null, cb);
                LOG.debug("{} {} - {} -> 200", peer, id, r.describe());
                return true;
            }
            corsHeaders = cors.forRequest(r);
            put(resp, corsHeaders);
            body = Content.Source.asInputStream(req);
            if (BrowserPost.isBrowserPost(r)) {
                // signed inside the form, not by headers: it authenticates itself
                who = browserPost.handle(r, body, resp);
                LOG.debug("{} {} {} {} -> {}", peer, id, who, r.describe(), resp.getStatus());
                cb.succeeded();
                return true;
            }
            if (Authenticator.isAnonymous(r) && r.bucket() != null) {
                // S3 tells the unsigned a missing bucket (404) before it refuses them (403)
                store.bucket(Creds.ROOT, r.bucket());
            }
            Authenticated a = authenticator.authenticate(r, body);
            who = a.user().accessKey();
            S3Operation op = router.route(r);
            OwnerOnlyAcl.checkHeaders(r);
            ExpectedOwner.check(r, store);
            Timeline.step("auth");
            op.handle(new S3Exchange(r, resp, a.user(), a.payload()));
            LOG.debug("{} {} {} {} -> {}", peer, id, who, r.describe(), resp.getStatus());
            cb.succeeded();
            Timeline.end(id, r.describe());
        } catch (Throwable t) {
            if (!resp.isCommitted()) {
                RefusedBody.drain(req, body);
            }
            fail(req, resp, cb, r, id, peer, who, t, corsHeaders);
        }
        return true;
    }

    private static void put(Response resp, Map<String, String> headers) {
        headers.forEach((k, v) -> resp.getHeaders().put(k, v));
    }

    private static void fail(Request req, Response resp, Callback cb, S3Request r, String id, String peer,
                             String who, Throwable t, Map<String, String> corsHeaders) {
        S3Exception e = toS3(t);
        String what = r != null ? r.describe() : req.getMethod() + " " + req.getHttpURI().getPath();
        if (e.error().status() >= 500) {
            LOG.warn("{} {} {} {} -> {} {}", peer, id, who, what, e.error().code(), e.getMessage(), t);
        } else {
            LOG.info("{} {} {} {} -> {} {}", peer, id, who, what, e.error().code(), e.getMessage());
        }
        if (resp.isCommitted()) {
            // the body has started: the only honest signal left is a broken connection
            cb.failed(t);
            return;
        }
        String resource = req.getHttpURI().getPath();
        ErrorResponder.send(resp, cb, e, req.getMethod(), resource, id, corsHeaders);
    }

    private static S3Exception toS3(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof S3Exception s) {
                return s;
            }
            if (c instanceof MfsException m) {
                return ErrorMapping.of(m, S3Error.NO_SUCH_KEY);
            }
            if (c instanceof EofException) {
                return new S3Exception(S3Error.INCOMPLETE_BODY, "The request body ended before its declared length", t);
            }
        }
        if (t instanceof IOException && !(t instanceof S3Exception)) {
            return new S3Exception(S3Error.INCOMPLETE_BODY, "Reading the request body failed: " + t.getMessage(), t);
        }
        return new S3Exception(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.message(), t);
    }

    private static Map<String, List<String>> headers(Request req) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (HttpField f : req.getHeaders()) {
            h.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
        }
        return h;
    }
}
