package org.mfsj.nfs.io;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write verifier of NFSv3 WRITE/COMMIT and NFSv4 WRITE/COMMIT: it changes whenever data
 * acknowledged as UNSTABLE may have been lost (a restart of the gateway, a failed background
 * flush), which tells clients to send their uncommitted writes again.
 */
public final class WriteVerifier {
    private final AtomicLong value = new AtomicLong(new SecureRandom().nextLong());

    public byte[] current() {
        return ByteBuffer.allocate(8).putLong(value.get()).array();
    }

    public void rotate() {
        value.incrementAndGet();
    }
}
