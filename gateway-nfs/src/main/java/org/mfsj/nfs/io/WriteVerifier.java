package org.mfsj.nfs.io;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write verifier of NFSv3 WRITE/COMMIT and NFSv4 WRITE/COMMIT: it changes whenever data
 * acknowledged as UNSTABLE may have been lost (a restart of the gateway, a failed background
 * flush), which tells clients to send their uncommitted writes again.
 *
 * <p>What a restart loses, and what it does not: UNSTABLE data still in this process's write-back
 * buffer is lost with it, and so is the client library's note of which chunks a COMMIT has to
 * force. Flushed data is not lost: it is on the chunkservers, which force it within their
 * CHUNK_FSYNC_DELAY_MS. The verifier is therefore random per start rather than kept across
 * restarts: a COMMIT answered by a new process never matches the verifier of WRITEs answered by
 * the old one, so clients send those writes again and the new process forces them; it never
 * vouches for data it did not force itself. Within one process, a COMMIT forces (fsync) every
 * chunk any writer of the file wrote since the last one, so an unchanged verifier is a true claim.
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
