package org.mfsj.nfs.v4.state;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One NFSv4.1 client as EXCHANGE_ID made it: its id, the owner string and verifier it presented,
 * whether a CREATE_SESSION confirmed it, and its lease.
 */
public final class ClientRecord {
    final long id;
    final StateId.Key owner;
    final byte[] verifier;
    /** Who made the record (the AUTH_SYS uid; -1 for none): another principal may not take it over. */
    final int principal;
    volatile boolean confirmed;
    volatile long lastRenewMillis;
    /** The CREATE_SESSION sequence number this client is at, and the reply to replay for it. */
    int createSessionSeq;
    Object createSessionReply;
    volatile boolean reclaimComplete;
    /** NFSv4.0: the verifier SETCLIENTID_CONFIRM must present. */
    byte[] confirmVerifier;
    final Set<StateId.Key> sessions = ConcurrentHashMap.newKeySet();

    ClientRecord(long id, StateId.Key owner, byte[] verifier, long now) {
        this(id, owner, verifier, -1, now);
    }

    ClientRecord(long id, StateId.Key owner, byte[] verifier, int principal, long now) {
        this.id = id;
        this.principal = principal;
        this.owner = owner;
        this.verifier = verifier.clone();
        this.lastRenewMillis = now;
        this.createSessionSeq = 0;
    }

    public long id() {
        return id;
    }

    public int principal() {
        return principal;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public boolean reclaimComplete() {
        return reclaimComplete;
    }

    /** The first sequence id its CREATE_SESSION must carry (EXCHANGE_ID's eir_sequenceid). */
    public int nextCreateSessionSeq() {
        return createSessionSeq + 1;
    }
}
