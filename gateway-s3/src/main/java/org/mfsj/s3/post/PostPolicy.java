package org.mfsj.s3.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * The policy of a browser upload (POST with an HTML form): until when the form may be used and
 * which values its fields may take. Conditions are {@code {"field": "value"}} and {@code ["eq",
 * "$field", "value"]} (exact), {@code ["starts-with", "$field", "prefix"]} and {@code
 * ["content-length-range", min, max]}. Every field the form sends must be named by a condition,
 * except the ones S3 exempts. Field names compare without regard to case.
 */
public final class PostPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields a form may send that no condition needs to name. */
    private static final Set<String> EXEMPT = Set.of("policy", "x-amz-signature", "file", "awsaccesskeyid",
            "signature");

    private record Condition(String op, String field, String value) {
    }

    private final Instant expiration;
    private final List<Condition> conditions;
    private final long minLength;
    private final long maxLength;

    private PostPolicy(Instant expiration, List<Condition> conditions, long minLength, long maxLength) {
        this.expiration = expiration;
        this.conditions = conditions;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public static PostPolicy parse(String base64) throws S3Exception {
        JsonNode root;
        try {
            root = JSON.readTree(new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw invalid("the policy is not base64-encoded JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("expiration").isTextual()
                || !root.path("conditions").isArray()) {
            throw invalid("the policy needs an \"expiration\" and a \"conditions\" array");
        }
        Instant expiration;
        try {
            expiration = Instant.parse(root.get("expiration").asText());
        } catch (DateTimeParseException e) {
            throw invalid("the policy's expiration '" + root.get("expiration").asText() + "' is not an ISO 8601 time");
        }
        List<Condition> conditions = new ArrayList<>();
        long[] range = {0, Long.MAX_VALUE};
        for (JsonNode c : root.get("conditions")) {
            condition(c, conditions, range);
        }
        return new PostPolicy(expiration, conditions, range[0], range[1]);
    }

    private static void condition(JsonNode c, List<Condition> out, long[] range) throws S3Exception {
        if (c.isObject() && c.size() == 1) {
            Map.Entry<String, JsonNode> e = c.fields().next();
            out.add(new Condition("eq", e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
            return;
        }
        if (!c.isArray() || c.size() != 3) {
            throw invalid("condition " + c + " is neither {\"field\": \"value\"} nor a list of three");
        }
        String op = c.get(0).asText().toLowerCase(Locale.ROOT);
        if (op.equals("content-length-range")) {
            if (!c.get(1).canConvertToLong() || !c.get(2).canConvertToLong()) {
                throw invalid("content-length-range needs two whole numbers: " + c);
            }
            range[0] = c.get(1).asLong();
            range[1] = c.get(2).asLong();
            return;
        }
        String field = c.get(1).asText();
        if (!(op.equals("eq") || op.equals("starts-with")) || !field.startsWith("$")) {
            throw invalid("condition " + c + ": expected [\"eq\" or \"starts-with\", \"$field\", value]");
        }
        out.add(new Condition(op, field.substring(1).toLowerCase(Locale.ROOT), c.get(2).asText()));
    }

    /** Checks the form's fields (lower-case names; the key after ${filename}) against the policy. */
    public void check(Map<String, String> fields, Instant now) throws S3Exception {
        if (!now.isBefore(expiration)) {
            throw denied("Policy expired.");
        }
        Set<String> named = new HashSet<>();
        for (Condition c : conditions) {
            named.add(c.field());
            String v = fields.get(c.field());
            boolean holds = v != null && (c.op().equals("eq") ? v.equals(c.value()) : v.startsWith(c.value()));
            if (!holds) {
                throw denied("Policy Condition failed: [\"" + c.op() + "\", \"$" + c.field() + "\", \"" + c.value()
                        + "\"]");
            }
        }
        for (String f : fields.keySet()) {
            if (!named.contains(f) && !EXEMPT.contains(f) && !f.startsWith("x-ignore-")) {
                throw denied("Extra input fields: " + f);
            }
        }
    }

    /** Whether a file of {@code length} bytes is within the policy's content-length-range. */
    public void checkLength(long length) throws S3Exception {
        if (length < minLength) {
            throw new S3Exception(S3Error.ENTITY_TOO_SMALL, "Your proposed upload is smaller than the minimum allowed "
                    + "size (" + minLength + " bytes) of the policy");
        }
        if (length > maxLength) {
            throw new S3Exception(S3Error.ENTITY_TOO_LARGE, "Your proposed upload exceeds the maximum allowed size ("
                    + maxLength + " bytes) of the policy");
        }
    }

    public long maxLength() {
        return maxLength;
    }

    private static S3Exception denied(String why) {
        return new S3Exception(S3Error.ACCESS_DENIED, "Invalid according to Policy: " + why);
    }

    private static S3Exception invalid(String why) {
        return new S3Exception(S3Error.INVALID_POLICY_DOCUMENT, "Invalid Policy: " + why);
    }
}
