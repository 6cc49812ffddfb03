package org.mfsj.nfs.v4.state;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;

/**
 * The NFSv4 state of this gateway instance: clients, sessions and opens, leases and the grace
 * period, with time from an injected clock. It is kept in memory only: after a restart every
 * client finds its client id stale and reclaims its opens during the grace period.
 */
public final class Nfs4State {
    private final Clock clock;
    private final long leaseMillis;
    private final long graceEndsMillis;
    /** Start of this instance: part of every client id and stateid, so old ones are recognised. */
    private final int boot;
    private long counter;
    private final Map<Long, ClientRecord> clients = new HashMap<>();
    private final Map<StateId.Key, ClientRecord> byOwner = new HashMap<>();
    private final Map<StateId.Key, Session> sessions = new HashMap<>();
    private final Map<StateId.Key, OpenState> opens = new HashMap<>();
    private final Map<StateId.Key, LockState> locks = new HashMap<>();
    private final Map<StateId.Key, Long> lockOwners = new HashMap<>();
    /** NFSv4.0: the last sequence id each open owner used. */
    private final Map<StateId.Key, Integer> ownerSeqids = new HashMap<>();
    /** Lock states of dropped clients whose master locks are still to be released. */
    private final List<LockState> orphanedLocks = new ArrayList<>();

    public Nfs4State(Clock clock, Duration lease, Duration grace) {
        this.clock = clock;
        this.leaseMillis = lease.toMillis();
        this.boot = (int) (clock.millis() / 1000);
        this.graceEndsMillis = clock.millis() + grace.toMillis();
    }

    public long leaseSeconds() {
        return leaseMillis / 1000;
    }

    public boolean inGrace() {
        return clock.millis() < graceEndsMillis;
    }

    /** EXCHANGE_ID: the client's record, new unless it is a known client presenting the same verifier. */
    public synchronized ClientRecord exchangeId(byte[] owner, byte[] verifier) {
        expire();
        StateId.Key key = new StateId.Key(owner.clone());
        ClientRecord known = byOwner.get(key);
        if (known != null && java.util.Arrays.equals(known.verifier, verifier)) {
            return known;
        }
        if (known != null && !known.confirmed) {
            drop(known);
        }
        ClientRecord c = new ClientRecord(((long) boot << 32) | (++counter & 0xffffffffL), key, verifier, clock.millis());
        clients.put(c.id, c);
        if (known == null || !known.confirmed) {
            byOwner.put(key, c);
        }
        return c;
    }

    /** NFSv4.1 EXCHANGE_ID, by RFC 8881's table of cases ({@link ExchangeIdCases}). */
    public synchronized ClientRecord exchangeId41(byte[] owner, byte[] verifier, int principal, boolean update)
            throws Nfs4Exception {
        expire();
        return ExchangeIdCases.apply(this, new StateId.Key(owner.clone()), verifier, principal, update);
    }

    ClientRecord confirmedOf(StateId.Key owner) {
        ClientRecord c = byOwner.get(owner);
        return c != null && c.confirmed ? c : null;
    }

    void dropUnconfirmed(StateId.Key owner) {
        List.copyOf(clients.values()).stream().filter(c -> !c.confirmed && c.owner.equals(owner))
                .forEach(this::drop);
    }

    void dropRecord(ClientRecord c) {
        drop(c);
    }

    ClientRecord newRecord(StateId.Key owner, byte[] verifier, int principal) {
        ClientRecord c = new ClientRecord(((long) boot << 32) | (++counter & 0xffffffffL), owner, verifier, principal,
                clock.millis());
        clients.put(c.id, c);
        byOwner.putIfAbsent(owner, c);
        return c;
    }

    boolean holdsState(ClientRecord c) {
        return !c.sessions.isEmpty() || opens.values().stream().anyMatch(o -> o.clientId == c.id)
                || locks.values().stream().anyMatch(l -> l.clientId == c.id);
    }

    /**
     * NFSv4.0 SETCLIENTID: an unconfirmed record with a confirm verifier; a known confirmed client
     * presenting the same verifier keeps its id (RFC 7530 16.33.5, principal checks aside).
     */
    public synchronized ClientRecord setClientId(byte[] owner, byte[] verifier) {
        ClientRecord c = exchangeId(owner, verifier);
        c.confirmVerifier = ByteBuffer.allocate(8).putLong(++counter).array();
        return c;
    }

    public synchronized byte[] confirmVerifier(ClientRecord c) {
        return c.confirmVerifier.clone();
    }

    /** NFSv4.0 SETCLIENTID_CONFIRM. */
    public synchronized void confirm(long id, byte[] verifier) throws Nfs4Exception {
        ClientRecord c = client(id);
        if (c.confirmVerifier == null || !java.util.Arrays.equals(c.confirmVerifier, verifier)) {
            throw new Nfs4Exception(Nfs4.ERR_STALE_CLIENTID, "wrong confirm verifier");
        }
        if (!c.confirmed) {
            ClientRecord old = byOwner.get(c.owner);
            if (old != null && old != c) {
                drop(old);
            }
            byOwner.put(c.owner, c);
            c.confirmed = true;
        }
        c.lastRenewMillis = clock.millis();
    }

    /** NFSv4.0: a confirmed client named by id in an operation, whose lease this renews. */
    public synchronized ClientRecord confirmedClient(long id) throws Nfs4Exception {
        expire();
        ClientRecord c = client(id);
        if (!c.confirmed) {
            throw new Nfs4Exception(Nfs4.ERR_STALE_CLIENTID, "client " + Long.toHexString(id) + " not confirmed");
        }
        c.lastRenewMillis = clock.millis();
        return c;
    }

    /** NFSv4.0 OPEN_CONFIRM: the open becomes usable and its stateid moves on. */
    public synchronized StateId confirmOpen(StateId sid) throws Nfs4Exception {
        OpenState o = openState(sid);
        if (o.confirmed) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "open already confirmed");
        }
        o.confirmed = true;
        o.stateid = o.stateid.next();
        return o.stateid;
    }

    /**
     * NFSv4.0 open-owner sequencing (RFC 7530 9.1.7): each request of an owner carries the next
     * sequence id. A retransmission is refused too (BAD_SEQID): no reply is kept per owner.
     */
    public synchronized void ownerSeqid(long clientId, byte[] owner, int seqid) throws Nfs4Exception {
        nextSeqid(new StateId.Key(ByteBuffer.allocate(8 + owner.length).putLong(clientId).put(owner).array()), seqid);
    }

    /** As above for the owner of an open stateid. */
    public synchronized void ownerSeqid(StateId sid, int seqid) throws Nfs4Exception {
        nextSeqid(openState(sid).owner, seqid);
    }

    private void nextSeqid(StateId.Key owner, int seqid) throws Nfs4Exception {
        Integer last = ownerSeqids.get(owner);
        if (last != null && seqid != last + 1) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_SEQID, "owner seqid " + seqid + " after " + last);
        }
        ownerSeqids.put(owner, seqid);
    }

    /** Whether an open of a 4.0 owner that never opened before must be confirmed. */
    public synchronized boolean needsConfirm(OpenState o) {
        return !o.confirmed;
    }

    /** NFSv4.0 RELEASE_LOCKOWNER: forgets a lock owner that holds no lock states. */
    public synchronized void releaseLockOwner(long clientId, byte[] owner) throws Nfs4Exception {
        StateId.Key key = new StateId.Key(ByteBuffer.allocate(8 + owner.length).putLong(clientId).put(owner).array());
        Long number = lockOwners.get(key);
        if (number == null) {
            return;
        }
        for (LockState l : locks.values()) {
            if (l.ownerNumber == number) {
                throw new Nfs4Exception(Nfs4.ERR_LOCKS_HELD, "lock owner still has lock state");
            }
        }
        lockOwners.remove(key);
    }

    public synchronized ClientRecord client(long id) throws Nfs4Exception {
        ClientRecord c = clients.get(id);
        if (c == null) {
            throw new Nfs4Exception(Nfs4.ERR_STALE_CLIENTID, "client id " + Long.toHexString(id) + " unknown");
        }
        return c;
    }

    /** CREATE_SESSION: confirms the client (dropping the record it replaces, if any) and opens a session. */
    public synchronized Session createSession(ClientRecord c, int slots, Session.Limits limits) {
        if (!c.confirmed) {
            ClientRecord old = byOwner.get(c.owner);
            if (old != null && old != c) {
                drop(old);
            }
            byOwner.put(c.owner, c);
            c.confirmed = true;
        }
        byte[] id = ByteBuffer.allocate(16).putLong(c.id).putLong(++counter).array();
        Session s = new Session(id, c, slots, limits);
        sessions.put(new StateId.Key(id), s);
        c.sessions.add(new StateId.Key(id));
        c.lastRenewMillis = clock.millis();
        return s;
    }

    /** Replays of CREATE_SESSION are answered from here (RFC 8881 18.36.4). */
    public synchronized Object createSessionReplay(ClientRecord c) {
        return c.createSessionReply;
    }

    public synchronized void createSessionDone(ClientRecord c, int seq, Object reply) {
        c.createSessionSeq = seq;
        c.createSessionReply = reply;
    }

    public synchronized int createSessionSeq(ClientRecord c) {
        return c.createSessionSeq;
    }

    public synchronized Session session(byte[] id) throws Nfs4Exception {
        expire();
        Session s = sessions.get(new StateId.Key(id));
        if (s == null) {
            throw new Nfs4Exception(Nfs4.ERR_BADSESSION, "no such session");
        }
        return s;
    }

    public synchronized void destroySession(byte[] id) throws Nfs4Exception {
        Session s = sessions.remove(new StateId.Key(id));
        if (s == null) {
            throw new Nfs4Exception(Nfs4.ERR_BADSESSION, "no such session");
        }
        s.client.sessions.remove(new StateId.Key(id));
    }

    public synchronized void destroyClient(long id) throws Nfs4Exception {
        ClientRecord c = client(id);
        if (!c.sessions.isEmpty()) {
            throw new Nfs4Exception(Nfs4.ERR_CLIENTID_BUSY, "client has " + c.sessions.size() + " sessions");
        }
        drop(c);
    }

    public void renew(ClientRecord c) {
        c.lastRenewMillis = clock.millis();
    }

    public synchronized void reclaimComplete(ClientRecord c) throws Nfs4Exception {
        if (c.reclaimComplete) {
            throw new Nfs4Exception(Nfs4.ERR_COMPLETE_ALREADY, "reclaim already complete");
        }
        c.reclaimComplete = true;
    }

    /** Drops clients whose lease ran out, with their sessions and opens; returns how many. */
    public synchronized int expire() {
        long now = clock.millis();
        List<ClientRecord> gone = new ArrayList<>();
        for (ClientRecord c : clients.values()) {
            if (now - c.lastRenewMillis > leaseMillis) {
                gone.add(c);
            }
        }
        gone.forEach(this::drop);
        return gone.size();
    }

    private void drop(ClientRecord c) {
        clients.remove(c.id);
        byOwner.remove(c.owner, c);
        for (StateId.Key s : c.sessions) {
            sessions.remove(s);
        }
        opens.values().removeIf(o -> o.clientId == c.id);
        locks.values().removeIf(l -> {
            if (l.clientId == c.id) {
                orphanedLocks.add(l);
                return true;
            }
            return false;
        });
    }

    /**
     * The lock states of clients dropped since the last call (lease expired, record replaced by a
     * rebooted client, destroyed): their locks are still held by the master until released.
     */
    public synchronized List<LockState> takeOrphanedLocks() {
        List<LockState> taken = List.copyOf(orphanedLocks);
        orphanedLocks.clear();
        return taken;
    }

    /**
     * OPEN: a new open of {@code inode} by {@code owner}, or the owner's existing open upgraded,
     * unless another owner's share reservation conflicts.
     */
    public synchronized OpenState open(ClientRecord c, byte[] owner, long inode, int access, int deny)
            throws Nfs4Exception {
        return open(c, owner, inode, access, deny, false);
    }

    /** As above; {@code confirmFirst} (NFSv4.0) makes the first open of a new owner wait for OPEN_CONFIRM. */
    public synchronized OpenState open(ClientRecord c, byte[] owner, long inode, int access, int deny,
                                       boolean confirmFirst) throws Nfs4Exception {
        StateId.Key ownerKey = new StateId.Key(ByteBuffer.allocate(8 + owner.length).putLong(c.id).put(owner).array());
        OpenState mine = null;
        for (OpenState o : opens.values()) {
            if (o.inode != inode) {
                continue;
            }
            if (o.owner.equals(ownerKey)) {
                mine = o;
            } else if ((o.deny & access) != 0 || (o.access & deny) != 0) {
                throw new Nfs4Exception(Nfs4.ERR_SHARE_DENIED, "share reservation of another owner on inode " + inode);
            }
        }
        if (mine != null) {
            mine.access |= access;
            mine.deny |= deny;
            mine.stateid = mine.stateid.next();
            return mine;
        }
        OpenState o = new OpenState(c.id, ownerKey, inode, access, deny, StateId.fresh(boot, ++counter));
        if (confirmFirst && opens.values().stream().noneMatch(x -> x.owner.equals(ownerKey))) {
            o.confirmed = false;
        }
        opens.put(o.stateid.key(), o);
        return o;
    }

    /** The open a stateid names, checking its sequence number (0 means "the current one"). */
    public synchronized OpenState openState(StateId sid) throws Nfs4Exception {
        OpenState o = opens.get(sid.key());
        if (o == null) {
            int from = ByteBuffer.wrap(sid.other()).getInt();
            throw new Nfs4Exception(from == boot ? Nfs4.ERR_BAD_STATEID : Nfs4.ERR_STALE_STATEID,
                    "no open for this stateid");
        }
        if (sid.seqid() != 0 && sid.seqid() < o.stateid.seqid()) {
            throw new Nfs4Exception(Nfs4.ERR_OLD_STATEID, "stateid seqid " + sid.seqid() + " < " + o.stateid.seqid());
        }
        if (sid.seqid() > o.stateid.seqid()) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "stateid seqid " + sid.seqid() + " from the future");
        }
        return o;
    }

    public synchronized StateId downgrade(StateId sid, int access, int deny) throws Nfs4Exception {
        OpenState o = openState(sid);
        if ((access & ~o.access) != 0 || (deny & ~o.deny) != 0 || access == 0) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "downgrade to access " + access + " deny " + deny
                    + " from " + o.access + "/" + o.deny);
        }
        o.access = access;
        o.deny = deny;
        o.stateid = o.stateid.next();
        return o.stateid;
    }

    /** Ends an open and the lock states under it; returns the owners whose master locks to drop. */
    public synchronized StateId close(StateId sid, java.util.List<LockState> released) throws Nfs4Exception {
        OpenState o = openState(sid);
        opens.remove(sid.key());
        locks.values().removeIf(l -> {
            if (l.openKey.equals(sid.key())) {
                released.add(l);
                return true;
            }
            return false;
        });
        return o.stateid.next();
    }

    /**
     * LOCK by a new lock owner: the lock state of {@code owner} on the file of {@code openSid},
     * made on first use. The master numbers lock owners per session, so each NFS lock owner gets a
     * number of its own here.
     */
    public synchronized LockState lockStateFor(StateId openSid, long clientId, byte[] owner) throws Nfs4Exception {
        OpenState o = openState(openSid);
        StateId.Key ownerKey = new StateId.Key(ByteBuffer.allocate(8 + owner.length).putLong(clientId).put(owner).array());
        long number = lockOwners.computeIfAbsent(ownerKey, k -> ++counter);
        for (LockState l : locks.values()) {
            if (l.ownerNumber == number && l.inode == o.inode) {
                return l;
            }
        }
        LockState l = new LockState(o.clientId, o.stateid.key(), o.inode, number, StateId.fresh(boot, ++counter));
        locks.put(l.stateid.key(), l);
        return l;
    }

    /** LOCK by a known owner and LOCKU: the lock state a stateid names, its seqid checked. */
    public synchronized LockState lockState(StateId sid) throws Nfs4Exception {
        LockState l = locks.get(sid.key());
        if (l == null) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "no lock state for this stateid");
        }
        if (sid.seqid() != 0 && sid.seqid() < l.stateid.seqid()) {
            throw new Nfs4Exception(Nfs4.ERR_OLD_STATEID, "lock stateid seqid " + sid.seqid());
        }
        if (sid.seqid() > l.stateid.seqid()) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "lock stateid seqid " + sid.seqid() + " from the future");
        }
        return l;
    }

    /** After a granted LOCK or LOCKU: the next seqid of the lock stateid. */
    public synchronized StateId bump(LockState l) {
        l.stateid = l.stateid.next();
        return l.stateid;
    }

    /** The number of an NFS lock owner for LOCKT, which needs no state. */
    public synchronized long lockOwnerNumber(long clientId, byte[] owner) {
        StateId.Key key = new StateId.Key(ByteBuffer.allocate(8 + owner.length).putLong(clientId).put(owner).array());
        return lockOwners.computeIfAbsent(key, k -> ++counter);
    }

    /** READ/WRITE/SETATTR(size): the stateid must be special or an open of this file allowing the access. */
    public synchronized void checkIo(StateId sid, long inode, boolean write) throws Nfs4Exception {
        if (sid.isSpecial()) {
            return;
        }
        LockState l = locks.get(sid.key());
        OpenState o = l != null ? opens.get(l.openKey) : openState(sid);
        if (o == null) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "lock stateid of a closed open");
        }
        if (o.inode != inode) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "stateid of another file");
        }
        if (!o.confirmed) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "open not confirmed (OPEN_CONFIRM)");
        }
        int need = write ? Nfs4.SHARE_ACCESS_WRITE : Nfs4.SHARE_ACCESS_READ;
        // reading through a write-only open is allowed, as servers commonly do (RFC 8881 9.1.2)
        if (write && (o.access & need) == 0) {
            throw new Nfs4Exception(Nfs4.ERR_OPENMODE, "open without write access");
        }
    }

    /** TEST_STATEID: the status each stateid would get. */
    public synchronized int test(StateId sid) {
        try {
            if (locks.containsKey(sid.key())) {
                lockState(sid);
            } else {
                openState(sid);
            }
            return Nfs4.OK;
        } catch (Nfs4Exception e) {
            return e.status();
        }
    }

    /** FREE_STATEID: an open still open holds state, so only unknown ids can be "freed". */
    public synchronized void free(StateId sid) throws Nfs4Exception {
        if (locks.containsKey(sid.key())) {
            // its locks were released by LOCKU (the master holds them, not this table)
            lockState(sid);
            locks.remove(sid.key());
            return;
        }
        openState(sid);
        throw new Nfs4Exception(Nfs4.ERR_LOCKS_HELD, "the open is still open; CLOSE it");
    }

    public synchronized int openCount() {
        return opens.size();
    }
}
