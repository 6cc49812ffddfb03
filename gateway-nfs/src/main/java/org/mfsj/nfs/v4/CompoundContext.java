package org.mfsj.nfs.v4;

import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.nfs.exports.Export;
import org.mfsj.nfs.fs.Gateway;
import org.mfsj.nfs.fs.HandleException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.Caller;
import org.mfsj.nfs.v4.state.ClientRecord;
import org.mfsj.nfs.v4.state.Nfs4State;
import org.mfsj.nfs.v4.state.Session;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.IdMapper;
import org.mfsj.nfs.v4.xdr.Sattr4;

/**
 * One COMPOUND in progress: who asks, the current and saved file handles, and the session the
 * SEQUENCE at its head named. Operations read and change it; the loop in {@link Compound} owns it.
 */
public final class CompoundContext {
    private final Gateway gateway;
    private final Nfs4State state;
    private final IdMapper ids;
    private final Caller caller;
    private final int minorVersion;
    private byte[] current;
    private byte[] saved;
    private StateId currentStateId;
    private StateId savedStateId;
    private Session session;
    private Session.Slot slot;
    private byte[] replay;
    private int requestBytes;
    private int opCount;
    private boolean cacheThis;

    public CompoundContext(Gateway gateway, Nfs4State state, IdMapper ids, Caller caller, int minorVersion) {
        this.gateway = gateway;
        this.state = state;
        this.ids = ids;
        this.caller = caller;
        this.minorVersion = minorVersion;
    }

    public Gateway gateway() {
        return gateway;
    }

    public MfsClient client() {
        return gateway.client();
    }

    public Nfs4State state() {
        return state;
    }

    public IdMapper ids() {
        return ids;
    }

    public Caller caller() {
        return caller;
    }

    public int minorVersion() {
        return minorVersion;
    }

    public Session session() {
        return session;
    }

    /** The client of this COMPOUND's session. */
    public ClientRecord sessionClient() throws Nfs4Exception {
        if (session == null) {
            throw new Nfs4Exception(Nfs4.ERR_OP_NOT_IN_SESSION, "no SEQUENCE first");
        }
        return session.client();
    }

    /**
     * The client an OPEN or LOCK acts for: in 4.1 the session's; in 4.0 the one its arguments
     * name, which must be confirmed (and whose lease this renews).
     */
    public ClientRecord clientFor(long clientIdArg) throws Nfs4Exception {
        return minorVersion == 0 ? state.confirmedClient(clientIdArg) : sessionClient();
    }

    void bind(Session s, Session.Slot sl) {
        this.session = s;
        this.slot = sl;
    }

    public void sequenced(Session s, Session.Slot sl, boolean keepReply) {
        bind(s, sl);
        this.cacheThis = keepReply;
    }

    /** The size of the COMPOUND's RPC message and its number of operations, for SEQUENCE's limits. */
    void received(int bytes, int ops) {
        this.requestBytes = bytes;
        this.opCount = ops;
    }

    public int requestBytes() {
        return requestBytes;
    }

    public int opCount() {
        return opCount;
    }

    /**
     * The largest reply this COMPOUND may have, with the error that says it would be larger: the
     * session's cached-reply limit when SEQUENCE asked for the reply to be kept; none without a
     * session.
     */
    ReplyLimit replyLimit() {
        if (session == null) {
            return null;
        }
        Session.Limits l = session.limits();
        return cacheThis ? new ReplyLimit(l.maxResponseCached(), Nfs4.ERR_REP_TOO_BIG_TO_CACHE)
                : new ReplyLimit(l.maxResponse(), Nfs4.ERR_REP_TOO_BIG);
    }

    /** A reply size limit and its error. */
    record ReplyLimit(int bytes, int status) {
    }

    Session.Slot slot() {
        return slot;
    }

    public void replay(byte[] reply) {
        this.replay = reply;
    }

    byte[] replay() {
        return replay;
    }

    public boolean hasCurrent() {
        return current != null;
    }

    public byte[] currentFh() throws Nfs4Exception {
        if (current == null) {
            throw new Nfs4Exception(Nfs4.ERR_NOFILEHANDLE, "no current file handle");
        }
        return current;
    }

    public void setCurrent(byte[] fh) {
        this.current = fh;
        this.currentStateId = null;
    }

    public void setCurrent(Export e, Attr a) {
        setCurrent(gateway.handle(e, a));
    }

    public void clearCurrent() {
        setCurrent((byte[]) null);
    }

    /** The stateid an operation names, with 4.1's "current stateid" replaced by the one this COMPOUND last made. */
    public StateId stateid(StateId named) throws Nfs4Exception {
        if (minorVersion == 0 || !named.isCurrent()) {
            return named;
        }
        if (currentStateId == null) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "no current stateid in this COMPOUND");
        }
        return currentStateId;
    }

    /** Made by OPEN, LOCK, LOCKU, OPEN_DOWNGRADE: what a later "current stateid" in this COMPOUND means. */
    public void setCurrentStateId(StateId sid) {
        this.currentStateId = sid;
    }

    public void save() throws Nfs4Exception {
        saved = currentFh();
        savedStateId = currentStateId;
    }

    public void restore() throws Nfs4Exception {
        if (saved == null) {
            throw new Nfs4Exception(Nfs4.ERR_RESTOREFH, "no saved file handle");
        }
        current = saved;
        currentStateId = savedStateId;
    }

    /** The current file, resolved now, if the caller may use its export. */
    public Node current() throws Nfs4Exception, MfsException {
        return node(currentFh());
    }

    public Node saved() throws Nfs4Exception, MfsException {
        if (saved == null) {
            throw new Nfs4Exception(Nfs4.ERR_NOFILEHANDLE, "no saved file handle");
        }
        return node(saved);
    }

    public Node node(byte[] fh) throws Nfs4Exception, MfsException {
        Node n;
        try {
            n = gateway.resolve(fh);
        } catch (HandleException e) {
            throw new Nfs4Exception(e.isStale() ? Nfs4.ERR_STALE : Nfs4.ERR_BADHANDLE, e.getMessage());
        }
        if (!n.export().admits(caller.peer())) {
            throw new Nfs4Exception(Nfs4.ERR_ACCESS, caller + " is not a client of export " + n.export().path());
        }
        return n;
    }

    /** The current file, which must be a directory (a symlink gets SYMLINK, as LOOKUP wants). */
    public Node currentDir() throws Nfs4Exception, MfsException {
        Node n = current();
        if (!n.attr().isDirectory()) {
            throw new Nfs4Exception(n.attr().type() == org.mfsj.common.types.FileType.SYMLINK
                    ? Nfs4.ERR_SYMLINK : Nfs4.ERR_NOTDIR, "inode " + n.inode() + " is not a directory");
        }
        return n;
    }

    public static void writable(Node n) throws Nfs4Exception {
        if (n.export().readOnly()) {
            throw new Nfs4Exception(Nfs4.ERR_ROFS, "export " + n.export().path() + " is read-only");
        }
    }

    public Creds creds(Export e) {
        Creds asked = caller.creds();
        return asked == null ? new Creds(e.anonUid(), e.anonGid(), new int[0]) : e.squash(asked);
    }

    /** The change a fattr4 asks for, owners mapped to ids. */
    public SetAttrRequest change(Sattr4 s) throws Nfs4Exception {
        if (s.error() != Nfs4.OK) {
            throw new Nfs4Exception(s.error(), "attributes that cannot be set");
        }
        SetAttrRequest c = s.change();
        if (s.owner() != null) {
            c = c.and(new SetAttrRequest(SetAttrMask.UID, 0, (int) id(s.owner()), 0, 0, 0, 0));
        }
        if (s.group() != null) {
            c = c.and(new SetAttrRequest(SetAttrMask.GID, 0, 0, (int) id(s.group()), 0, 0, 0));
        }
        return c;
    }

    private long id(String name) throws Nfs4Exception {
        long id = ids.parse(name);
        if (id < 0) {
            throw new Nfs4Exception(Nfs4.ERR_BADOWNER, "owner '" + name + "'");
        }
        return id;
    }

    /** Checks a component name of LOOKUP, CREATE, REMOVE, RENAME, LINK, OPEN. */
    public static void checkName(String name) throws Nfs4Exception {
        if (name.isEmpty()) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "empty name");
        }
        if (name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new Nfs4Exception(Nfs4.ERR_BADNAME, "bad name '" + name + "'");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            throw new Nfs4Exception(Nfs4.ERR_NAMETOOLONG, "name of " + name.length() + " characters");
        }
    }
}
