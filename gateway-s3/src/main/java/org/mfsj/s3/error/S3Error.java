package org.mfsj.s3.error;

/** Every error the gateway answers with: the S3 code, its HTTP status and a default message. */
public enum S3Error {
    ACCESS_DENIED("AccessDenied", 403, "Access Denied"),
    AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", 400, "The authorization header is malformed"),
    AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400,
            "Error parsing the X-Amz-Credential parameter"),
    ACCESS_CONTROL_LIST_NOT_SUPPORTED("AccessControlListNotSupported", 400, "The bucket does not allow ACLs: "
            + "access follows the owner, group and mode of its files and directories"),
    BAD_REQUEST("BadRequest", 400, "Bad Request"),
    BAD_DIGEST("BadDigest", 400, "The Content-MD5 or checksum you specified did not match what we received"),
    BUCKET_ALREADY_OWNED_BY_YOU("BucketAlreadyOwnedByYou", 409,
            "Your previous request to create the named bucket succeeded and you already own it"),
    BUCKET_ALREADY_EXISTS("BucketAlreadyExists", 409, "The requested bucket name is not available"),
    CORS_BAD_REQUEST("BadRequest", 400, "Insufficient information. Origin request header needed."),
    CORS_FORBIDDEN("AccessForbidden", 403, "CORSResponse: This CORS request is not allowed. This is usually because the "
            + "evaluation of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers "
            + "are not whitelisted by the resource's CORS spec."),
    BUCKET_NOT_EMPTY("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"),
    ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size"),
    ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size"),
    INCOMPLETE_BODY("IncompleteBody", 400, "You did not provide the number of bytes specified by the Content-Length"),
    INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
    INSUFFICIENT_STORAGE("InsufficientStorage", 507, "There is not enough space left in the file system"),
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403, "The AWS access key Id you provided does not exist in our records"),
    INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument"),
    INVALID_BUCKET_NAME("InvalidBucketName", 400, "The specified bucket is not valid"),
    INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 or checksum you specified is not valid"),
    INVALID_OBJECT_NAME("InvalidObjectName", 400, "The object key is not a valid path"),
    INVALID_PART("InvalidPart", 400,
            "One or more of the specified parts could not be found or its entity tag did not match"),
    CONDITIONAL_REQUEST_CONFLICT("ConditionalRequestConflict", 409, "A conflicting operation occurred. "
            + "Read the object's ETag again and retry the request"),
    INVALID_PART_ORDER("InvalidPartOrder", 400, "The list of parts was not in ascending order"),
    INVALID_POLICY_DOCUMENT("InvalidPolicyDocument", 400, "The content of the form does not meet the conditions "
            + "specified in the policy document"),
    INVALID_TAG("InvalidTag", 400, "The tag provided was not a valid tag"),
    INVALID_RANGE("InvalidRange", 416, "The requested range is not satisfiable"),
    INVALID_REQUEST("InvalidRequest", 400, "Invalid Request"),
    KEY_CONFLICT("KeyConflict", 409,
            "An object cannot be both an object and a prefix of other objects (foo/bar and foo/bar/baz)"),
    KEY_TOO_LONG("KeyTooLongError", 400, "Your key is too long"),
    MALFORMED_XML("MalformedXML", 400, "The XML you provided was not well-formed or did not validate"),
    MALFORMED_POST_REQUEST("MalformedPOSTRequest", 400,
            "The body of your POST request is not well-formed multipart/form-data"),
    MAX_POST_PRE_DATA_LENGTH_EXCEEDED("MaxPostPreDataLengthExceededError", 400,
            "Your POST request fields preceding the upload file were too large"),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The specified method is not allowed against this resource"),
    MISSING_CONTENT_LENGTH("MissingContentLength", 411, "You must provide the Content-Length HTTP header"),
    MISSING_SECURITY_HEADER("MissingSecurityHeader", 400, "Your request is missing a required header"),
    NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist"),
    NO_SUCH_CORS_CONFIGURATION("NoSuchCORSConfiguration", 404, "The CORS configuration does not exist"),
    NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist"),
    NO_SUCH_TAG_SET("NoSuchTagSet", 404, "The TagSet does not exist"),
    NO_SUCH_VERSION("NoSuchVersion", 404, "The specified version does not exist."),
    NO_SUCH_UPLOAD("NoSuchUpload", 404, "The specified multipart upload does not exist"),
    NOT_IMPLEMENTED("NotImplemented", 501, "A header or query you provided implies functionality that is not implemented"),
    NOT_MODIFIED("NotModified", 304, "Not Modified"),
    PRECONDITION_FAILED("PreconditionFailed", 412, "At least one of the preconditions you specified did not hold"),
    REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403,
            "The difference between the request time and the server's time is too large"),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "Please reduce your request rate"),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided"),
    CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", 400,
            "The provided 'x-amz-content-sha256' header does not match what was computed");

    private final String code;
    private final int status;
    private final String message;

    S3Error(String code, int status, String message) {
        this.code = code;
        this.status = status;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
