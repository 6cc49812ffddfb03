package org.mfsj.s3.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SigV4 signing keys, derived once per secret and day (region and service too) instead of per
 * request: the derivation is four HMACs, about as much as checking the request's signature.
 */
final class SigningKeys {
    /** More than any users file times a few days and regions; past it the cache starts over. */
    private static final int MAX_KEYS = 4096;

    private record Scope(String secret, String date, String region, String service) {
    }

    private final Map<Scope, byte[]> keys = new ConcurrentHashMap<>();

    byte[] key(String secret, String date, String region, String service) {
        Scope s = new Scope(secret, date, region, service);
        byte[] k = keys.get(s);
        if (k == null) {
            if (keys.size() >= MAX_KEYS) {
                keys.clear();
            }
            k = SigV4.signingKey(secret, date, region, service);
            keys.put(s, k);
        }
        return k;
    }
}
