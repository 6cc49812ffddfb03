package org.mfsj.s3.cors;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.store.S3Store;

/**
 * What a browser is told about cross-origin access: the Access-Control-* headers of an answer to a
 * request with an Origin, and the whole answer to a preflight (OPTIONS, which carries no
 * signature). The bucket's CORS configuration decides, its first fitting rule as S3 does.
 */
public final class CorsAnswer {
    private static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

    private final S3Store store;
    private final CorsConfigs configs;

    public CorsAnswer(S3Store store, CorsConfigs configs) {
        this.store = store;
        this.configs = configs;
    }

    /** Headers for an ordinary request; empty without an Origin, a bucket, a configuration or a fitting rule. */
    public Map<String, String> forRequest(S3Request r) {
        String origin = r.header("origin");
        if (origin == null || r.bucket() == null) {
            return Map.of();
        }
        try {
            Optional<CorsConfiguration> config = configs.of(store.bucket(Creds.ROOT, r.bucket()).inode());
            return config.flatMap(c -> c.match(origin, r.method(), List.of()))
                    .map(rule -> headers(rule, origin, List.of())).orElse(Map.of());
        } catch (IOException e) {
            // no bucket, or no way to read its configuration: the request itself will say what is wrong
            return Map.of();
        }
    }

    /** The headers of a successful preflight; an S3 error (as S3 answers it) otherwise. */
    public Map<String, String> preflight(S3Request r) throws IOException {
        String origin = r.header("origin");
        if (origin == null) {
            throw new S3Exception(S3Error.CORS_BAD_REQUEST, "Insufficient information. Origin request header needed.");
        }
        String method = r.header("access-control-request-method");
        if (method == null) {
            throw new S3Exception(S3Error.CORS_BAD_REQUEST, "Invalid Access-Control-Request-Method: null");
        }
        if (r.bucket() == null) {
            throw new S3Exception(S3Error.CORS_FORBIDDEN, "CORSResponse: CORS is not enabled for the service, only for "
                    + "buckets");
        }
        String announced = r.header("access-control-request-headers");
        List<String> requested = announced == null ? List.of()
                : Arrays.stream(announced.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
        CorsConfiguration config = configs.of(store.bucket(Creds.ROOT, r.bucket()).inode())
                .orElseThrow(() -> new S3Exception(S3Error.CORS_FORBIDDEN,
                        "CORSResponse: CORS is not enabled for this bucket."));
        CorsRule rule = config.match(origin, method, requested).orElseThrow(() -> new S3Exception(
                S3Error.CORS_FORBIDDEN));
        return headers(rule, origin, requested);
    }

    private static Map<String, String> headers(CorsRule rule, String origin, List<String> requested) {
        Map<String, String> h = new LinkedHashMap<>();
        boolean any = "*".equals(rule.originMatching(origin));
        h.put("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            h.put("Access-Control-Allow-Credentials", "true");
        }
        h.put("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (!requested.isEmpty()) {
            h.put("Access-Control-Allow-Headers", String.join(", ", requested));
        }
        if (!rule.exposeHeaders().isEmpty()) {
            h.put("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (rule.maxAgeSeconds() >= 0) {
            h.put("Access-Control-Max-Age", Integer.toString(rule.maxAgeSeconds()));
        }
        h.put("Vary", VARY);
        return h;
    }
}
