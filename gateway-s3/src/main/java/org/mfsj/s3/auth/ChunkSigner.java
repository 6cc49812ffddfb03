package org.mfsj.s3.auth;

import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * The chain of signatures of a streaming upload: each chunk's signature covers its data and the
 * signature before it, starting from the request's own (the seed), so chunks cannot be dropped,
 * reordered or altered.
 */
public final class ChunkSigner {
    private final byte[] signingKey;
    private final String amzDate;
    private final String scope;
    private String previous;

    public ChunkSigner(byte[] signingKey, String amzDate, String scope, String seedSignature) {
        this.signingKey = signingKey.clone();
        this.amzDate = amzDate;
        this.scope = scope;
        this.previous = seedSignature;
    }

    /** Checks one chunk's claimed signature against its data hash and moves the chain on. */
    public void verifyChunk(String chunkSha256Hex, String claimed) throws S3Exception {
        String expected = SigV4.signature(signingKey, SigV4.chunkStringToSign(amzDate, scope, previous, chunkSha256Hex));
        check(expected, claimed, "chunk");
    }

    /** Checks the trailer signature over the canonical trailing headers. */
    public void verifyTrailer(String trailerSha256Hex, String claimed) throws S3Exception {
        String expected = SigV4.signature(signingKey,
                SigV4.trailerStringToSign(amzDate, scope, previous, trailerSha256Hex));
        check(expected, claimed, "trailer");
    }

    /** What a client computes for the next chunk; used by tests that build signed bodies. */
    public String signChunk(String chunkSha256Hex) {
        previous = SigV4.signature(signingKey, SigV4.chunkStringToSign(amzDate, scope, previous, chunkSha256Hex));
        return previous;
    }

    public String signTrailer(String trailerSha256Hex) {
        return SigV4.signature(signingKey, SigV4.trailerStringToSign(amzDate, scope, previous, trailerSha256Hex));
    }

    private void check(String expected, String claimed, String what) throws S3Exception {
        if (!SigV4.same(expected, claimed)) {
            throw new S3Exception(S3Error.SIGNATURE_DOES_NOT_MATCH,
                    "The " + what + " signature we calculated does not match the one you provided");
        }
        previous = expected;
    }
}
