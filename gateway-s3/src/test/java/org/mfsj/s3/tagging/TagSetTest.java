package org.mfsj.s3.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

class TagSetTest {
    private static byte[] xml(String tags) {
        return ("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>" + tags + "</TagSet></Tagging>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String tag(String k, String v) {
        return "<Tag><Key>" + k + "</Key><Value>" + v + "</Value></Tag>";
    }

    private static void refused(String tags, int limit, S3Error error) {
        assertThatThrownBy(() -> TagSet.parseXml(xml(tags), limit)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void storedFormKeepsOrderAndAnyCharacters() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("z first", "a=b&c");
        m.put("ключ", "значение+%");
        m.put("empty", "");
        TagSet t = new TagSet(m);
        assertThat(TagSet.decode(t.encode())).isEqualTo(t);
        assertThat(TagSet.decode(t.encode()).tags().keySet()).as("sorted by key").containsExactly("empty", "z first",
                "ключ");
        assertThat(TagSet.parseQuery("c&a=1&b=x%20y", TagSet.OBJECT_LIMIT).tags())
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "x y"), Map.entry("c", ""));
    }

    @Test
    void xmlIsCheckedAsS3ChecksIt() throws Exception {
        assertThat(TagSet.parseXml(xml(tag("a", "1") + tag("b", "")), TagSet.OBJECT_LIMIT).tags())
                .containsExactly(Map.entry("a", "1"), Map.entry("b", ""));
        assertThat(TagSet.parseXml(xml(""), TagSet.OBJECT_LIMIT).tags()).isEmpty();
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(tag("k" + i, "v"));
        }
        refused(eleven.toString(), TagSet.OBJECT_LIMIT, S3Error.BAD_REQUEST);
        assertThat(TagSet.parseXml(xml(eleven.toString()), TagSet.BUCKET_LIMIT).tags()).hasSize(11);
        refused(tag("a", "1") + tag("a", "2"), TagSet.OBJECT_LIMIT, S3Error.INVALID_TAG);
        refused(tag("aws:x", "1"), TagSet.OBJECT_LIMIT, S3Error.INVALID_TAG);
        refused(tag("", "1"), TagSet.OBJECT_LIMIT, S3Error.INVALID_TAG);
        refused(tag("k".repeat(129), "1"), TagSet.OBJECT_LIMIT, S3Error.INVALID_TAG);
        refused(tag("k", "v".repeat(257)), TagSet.OBJECT_LIMIT, S3Error.INVALID_TAG);
        refused("<Tag><Value>1</Value></Tag>", TagSet.OBJECT_LIMIT, S3Error.MALFORMED_XML);
        assertThatThrownBy(() -> TagSet.parseQuery("a=%zz", TagSet.OBJECT_LIMIT)).isInstanceOfSatisfying(
                S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_ARGUMENT));
        assertThatThrownBy(() -> TagSet.parseXml("<Tagging/>".getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.MALFORMED_XML));
    }
}
