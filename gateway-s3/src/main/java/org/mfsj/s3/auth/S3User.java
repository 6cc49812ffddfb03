package org.mfsj.s3.auth;

import org.mfsj.common.types.Creds;

/** One S3 user: the key pair it signs with and the POSIX identity its requests run as. */
public record S3User(String accessKey, String secretKey, int uid, int gid) {
    public Creds creds() {
        return new Creds(uid, gid, new int[0]);
    }

    @Override
    public String toString() {
        // never the secret
        return accessKey + "(uid=" + uid + " gid=" + gid + ")";
    }
}
