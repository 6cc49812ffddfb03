package org.mfsj.s3.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3RequestTest {
    /** What Jetty hands over for bytes it reads as ISO-8859-1. */
    private static String asRead(byte[] wire) {
        return new String(wire, StandardCharsets.ISO_8859_1);
    }

    @Test
    void headerValuesSentAsUtf8AreReadAsUtf8() throws Exception {
        String sent = "Hello World\u00e9 \u043f\u0440\u0438\u0432\u0435\u0442";
        S3Request r = S3Request.parse("PUT", "/b/k", null,
                Map.of("X-Amz-Meta-Greeting", List.of(asRead(sent.getBytes(StandardCharsets.UTF_8)))), "", "id", "peer");
        assertThat(r.header("x-amz-meta-greeting")).isEqualTo(sent);
    }

    @Test
    void otherBytesStayAsRead() {
        String latin1 = asRead(new byte[] {'a', (byte) 0xe9, 'b'});
        assertThat(S3Request.utf8(latin1)).isEqualTo("a\u00e9b");
        assertThat(S3Request.utf8("plain ascii")).isSameAs("plain ascii");
    }
}
