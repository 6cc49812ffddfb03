package org.mfsj.s3.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

class PostPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static PostPolicy policy(String json) throws S3Exception {
        return PostPolicy.parse(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static S3Error error(ThrowingRunnable r) {
        try {
            r.run();
        } catch (S3Exception e) {
            return e.error();
        }
        throw new AssertionError("accepted");
    }

    private interface ThrowingRunnable {
        void run() throws S3Exception;
    }

    @Test
    void conditionsHoldOrTheFormIsRefused() throws Exception {
        PostPolicy p = policy("""
                {"expiration": "2026-12-07T11:00:00.000Z", "conditions": [{"bucket": "b"},
                 ["starts-with", "$key", "user/"], ["eq", "$Content-Type", "image/png"],
                 ["content-length-range", 10, 20], ["starts-with", "$x-amz-meta-tag", ""]]}""");
        Map<String, String> good = Map.of("bucket", "b", "key", "user/a.png", "content-type", "image/png",
                "x-amz-meta-tag", "anything", "policy", "..", "x-amz-signature", "..", "x-ignore-me", "1");
        p.check(good, NOW);
        p.checkLength(10);
        p.checkLength(20);
        assertThat(error(() -> p.checkLength(9))).isEqualTo(S3Error.ENTITY_TOO_SMALL);
        assertThat(error(() -> p.checkLength(21))).isEqualTo(S3Error.ENTITY_TOO_LARGE);
        assertThat(error(() -> p.check(good, Instant.parse("2026-12-07T11:00:00Z")))).isEqualTo(S3Error.ACCESS_DENIED);
        java.util.HashMap<String, String> other = new java.util.HashMap<>(good);
        other.put("key", "admin/a.png");
        assertThat(error(() -> p.check(other, NOW))).isEqualTo(S3Error.ACCESS_DENIED);
        other.put("key", "user/a.png");
        other.put("acl", "public-read");
        assertThat(error(() -> p.check(other, NOW))).as("a field no condition names").isEqualTo(S3Error.ACCESS_DENIED);
        other.remove("acl");
        other.remove("content-type");
        assertThat(error(() -> p.check(other, NOW))).as("a named field missing").isEqualTo(S3Error.ACCESS_DENIED);
    }

    @Test
    void aPolicyThatIsNotOneIsInvalid() {
        assertThat(error(() -> PostPolicy.parse("***"))).isEqualTo(S3Error.INVALID_POLICY_DOCUMENT);
        assertThat(error(() -> policy("not json"))).isEqualTo(S3Error.INVALID_POLICY_DOCUMENT);
        assertThat(error(() -> policy("{\"conditions\": []}"))).isEqualTo(S3Error.INVALID_POLICY_DOCUMENT);
        assertThat(error(() -> policy("{\"expiration\": \"tomorrow\", \"conditions\": []}")))
                .isEqualTo(S3Error.INVALID_POLICY_DOCUMENT);
        assertThat(error(() -> policy("{\"expiration\": \"2026-12-08T00:00:00Z\", \"conditions\": "
                + "[[\"ends-with\", \"$key\", \"x\"]]}"))).isEqualTo(S3Error.INVALID_POLICY_DOCUMENT);
        assertThat(error(() -> policy("{\"expiration\": \"2026-12-08T00:00:00Z\", \"conditions\": "
                + "[[\"content-length-range\", \"a\", 3]]}"))).isEqualTo(S3Error.INVALID_POLICY_DOCUMENT);
    }
}
