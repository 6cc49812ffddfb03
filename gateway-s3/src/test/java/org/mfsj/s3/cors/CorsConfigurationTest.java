package org.mfsj.s3.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

class CorsConfigurationTest {
    private static CorsConfiguration parse(String rules) throws Exception {
        return CorsConfiguration.parse(("<CORSConfiguration>" + rules + "</CORSConfiguration>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static S3Error refusal(String rules) {
        try {
            parse(rules);
        } catch (S3Exception e) {
            return e.error();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + rules);
    }

    @Test
    void theFirstFittingRuleDecidesWithOneWildcardPerPattern() throws Exception {
        CorsConfiguration c = parse("""
                <CORSRule><AllowedOrigin>https://*.example.com</AllowedOrigin><AllowedMethod>PUT</AllowedMethod>
                  <AllowedHeader>x-amz-*</AllowedHeader><MaxAgeSeconds>60</MaxAgeSeconds></CORSRule>
                <CORSRule><ID>all</ID><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>
                  <AllowedMethod>PUT</AllowedMethod></CORSRule>""");
        assertThat(c.match("https://a.example.com", "PUT", List.of("X-Amz-Date")).orElseThrow().maxAgeSeconds())
                .isEqualTo(60);
        assertThat(c.match("https://a.example.com", "PUT", List.of("content-type"))).as("no rule allows it").isEmpty();
        assertThat(c.match("https://a.example.com", "PUT", List.of()).orElseThrow().maxAgeSeconds()).isEqualTo(60);
        assertThat(c.match("http://a.example.com", "PUT", List.of()).orElseThrow().id()).isEqualTo("all");
        assertThat(c.match("http://a.example.com", "PUT", List.of("x-amz-date"))).isEmpty();
        assertThat(c.match("https://example.com", "DELETE", List.of())).isEmpty();
        assertThat(CorsRule.wildcard("https://*.example.com", "https://.example.com")).isTrue();
        assertThat(CorsRule.wildcard("ab*ba", "aba")).as("head and tail may not overlap").isFalse();
    }

    @Test
    void writtenBackInS3sOrderAndReadAgainTheSame() throws Exception {
        CorsConfiguration c = parse("<CORSRule><MaxAgeSeconds>5</MaxAgeSeconds><ExposeHeader>ETag</ExposeHeader>"
                + "<AllowedOrigin>https://x</AllowedOrigin><AllowedMethod>HEAD</AllowedMethod><ID>r&amp;1</ID>"
                + "<AllowedHeader>*</AllowedHeader></CORSRule>");
        String xml = new String(c.toXml().toBytes(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<CORSRule><ID>r&amp;1</ID><AllowedHeader>*</AllowedHeader>"
                + "<AllowedMethod>HEAD</AllowedMethod><AllowedOrigin>https://x</AllowedOrigin>"
                + "<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>5</MaxAgeSeconds></CORSRule>");
        assertThat(CorsConfiguration.parse(c.toXml().toBytes())).isEqualTo(c);
    }

    @Test
    void badConfigurationsAreRefusedAsS3RefusesThem() {
        assertThat(refusal("")).isEqualTo(S3Error.MALFORMED_XML);
        assertThat(refusal("<CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule>")).isEqualTo(S3Error.MALFORMED_XML);
        assertThat(refusal("<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PATCH</AllowedMethod></CORSRule>"))
                .isEqualTo(S3Error.INVALID_REQUEST);
        assertThat(refusal("<CORSRule><AllowedOrigin>*.*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>"))
                .isEqualTo(S3Error.INVALID_REQUEST);
        assertThat(refusal("<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                + "<MaxAgeSeconds>-1</MaxAgeSeconds></CORSRule>")).isEqualTo(S3Error.MALFORMED_XML);
        String rule = "<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>";
        assertThat(refusal(rule.repeat(CorsConfiguration.MAX_RULES + 1))).isEqualTo(S3Error.MALFORMED_XML);
        assertThatThrownBy(() -> CorsConfiguration.parse("<CORSConfiguration>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.MALFORMED_XML));
    }
}
