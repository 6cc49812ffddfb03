package org.mfsj.s3.cors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.xml.XmlReader;
import org.mfsj.s3.xml.XmlWriter;
import org.w3c.dom.Element;

/**
 * A bucket's CORS configuration (PutBucketCors): up to 100 rules, the first that fits a request
 * decides. Read and checked as S3 does; written back in S3's element order, which is also how it
 * is kept on the bucket's directory.
 */
public record CorsConfiguration(List<CorsRule> rules) {
    public static final int MAX_RULES = 100;
    public static final long MAX_XML = 64 << 10;
    private static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "DELETE");

    public CorsConfiguration {
        rules = List.copyOf(rules);
    }

    /** The rule for a request from {@code origin} with {@code method} announcing {@code headers}. */
    public Optional<CorsRule> match(String origin, String method, List<String> headers) {
        for (CorsRule r : rules) {
            if (r.allowedMethods().contains(method) && r.originMatching(origin) != null && r.allowsHeaders(headers)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public static CorsConfiguration parse(byte[] xml) throws IOException {
        Element root = XmlReader.parse(new ByteArrayInputStream(xml), MAX_XML);
        XmlReader.expectRoot(root, "CORSConfiguration");
        List<Element> rules = XmlReader.children(root, "CORSRule");
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw new S3Exception(S3Error.MALFORMED_XML, "A CORS configuration holds 1 to " + MAX_RULES + " rules, not "
                    + rules.size());
        }
        List<CorsRule> out = new ArrayList<>();
        for (Element e : rules) {
            out.add(rule(e));
        }
        return new CorsConfiguration(out);
    }

    private static CorsRule rule(Element e) throws S3Exception {
        List<String> origins = texts(e, "AllowedOrigin");
        List<String> methods = texts(e, "AllowedMethod");
        if (origins.isEmpty() || methods.isEmpty()) {
            throw new S3Exception(S3Error.MALFORMED_XML, "Every CORSRule needs an AllowedOrigin and an AllowedMethod");
        }
        Set<String> methodSet = new LinkedHashSet<>();
        for (String m : methods) {
            if (!METHODS.contains(m)) {
                throw new S3Exception(S3Error.INVALID_REQUEST,
                        "Found unsupported HTTP method in CORS config. Unsupported method is " + m);
            }
            methodSet.add(m);
        }
        List<String> headers = texts(e, "AllowedHeader");
        for (String pattern : concat(origins, headers)) {
            if (pattern.indexOf('*') != pattern.lastIndexOf('*')) {
                throw new S3Exception(S3Error.INVALID_REQUEST, "\"" + pattern + "\" can not have more than one wildcard");
            }
        }
        String id = XmlReader.text(e, "ID");
        if (id != null && id.length() > 255) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "A CORSRule ID is at most 255 characters");
        }
        String maxAge = XmlReader.text(e, "MaxAgeSeconds");
        int age = -1;
        if (maxAge != null) {
            try {
                age = Integer.parseInt(maxAge.strip());
            } catch (NumberFormatException ex) {
                throw new S3Exception(S3Error.MALFORMED_XML, "MaxAgeSeconds '" + maxAge + "' is not a number");
            }
            if (age < 0) {
                throw new S3Exception(S3Error.MALFORMED_XML, "MaxAgeSeconds cannot be negative");
            }
        }
        return new CorsRule(id, origins, List.copyOf(methodSet), headers, texts(e, "ExposeHeader"), age);
    }

    private static List<String> texts(Element parent, String name) {
        return XmlReader.children(parent, name).stream().map(x -> x.getTextContent().strip()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public XmlWriter toXml() {
        XmlWriter w = XmlWriter.document("CORSConfiguration");
        for (CorsRule r : rules) {
            w.start("CORSRule");
            w.optional("ID", r.id());
            r.allowedHeaders().forEach(h -> w.element("AllowedHeader", h));
            r.allowedMethods().forEach(m -> w.element("AllowedMethod", m));
            r.allowedOrigins().forEach(o -> w.element("AllowedOrigin", o));
            r.exposeHeaders().forEach(h -> w.element("ExposeHeader", h));
            if (r.maxAgeSeconds() >= 0) {
                w.element("MaxAgeSeconds", r.maxAgeSeconds());
            }
            w.end();
        }
        return w;
    }
}
