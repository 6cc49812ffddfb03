package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.s3.auth.ChunkSigner;
import org.mfsj.s3.auth.SigV4;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Requests no good client sends: each gets its S3 error, and the namespace stays exactly as it was. */
class S3BadInputIT {
    @TempDir
    static Path tmp;

    static S3GatewayFixture fx;
    static RawS3 raw;

    @BeforeAll
    static void start() throws Exception {
        fx = new S3GatewayFixture(tmp.resolve("cluster"));
        raw = new RawS3(fx.port, S3GatewayFixture.AK, S3GatewayFixture.SK);
        try (S3Client s3 = fx.client()) {
            s3.createBucket(b -> b.bucket("bad"));
            s3.putObject(b -> b.bucket("bad").key("keep/me.txt"), RequestBody.fromString("precious"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    /** Every path under the S3 root with its size, including the gateway's private folders. */
    static List<String> tree() throws Exception {
        MfsClient c = fx.cluster.client();
        List<String> out = new ArrayList<>();
        walk(c, c.resolve(Creds.ROOT, S3GatewayFixture.S3_ROOT).inode(), "", out);
        return out;
    }

    private static void walk(MfsClient c, long dir, String path, List<String> out) throws Exception {
        for (DirEntry e : c.readdir(Creds.ROOT, dir, 0, 10_000, true).entries()) {
            Attr a = e.attr();
            out.add(path + "/" + e.name() + (a.isDirectory() ? "/" : " " + a.length()));
            if (a.isDirectory()) {
                walk(c, e.inode(), path + "/" + e.name(), out);
            }
        }
        out.sort(String::compareTo);
    }

    static Map<String, String> headers(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyBadRequestIsRefusedAndChangesNothing() throws Exception {
        List<String> before = tree();
        List<String> failures = new ArrayList<>();
        check(failures, "malformed DeleteObjects XML", malformedXml(), 400, "MalformedXML");
        check(failures, "body shorter than Content-Length", shortBody(), 400, "IncompleteBody");
        check(failures, "body longer than its signed hash", longBody(), 400, "XAmzContentSHA256Mismatch");
        check(failures, "bad chunk signature", badChunkSignature(), 403, "SignatureDoesNotMatch");
        check(failures, "chunks shorter than decoded length", shortChunks(), 400, "IncompleteBody");
        check(failures, "wrong CRC32 trailer", badTrailerChecksum(), 400, "BadDigest");
        RawS3.Reply huge = hugeHeaders();
        // Jetty answers 431 and closes; the kernel may reset the connection before the client reads that answer
        if (huge.status() != RawS3.RESET_WHILE_SENDING) {
            check(failures, "huge headers", huge, 431, "");
        }
        check(failures, "traversal key ..", put("/bad/../escape.txt"), 400, "InvalidObjectName");
        check(failures, "traversal key %2e%2e", put("/bad/keep/%2e%2e/%2e%2e/escape.txt"), 400, "InvalidObjectName");
        check(failures, "empty component", put("/bad/a//b"), 400, "InvalidObjectName");
        // a path climbing above "/" is refused by Jetty's URI parser itself, before any S3 code runs
        check(failures, "traversal above the root", put("/../etc/passwd"), 400, "");
        check(failures, "object under an object", put("/bad/keep/me.txt/child"), 409, "KeyConflict");
        check(failures, "anonymous", raw.send("PUT", "/bad/anon", null, headers("host", "h", "content-length", "1"),
                bytes("x"), false), 403, "AccessDenied");
        check(failures, "badly encoded x-amz-tagging", taggedPut("a=%zz"), 400, "InvalidArgument");
        check(failures, "eleven tags in x-amz-tagging", taggedPut("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11"),
                400, "BadRequest");
        check(failures, "malformed tagging XML", malformedTagging(), 400, "MalformedXML");
        check(failures, "anonymous, missing bucket", raw.send("GET", "/no-such-bucket/k", null, headers("host", "h"),
                new byte[0], false), 404, "NoSuchBucket");
        assertThat(failures).isEmpty();
        assertThat(tree()).isEqualTo(before);
    }

    private static void check(List<String> failures, String what, RawS3.Reply r, int status, String code) {
        if (r.status() != status || !r.code().equals(code)) {
            failures.add(what + ": expected " + status + " " + code + " but got " + r.status() + " " + r.code()
                    + " " + r.body());
        }
    }

    private RawS3.Reply malformedXml() throws Exception {
        byte[] body = bytes("<Delete><Object><Key>keep/me.txt</Key></Object>");
        Map<String, String> h = raw.sign("POST", "/bad", "delete=", headers("content-length",
                String.valueOf(body.length)), SigV4.sha256Hex(new String(body, StandardCharsets.UTF_8)));
        return raw.send("POST", "/bad", "delete=", h, body, false);
    }

    private RawS3.Reply taggedPut(String tagging) throws Exception {
        byte[] body = bytes("tagged");
        Map<String, String> h = raw.sign("PUT", "/bad/tagged", null, headers("content-length",
                String.valueOf(body.length), "x-amz-tagging", tagging), SigV4.sha256Hex("tagged"));
        return raw.send("PUT", "/bad/tagged", null, h, body, false);
    }

    private RawS3.Reply malformedTagging() throws Exception {
        byte[] body = bytes("<Tagging><TagSet><Tag><Key>k</Key>");
        Map<String, String> h = raw.sign("PUT", "/bad/keep/me.txt", "tagging=", headers("content-length",
                String.valueOf(body.length)), SigV4.sha256Hex(new String(body, StandardCharsets.UTF_8)));
        return raw.send("PUT", "/bad/keep/me.txt", "tagging=", h, body, false);
    }

    private RawS3.Reply shortBody() throws Exception {
        byte[] body = bytes("only half of it");
        Map<String, String> h = raw.sign("PUT", "/bad/short", null, headers("content-length", "100"),
                "UNSIGNED-PAYLOAD");
        return raw.send("PUT", "/bad/short", null, h, body, true);
    }

    private RawS3.Reply longBody() throws Exception {
        String text = "0123456789abcdefghij";
        Map<String, String> h = raw.sign("PUT", "/bad/long", null, headers("content-length", "10"),
                SigV4.sha256Hex(text));
        return raw.send("PUT", "/bad/long", null, h, bytes(text), false);
    }

    private Map<String, String> chunkedHeaders(String path, String sha, long decoded, long framed, String... more) {
        Map<String, String> h = headers(more);
        h.put("content-encoding", "aws-chunked");
        h.put("x-amz-decoded-content-length", String.valueOf(decoded));
        h.put("content-length", String.valueOf(framed));
        return raw.sign("PUT", path, null, h, sha);
    }

    private static String frame(int size, String sig) {
        return Integer.toHexString(size) + (sig == null ? "" : ";chunk-signature=" + sig) + "\r\n"
                + "x".repeat(size) + "\r\n";
    }

    private RawS3.Reply badChunkSignature() throws Exception {
        String body = frame(5, "0".repeat(64)) + frame(0, "1".repeat(64));
        Map<String, String> h = chunkedHeaders("/bad/chunky", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", 5, body.length());
        return raw.send("PUT", "/bad/chunky", null, h, bytes(body), false);
    }

    private RawS3.Reply shortChunks() throws Exception {
        // signatures have a fixed length, so the framed size is known before they are computed
        int framed = (frame(5, "0".repeat(64)) + frame(0, "0".repeat(64))).length();
        Map<String, String> probe = chunkedHeaders("/bad/chunky2", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", 50, framed);
        String date = probe.get("x-amz-date");
        ChunkSigner chain = new ChunkSigner(SigV4.signingKey(S3GatewayFixture.SK, date.substring(0, 8), "us-east-1",
                "s3"), date, SigV4.scope(date.substring(0, 8), "us-east-1", "s3"), probe.get("x-seed-signature"));
        String body = frame(5, chain.signChunk(SigV4.sha256Hex("xxxxx"))) + frame(0, chain.signChunk(SigV4.EMPTY_SHA256));
        return raw.send("PUT", "/bad/chunky2", null, probe, bytes(body), false);
    }

    private RawS3.Reply badTrailerChecksum() throws Exception {
        String body = frame(5, null) + "0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";
        Map<String, String> h = chunkedHeaders("/bad/trailer", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", 5, body.length(),
                "x-amz-trailer", "x-amz-checksum-crc32");
        return raw.send("PUT", "/bad/trailer", null, h, bytes(body), false);
    }

    private RawS3.Reply hugeHeaders() throws Exception {
        Map<String, String> h = raw.sign("PUT", "/bad/huge", null, headers("content-length", "1",
                "x-amz-meta-big", "y".repeat(64 * 1024)), "UNSIGNED-PAYLOAD");
        return raw.send("PUT", "/bad/huge", null, h, bytes("x"), false);
    }

    private RawS3.Reply put(String rawPath) throws Exception {
        Map<String, String> h = raw.sign("PUT", rawPath, null, headers("content-length", "1"), "UNSIGNED-PAYLOAD");
        return raw.send("PUT", rawPath, null, h, bytes("x"), false);
    }

    @Test
    void aGoodUnsignedTrailerIsCheckedAndItsChecksumKept() throws Exception {
        String body = frame(5, null) + "0\r\nx-amz-checksum-crc32:" + crc32("xxxxx") + "\r\n\r\n";
        Map<String, String> h = chunkedHeaders("/bad/good-trailer", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", 5,
                body.length(), "x-amz-trailer", "x-amz-checksum-crc32");
        assertThat(raw.send("PUT", "/bad/good-trailer", null, h, bytes(body), false).status()).isEqualTo(200);
        MfsClient c = fx.cluster.client();
        Attr f = c.resolve(Creds.ROOT, S3GatewayFixture.S3_ROOT + "/bad/good-trailer");
        assertThat(f.length()).isEqualTo(5);
        assertThat(new String(c.getxattr(Creds.ROOT, f.inode(), "user.s3.meta"), StandardCharsets.UTF_8))
                .contains("c%3ACRC32\t" + org.mfsj.s3.auth.UriEncoding.encode(crc32("xxxxx"), true));
        try (S3Client s3 = fx.client()) {
            s3.deleteObject(b -> b.bucket("bad").key("good-trailer"));
        }
    }

    @Test
    void aRefusedBodyIsReadToItsEndSoTheAnswerArrivesAndTheConnectionServesTheNext() throws Exception {
        // a PUT with a wrong key is refused before its body is read; 1 MiB of it is still coming
        byte[] body = new byte[1 << 20];
        String date = RawS3.amzDate();
        String head = "PUT /bad/refused HTTP/1.1\r\nHost: 127.0.0.1\r\nx-amz-date: " + date
                + "\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\nAuthorization: AWS4-HMAC-SHA256 Credential="
                + "NOSUCHKEY/" + date.substring(0, 8) + "/us-east-1/s3/aws4_request, SignedHeaders=host, Signature="
                + "0".repeat(64) + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", fx.port)) {
            s.setSoTimeout(30_000);
            java.io.OutputStream out = s.getOutputStream();
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            out.write(bytes(head));
            out.write(body);
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 403").contains("InvalidAccessKeyId");
            // had the gateway closed with the body unread, this second request would find the connection gone
            out.write(bytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 403");
        }
    }

    /** One HTTP answer: its head and its Content-Length body, as text. */
    private static String readAnswer(java.io.DataInputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return head.toString();
            }
            head.append((char) c);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        byte[] body = new byte[m.find() ? Integer.parseInt(m.group(1)) : 0];
        in.readFully(body);
        return head + new String(body, StandardCharsets.UTF_8);
    }

    private static String crc32(String s) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(bytes(s));
        return java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) c.getValue())
                .array());
    }
}
