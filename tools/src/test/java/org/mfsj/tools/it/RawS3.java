package org.mfsj.tools.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mfsj.s3.auth.SigV4;
import org.mfsj.s3.auth.UriEncoding;

/**
 * Hand-made HTTP/1.1 requests, signed with SigV4, for the inputs no well-behaved client sends:
 * lying lengths, broken framing, bad chunk signatures, raw paths with "..".
 */
final class RawS3 {
    private final int port;
    private final String ak;
    private final String sk;

    RawS3(int port, String ak, String sk) {
        this.port = port;
        this.ak = ak;
        this.sk = sk;
    }

    /** The status of a reply that never came: the server reset the connection while the request was sent. */
    static final int RESET_WHILE_SENDING = -2;

    record Reply(int status, String body) {
        String code() {
            int a = body.indexOf("<Code>");
            return a < 0 ? "" : body.substring(a + 6, body.indexOf("</Code>"));
        }
    }

    static String amzDate() {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    /** Headers (lower-case names) with host, x-amz-date and Authorization added; the raw path is signed as decoded. */
    Map<String, String> sign(String method, String rawPath, String query, Map<String, String> headers,
                             String payloadHash) {
        Map<String, String> h = new TreeMap<>(headers);
        String date = amzDate();
        h.put("host", "127.0.0.1:" + port);
        h.put("x-amz-date", date);
        h.put("x-amz-content-sha256", payloadHash);
        List<SigV4.Param> params = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String p : query.split("&")) {
                int eq = p.indexOf('=');
                params.add(new SigV4.Param(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1)));
            }
        }
        Map<String, List<String>> values = new TreeMap<>();
        h.forEach((k, v) -> values.put(k, List.of(v)));
        List<String> names = new ArrayList<>(h.keySet());
        String scope = SigV4.scope(date.substring(0, 8), "us-east-1", "s3");
        String creq = SigV4.canonicalRequest(method, SigV4.canonicalUri(UriEncoding.decode(rawPath, false)), params,
                names, values, payloadHash);
        byte[] key = SigV4.signingKey(sk, date.substring(0, 8), "us-east-1", "s3");
        String sig = SigV4.signature(key, SigV4.stringToSign(date, scope, creq));
        h.put("authorization", "AWS4-HMAC-SHA256 Credential=" + ak + "/" + scope + ",SignedHeaders="
                + String.join(";", names) + ",Signature=" + sig);
        h.put("x-seed-signature", sig);
        return h;
    }

    /** Sends head + body bytes as given (no length fixing), then reads one reply. */
    Reply send(String method, String rawPath, String query, Map<String, String> headers, byte[] body,
               boolean closeOutput) throws IOException {
        StringBuilder sb = new StringBuilder(method).append(' ').append(rawPath)
                .append(query == null || query.isEmpty() ? "" : "?" + query).append(" HTTP/1.1\r\n");
        headers.forEach((k, v) -> {
            if (!k.equals("x-seed-signature")) {
                sb.append(k).append(": ").append(v).append("\r\n");
            }
        });
        sb.append("connection: close\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
                if (closeOutput) {
                    s.shutdownOutput();
                }
            } catch (IOException refused) {
                // the server may answer and close before it has read all we send; the answer may still be here
                Reply r = read(s.getInputStream());
                return r.status() > 0 ? r : new Reply(RESET_WHILE_SENDING, refused.getMessage());
            }
            return read(s.getInputStream());
        }
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
            }
        } catch (IOException reset) {
            // the server may reset after answering; what arrived is the answer
        }
        String text = all.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Reply(-1, text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        int bodyAt = text.indexOf("\r\n\r\n");
        return new Reply(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4));
    }
}
