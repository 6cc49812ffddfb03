package org.mfsj.s3.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Request;

class AuthenticatorTest {
    static final Instant EXAMPLE_TIME = Instant.parse("2013-05-24T00:00:00Z");
    static final Users USERS = Users.of(new S3User("AKIAIOSFODNN7EXAMPLE", SigV4Test.SECRET, 1000, 1000));

    private static Authenticator at(Instant now) {
        return new Authenticator(USERS, Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(15));
    }

    private static S3Request chunkedRequest(String authorization) throws S3Exception {
        Map<String, List<String>> h = new LinkedHashMap<>();
        ChunkedExample.headers().forEach((k, v) -> h.put(k, List.of(v)));
        h.put("Authorization", List.of(authorization));
        return S3Request.parse("PUT", "/examplebucket/chunkObject.txt", null, h, "", "id", "peer");
    }

    private static byte[] drain(InputStream in) throws Exception {
        return in.readAllBytes();
    }

    @Test
    void theDocumentedChunkedUploadDecodesToItsPayload() throws Exception {
        var a = at(EXAMPLE_TIME).authenticate(chunkedRequest(ChunkedExample.authorization()),
                new ByteArrayInputStream(ChunkedExample.body()));
        assertThat(a.user().uid()).isEqualTo(1000);
        byte[] got = drain(a.payload().stream());
        assertThat(got).hasSize(66560);
        assertThat(new String(got, StandardCharsets.US_ASCII)).matches("a+");
    }

    @Test
    void aTamperedChunkIsRefused() throws Exception {
        byte[] body = ChunkedExample.body();
        body[body.length / 2] = 'b';
        var a = at(EXAMPLE_TIME).authenticate(chunkedRequest(ChunkedExample.authorization()),
                new ByteArrayInputStream(body));
        assertThatThrownBy(() -> drain(a.payload().stream()))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.error()).isEqualTo(S3Error.SIGNATURE_DOES_NOT_MATCH));
    }

    @Test
    void aTruncatedChunkedBodyIsIncomplete() throws Exception {
        byte[] body = ChunkedExample.body();
        var a = at(EXAMPLE_TIME).authenticate(chunkedRequest(ChunkedExample.authorization()),
                new ByteArrayInputStream(java.util.Arrays.copyOf(body, 66000)));
        assertThatThrownBy(() -> drain(a.payload().stream()))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.error()).isEqualTo(S3Error.INCOMPLETE_BODY));
    }

    @Test
    void aWrongSeedSignatureIsRefusedBeforeTheBody() {
        String bad = ChunkedExample.authorization().replace(ChunkedExample.SEED.substring(0, 4), "0000");
        assertThatThrownBy(() -> at(EXAMPLE_TIME).authenticate(chunkedRequest(bad), InputStream.nullInputStream()))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.error()).isEqualTo(S3Error.SIGNATURE_DOES_NOT_MATCH));
    }

    @Test
    void anUnknownKeyIsInvalidAccessKeyId() {
        String bad = ChunkedExample.authorization().replace("AKIAIOSFODNN7EXAMPLE", "NOBODY");
        assertThatThrownBy(() -> at(EXAMPLE_TIME).authenticate(chunkedRequest(bad), InputStream.nullInputStream()))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_ACCESS_KEY_ID));
    }

    @Test
    void aClockSkewOfMoreThanFifteenMinutesIsRefused() {
        assertThatThrownBy(() -> at(EXAMPLE_TIME.plus(Duration.ofMinutes(16)))
                .authenticate(chunkedRequest(ChunkedExample.authorization()), InputStream.nullInputStream()))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.error()).isEqualTo(S3Error.REQUEST_TIME_TOO_SKEWED));
    }

    private static S3Request presigned() throws S3Exception {
        String q = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1"
                + "%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
        return S3Request.parse("GET", "/test.txt", q, Map.of("Host", List.of("examplebucket.s3.amazonaws.com")),
                "s3.amazonaws.com", "id", "peer");
    }

    @Test
    void theDocumentedPresignedUrlIsValidForADay() throws Exception {
        S3Request r = presigned();
        assertThat(r.bucket()).isEqualTo("examplebucket");
        assertThat(r.key()).isEqualTo("test.txt");
        assertThat(at(EXAMPLE_TIME.plus(Duration.ofHours(23))).authenticate(r, InputStream.nullInputStream()).user())
                .isNotNull();
        assertThatThrownBy(() -> at(EXAMPLE_TIME.plus(Duration.ofHours(25))).authenticate(r,
                InputStream.nullInputStream()))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.error()).isEqualTo(S3Error.ACCESS_DENIED);
                    assertThat(e.getMessage()).isEqualTo("Request has expired");
                });
    }

    @Test
    void anonymousRequestsAreRefused() throws Exception {
        S3Request r = S3Request.parse("GET", "/b/k", null, Map.of("Host", List.of("h")), "", "id", "peer");
        assertThatThrownBy(() -> at(EXAMPLE_TIME).authenticate(r, InputStream.nullInputStream()))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.error()).isEqualTo(S3Error.ACCESS_DENIED));
    }

    @Test
    void unsignedTrailerBodyCarriesItsChecksum() throws Exception {
        String body = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n";
        ChunkedPayloadStream s = new ChunkedPayloadStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)),
                null, 5);
        assertThat(new String(s.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(s.trailers()).containsEntry("x-amz-checksum-crc32", "NhCmhg==");
    }
}
