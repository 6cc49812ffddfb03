package org.mfsj.s3.http;

import java.util.Map;
import java.util.Set;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/** Names the S3 API a request calls, from its method, bucket, key and sub-resource, and finds its operation. */
public final class Router {
    /** Sub-resources this gateway does not implement; asked for, they answer NotImplemented. */
    private static final Set<String> UNSUPPORTED = Set.of("policy", "lifecycle", "encryption", "website", "logging", "notification", "replication", "object-lock", "accelerate",
            "requestPayment", "ownershipControls", "publicAccessBlock", "analytics", "metrics", "inventory",
            "intelligent-tiering", "retention", "legal-hold", "torrent", "restore", "select", "attributes",
            "policyStatus");

    private final Map<String, S3Operation> operations;

    public Router(Map<String, S3Operation> operations) {
        this.operations = Map.copyOf(operations);
    }

    public S3Operation route(S3Request r) throws S3Exception {
        String name = operationName(r);
        S3Operation op = operations.get(name);
        if (op == null) {
            throw new S3Exception(S3Error.NOT_IMPLEMENTED, name + " is not implemented by this gateway");
        }
        return op;
    }

    /** The AWS API name, e.g. "PutObject"; for unsupported calls a descriptive name that has no operation. */
    public static String operationName(S3Request r) throws S3Exception {
        String m = r.method();
        if (r.bucket() == null) {
            if (m.equals("GET")) {
                return "ListBuckets";
            }
            throw new S3Exception(S3Error.METHOD_NOT_ALLOWED);
        }
        if (r.has("cors") && r.key() == null) {
            return switch (m) {
                case "GET" -> "GetBucketCors";
                case "PUT" -> "PutBucketCors";
                case "DELETE" -> "DeleteBucketCors";
                default -> throw new S3Exception(S3Error.METHOD_NOT_ALLOWED);
            };
        }
        if (r.has("acl")) {
            String on = r.key() == null ? "Bucket" : "Object";
            return switch (m) {
                case "GET" -> "Get" + on + "Acl";
                case "PUT" -> "Put" + on + "Acl";
                default -> throw new S3Exception(S3Error.METHOD_NOT_ALLOWED);
            };
        }
        if (r.has("tagging")) {
            String on = r.key() == null ? "Bucket" : "Object";
            return switch (m) {
                case "GET" -> "Get" + on + "Tagging";
                case "PUT" -> "Put" + on + "Tagging";
                case "DELETE" -> "Delete" + on + "Tagging";
                default -> throw new S3Exception(S3Error.METHOD_NOT_ALLOWED);
            };
        }
        for (String sub : UNSUPPORTED) {
            if (r.has(sub)) {
                return m + " ?" + sub;
            }
        }
        return r.key() == null ? bucketOperation(r, m) : objectOperation(r, m);
    }

    private static String bucketOperation(S3Request r, String m) throws S3Exception {
        switch (m) {
            case "GET":
                if (r.has("location")) {
                    return "GetBucketLocation";
                }
                if (r.has("versioning")) {
                    return "GetBucketVersioning";
                }
                if (r.has("versions")) {
                    return "ListObjectVersions";
                }
                if (r.has("uploads")) {
                    return "ListMultipartUploads";
                }
                return "2".equals(r.param("list-type")) ? "ListObjectsV2" : "ListObjects";
            case "PUT":
                return r.has("versioning") ? "PutBucketVersioning" : "CreateBucket";
            case "HEAD":
                return "HeadBucket";
            case "DELETE":
                return "DeleteBucket";
            case "POST":
                if (r.has("delete")) {
                    return "DeleteObjects";
                }
                throw new S3Exception(S3Error.METHOD_NOT_ALLOWED);
            default:
                throw new S3Exception(S3Error.METHOD_NOT_ALLOWED);
        }
    }

    private static String objectOperation(S3Request r, String m) throws S3Exception {
        boolean copy = r.header("x-amz-copy-source") != null;
        switch (m) {
            case "PUT":
                if (r.has("partNumber") || r.has("uploadId")) {
                    return copy ? "UploadPartCopy" : "UploadPart";
                }
                return copy ? "CopyObject" : "PutObject";
            case "GET":
                return r.has("uploadId") ? "ListParts" : "GetObject";
            case "HEAD":
                return "HeadObject";
            case "DELETE":
                return r.has("uploadId") ? "AbortMultipartUpload" : "DeleteObject";
            case "POST":
                if (r.has("uploads")) {
                    return "CreateMultipartUpload";
                }
                if (r.has("uploadId")) {
                    return "CompleteMultipartUpload";
                }
                throw new S3Exception(S3Error.METHOD_NOT_ALLOWED);
            default:
                throw new S3Exception(S3Error.METHOD_NOT_ALLOWED);
        }
    }
}
