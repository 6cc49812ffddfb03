package org.mfsj.nfs.v4.state;

/**
 * A session: its id, its client and its fore-channel slot table. Each slot remembers the last
 * sequence id it executed and that request's reply, which is what a retransmission gets back
 * (RFC 8881 2.10.6: exactly-once semantics).
 */
public final class Session {
    /**
     * What CREATE_SESSION granted the fore channel: the largest request and reply in bytes (RPC
     * header included), the largest reply the slot is asked to keep, and operations per COMPOUND.
     */
    public record Limits(int maxRequest, int maxResponse, int maxResponseCached, int maxOps) {
    }

    /** One slot of the table. */
    public static final class Slot {
        int seqid;
        byte[] reply;
        boolean busy;

        public synchronized int seqid() {
            return seqid;
        }

        /** The reply of the request with this slot's current sequence id, or null if not kept. */
        public synchronized byte[] reply() {
            return reply;
        }

        /** Claims the slot for request {@code seq}: the next one after the last executed. */
        public synchronized boolean begin(int seq) {
            if (busy || seq != seqid + 1) {
                return false;
            }
            busy = true;
            seqid = seq;
            reply = null;
            return true;
        }

        public synchronized boolean isBusy() {
            return busy;
        }

        /** Ends the request: its reply is what a retransmission will get. */
        public synchronized void finish(byte[] encodedReply) {
            reply = encodedReply;
            busy = false;
        }
    }

    public Slot slot(int i) {
        return slots[i];
    }

    final byte[] id;
    final ClientRecord client;
    final Slot[] slots;
    final Limits limits;

    Session(byte[] id, ClientRecord client, int slots, Limits limits) {
        this.id = id.clone();
        this.client = client;
        this.limits = limits;
        this.slots = new Slot[slots];
        for (int i = 0; i < slots; i++) {
            this.slots[i] = new Slot();
        }
    }

    public byte[] id() {
        return id.clone();
    }

    public ClientRecord client() {
        return client;
    }

    public Limits limits() {
        return limits;
    }

    public int slotCount() {
        return slots.length;
    }
}
