package org.mfsj.s3.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfsj.s3.auth.SigV4.Param;

/** The codec against the example signatures published in the S3 SigV4 documentation. */
class SigV4Test {
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String DATE = "20130524T000000Z";
    static final String SCOPE = "20130524/us-east-1/s3/aws4_request";
    static final byte[] KEY = SigV4.signingKey(SECRET, "20130524", "us-east-1", "s3");

    private static String sign(String method, String path, List<Param> params, Map<String, String> headers,
                               String payload) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        headers.forEach((k, v) -> values.put(k, List.of(v)));
        List<String> names = headers.keySet().stream().sorted().toList();
        String creq = SigV4.canonicalRequest(method, SigV4.canonicalUri(path), params, names, values, payload);
        return SigV4.signature(KEY, SigV4.stringToSign(DATE, SCOPE, creq));
    }

    @Test
    void getObjectWithRange() {
        Map<String, String> h = Map.of("host", "examplebucket.s3.amazonaws.com", "range", "bytes=0-9",
                "x-amz-content-sha256", SigV4.EMPTY_SHA256, "x-amz-date", DATE);
        assertThat(sign("GET", "/test.txt", List.of(), h, SigV4.EMPTY_SHA256))
                .isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void putObjectWithEscapedPathAndDateHeader() {
        String body = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
        assertThat(SigV4.sha256Hex("Welcome to Amazon S3.")).isEqualTo(body);
        Map<String, String> h = Map.of("date", "Fri, 24 May 2013 00:00:00 GMT",
                "host", "examplebucket.s3.amazonaws.com", "x-amz-content-sha256", body, "x-amz-date", DATE,
                "x-amz-storage-class", "REDUCED_REDUNDANCY");
        assertThat(sign("PUT", "/test$file.text", List.of(), h, body))
                .isEqualTo("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void getBucketLifecycleSubresource() {
        Map<String, String> h = Map.of("host", "examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256", SigV4.EMPTY_SHA256, "x-amz-date", DATE);
        assertThat(sign("GET", "/", List.of(new Param("lifecycle", "")), h, SigV4.EMPTY_SHA256))
                .isEqualTo("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    }

    @Test
    void listObjectsQuerySortedByName() {
        Map<String, String> h = Map.of("host", "examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256", SigV4.EMPTY_SHA256, "x-amz-date", DATE);
        List<Param> q = List.of(new Param("prefix", "J"), new Param("max-keys", "2"));
        assertThat(sign("GET", "/", q, h, SigV4.EMPTY_SHA256))
                .isEqualTo("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void presignedGet() {
        List<Param> q = List.of(new Param("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
                new Param("X-Amz-Credential", "AKIAIOSFODNN7EXAMPLE/" + SCOPE), new Param("X-Amz-Date", DATE),
                new Param("X-Amz-Expires", "86400"), new Param("X-Amz-SignedHeaders", "host"));
        assertThat(sign("GET", "/test.txt", q, Map.of("host", "examplebucket.s3.amazonaws.com"), "UNSIGNED-PAYLOAD"))
                .isEqualTo("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    @Test
    void chunkedUploadSeedAndChunkSignatures() {
        String seed = sign("PUT", "/examplebucket/chunkObject.txt", List.of(), ChunkedExample.headers(),
                Authenticator.STREAMING);
        assertThat(seed).isEqualTo(ChunkedExample.SEED);
        ChunkSigner chain = new ChunkSigner(KEY, DATE, SCOPE, seed);
        assertThat(chain.signChunk(SigV4.sha256Hex("a".repeat(65536)))).isEqualTo(ChunkedExample.CHUNK1);
        assertThat(chain.signChunk(SigV4.sha256Hex("a".repeat(1024)))).isEqualTo(ChunkedExample.CHUNK2);
        assertThat(chain.signChunk(SigV4.EMPTY_SHA256)).isEqualTo(ChunkedExample.FINAL);
    }

    @Test
    void headerValuesAreTrimmedAndSpacesCollapsed() {
        assertThat(SigV4.trimAll("  a   b\t c  ")).isEqualTo("a b c");
    }

    @Test
    void queryEncodingIsStrict() {
        assertThat(SigV4.canonicalQuery(List.of(new Param("prefix", "a b/c~*"), new Param("a", ""))))
                .isEqualTo("a=&prefix=a%20b%2Fc~%2A");
        assertThat(SigV4.canonicalUri("/bkt/dir/ä x")).isEqualTo("/bkt/dir/%C3%A4%20x");
    }
}
