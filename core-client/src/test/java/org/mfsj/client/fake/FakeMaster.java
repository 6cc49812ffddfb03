package org.mfsj.client.fake;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.CopyReport;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireServer;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.FileInfo;
import org.mfsj.common.wire.client2master.FileInfoReply;
import org.mfsj.common.wire.client2master.GetAttr;
import org.mfsj.common.wire.client2master.Open;
import org.mfsj.common.wire.client2master.Release;
import org.mfsj.common.wire.client2master.ReleaseMany;
import org.mfsj.common.wire.client2master.GetXattr;
import org.mfsj.common.wire.client2master.ListXattr;
import org.mfsj.common.wire.client2master.Lookup;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.Ping;
import org.mfsj.common.wire.client2master.ReadChunk;
import org.mfsj.common.wire.client2master.ReadChunkReply;
import org.mfsj.common.wire.client2master.ReadDir;
import org.mfsj.common.wire.client2master.ReadDirReply;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.RemoveXattr;
import org.mfsj.common.wire.client2master.SetAttr;
import org.mfsj.common.wire.client2master.SetXattr;
import org.mfsj.common.wire.client2master.StatFs;
import org.mfsj.common.wire.client2master.StatFsReply;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.WriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;
import org.mfsj.common.wire.client2master.XattrListReply;
import org.mfsj.common.wire.client2master.XattrReply;

/**
 * An in-memory master for client tests: directories and files, sessions that survive a restart
 * (the state lives in this object, the port is re-bound), chunks placed on the first two live
 * fake chunkservers, versions bumped on every write open. Requests it does not know (symlinks,
 * links, goals, cluster status) get ENOTSUP.
 */
public final class FakeMaster implements AutoCloseable {
    private static final long ROOT = 1;

    private static final class Node {
        final long inode;
        final FileType type;
        int mode = 0644;
        long length;
        final TreeMap<String, Long> children = new TreeMap<>();
        final TreeMap<Integer, Long> chunks = new TreeMap<>();
        final TreeMap<String, byte[]> xattrs = new TreeMap<>();

        Node(long inode, FileType type) {
            this.inode = inode;
            this.type = type;
        }
    }

    private static final class ChunkMeta {
        int version = 1;
        final List<FakeChunkserver> holders = new ArrayList<>();
    }

    private final EventLoopGroup group;
    private final List<FakeChunkserver> servers;
    private final Map<Long, Node> nodes = new ConcurrentHashMap<>();
    private final Map<Long, Integer> opens = new ConcurrentHashMap<>();
    private final Map<Long, ChunkMeta> chunkMeta = new ConcurrentHashMap<>();
    private final Set<Long> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Peer> peers = ConcurrentHashMap.newKeySet();
    /** Every WriteChunkEnd received, for tests to look at. */
    public final List<WriteChunkEnd> chunkEnds = new CopyOnWriteArrayList<>();
    /** Every RegisterSession received. */
    public final List<RegisterSession> registrations = new CopyOnWriteArrayList<>();
    /** The term (epoch, master HA) sessions are opened under; a test sets it. */
    public volatile long term;
    /** Chunks opened for writing and not yet ended: the real master never has two writes on one. */
    private final Set<Long> writing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger overlappingWrites = new AtomicInteger();
    private volatile long failChunkEndAt = -1;
    private volatile Status chunkEndFailure;
    private long nextInode = ROOT + 1;
    private long nextChunk = 1;
    private long nextSession = 1;
    private volatile boolean up;
    private volatile Status writeChunkFailure;
    private WireServer server;
    private int port;

    public FakeMaster(EventLoopGroup group, List<FakeChunkserver> servers) {
        this.group = group;
        this.servers = servers;
        nodes.put(ROOT, new Node(ROOT, FileType.DIRECTORY));
    }

    /** Binds (the same port as before, after a stop). */
    public FakeMaster start() throws InterruptedException {
        server = WireServer.bind(group, "127.0.0.1", port, ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY,
                () -> this::onMessage);
        port = server.port();
        up = true;
        return this;
    }

    /** Closes the port and every client connection; the namespace stays. */
    public void stop() {
        up = false;
        server.close();
        peers.forEach(Peer::close);
        peers.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /** Every WriteChunk answers {@code s} from now on (null: work normally). */
    public void failWriteChunksWith(Status s) {
        writeChunkFailure = s;
    }

    /** The next successful WriteChunkEnd recording length {@code newLength} is answered {@code s}. */
    public void failChunkEndAt(long newLength, Status s) {
        chunkEndFailure = s;
        failChunkEndAt = newLength;
    }

    /** WriteChunk requests for a chunk whose previous write had not ended yet. */
    public int overlappingWrites() {
        return overlappingWrites.get();
    }

    /** Sessions ever opened (resumes do not count). */
    public int sessionsOpened() {
        return sessions.size();
    }

    public ServerAddress address() {
        return new ServerAddress("127.0.0.1", port);
    }

    private void onMessage(Peer from, Message m) {
        peers.add(from);
        if (!up) {
            from.close();
            return;
        }
        Message reply;
        synchronized (this) {
            reply = handle(m);
        }
        from.send(reply);
    }

    private Message handle(Message m) {
        int id = m.msgId();
        if (m instanceof RegisterSession r) {
            return register(r);
        } else if (m instanceof Ping) {
            return new StatusReply(id, Status.OK);
        } else if (m instanceof Lookup r) {
            Node dir = nodes.get(r.parent());
            Long child = dir == null ? null : dir.children.get(r.name());
            return child == null ? new EntryReply(id, Status.ENOENT, null) : new EntryReply(id, Status.OK, attr(child));
        } else if (m instanceof GetAttr r) {
            return nodes.containsKey(r.inode()) ? new AttrReply(id, Status.OK, attr(r.inode()))
                    : new AttrReply(id, Status.ENOENT, null);
        } else if (m instanceof Open r) {
            return open(r);
        } else if (m instanceof Release r) {
            opens.merge(r.inode(), -1, Integer::sum);
            return new StatusReply(id, Status.OK);
        } else if (m instanceof ReleaseMany r) {
            r.inodes().forEach(inode -> opens.merge(inode, -1, Integer::sum));
            return new StatusReply(id, Status.OK);
        } else if (m instanceof Mknod r) {
            return make(id, r.parent(), r.name(), r.type(), r.mode());
        } else if (m instanceof Mkdir r) {
            return make(id, r.parent(), r.name(), FileType.DIRECTORY, r.mode());
        } else if (m instanceof Unlink r) {
            Node dir = nodes.get(r.parent());
            Long child = dir == null ? null : dir.children.remove(r.name());
            return new StatusReply(id, child == null ? Status.ENOENT : Status.OK);
        } else if (m instanceof SetAttr r) {
            return setattr(r);
        } else if (m instanceof ReadDir r) {
            return readdir(r);
        } else if (m instanceof ReadChunk r) {
            return readChunk(r);
        } else if (m instanceof WriteChunk r) {
            return writeChunk(r);
        } else if (m instanceof WriteChunkEnd r) {
            chunkEnds.add(r);
            writing.remove(r.chunkId());
            Node n = nodes.get(r.inode());
            if (r.writeStatus().isOk() && r.newLength() == failChunkEndAt) {
                failChunkEndAt = -1;
                return new AttrReply(id, chunkEndFailure, null);
            }
            if (r.writeStatus().isOk()) {
                n.length = Math.max(n.length, r.newLength());
                // this fake keeps no times: those a write's end carries are refused, its mode is set
                if (r.then() != null && (r.then().mask() & SetAttrMask.MODE) != 0) {
                    n.mode = r.then().mode();
                }
            }
            return new AttrReply(id, Status.OK, attr(n.inode));
        }
        return other(m);
    }

    /** The rarer requests: space, xattrs, chunk reports. */
    private Message other(Message m) {
        int id = m.msgId();
        if (m instanceof StatFs) {
            return new StatFsReply(id, Status.OK, 1000, 600, 400, nodes.size());
        } else if (m instanceof SetXattr r) {
            Node n = nodes.get(r.inode());
            boolean exists = n.xattrs.containsKey(r.name());
            if (r.flags() == 1 && exists || r.flags() == 2 && !exists) {
                return new StatusReply(id, exists ? Status.EEXIST : Status.ENODATA);
            }
            n.xattrs.put(r.name(), r.value());
            return new StatusReply(id, Status.OK);
        } else if (m instanceof GetXattr r) {
            byte[] v = nodes.get(r.inode()).xattrs.get(r.name());
            return v == null ? new StatusReply(id, Status.ENODATA) : new XattrReply(id, Status.OK, v);
        } else if (m instanceof ListXattr r) {
            return new XattrListReply(id, Status.OK, List.copyOf(nodes.get(r.inode()).xattrs.keySet()));
        } else if (m instanceof RemoveXattr r) {
            return new StatusReply(id, nodes.get(r.inode()).xattrs.remove(r.name()) == null ? Status.ENODATA
                    : Status.OK);
        } else if (m instanceof FileInfo r) {
            List<ChunkReport> out = new ArrayList<>();
            nodes.get(r.inode()).chunks.forEach((index, chunk) -> {
                ChunkMeta meta = chunkMeta.get(chunk);
                out.add(new ChunkReport(index, chunk, meta.version, 2, meta.holders.stream()
                        .map(cs -> new CopyReport(cs.address(), meta.version, cs.isUp())).toList()));
            });
            return new FileInfoReply(id, Status.OK, out);
        }
        return new StatusReply(id, Status.ENOTSUP);
    }

    private Message open(Open r) {
        Node n = nodes.get(r.inode());
        if (n == null) {
            return new AttrReply(r.msgId(), Status.ENOENT, null);
        }
        if (n.type != FileType.FILE) {
            return new AttrReply(r.msgId(), n.type == FileType.DIRECTORY ? Status.EISDIR : Status.EINVAL, null);
        }
        opens.merge(r.inode(), 1, Integer::sum);
        return new AttrReply(r.msgId(), Status.OK, attr(r.inode()));
    }

    /** Opens not yet released, of one inode, as the master counts them. */
    public synchronized int opensOf(long inode) {
        return opens.getOrDefault(inode, 0);
    }

    private Message register(RegisterSession r) {
        registrations.add(r);
        if (!r.subdir().equals("/")) {
            return new RegisterSessionReply(r.msgId(), Status.ENOENT, 0, 0);
        }
        long sid = r.sessionId();
        if (sid == 0) {
            sid = nextSession++;
            sessions.add(sid);
        } else if (!sessions.contains(sid)) {
            return new RegisterSessionReply(r.msgId(), Status.ENOENT, 0, 0);
        }
        return new RegisterSessionReply(r.msgId(), Status.OK, sid, ROOT, false, "", term);
    }

    private Message make(int id, long parent, String name, FileType type, int mode) {
        Node dir = nodes.get(parent);
        if (dir == null || dir.type != FileType.DIRECTORY) {
            return new EntryReply(id, Status.ENOTDIR, null);
        }
        if (dir.children.containsKey(name)) {
            return new EntryReply(id, Status.EEXIST, null);
        }
        Node n = new Node(nextInode++, type);
        n.mode = mode;
        nodes.put(n.inode, n);
        dir.children.put(name, n.inode);
        return new EntryReply(id, Status.OK, attr(n.inode));
    }

    private Message setattr(SetAttr r) {
        Node n = nodes.get(r.inode());
        if (n == null) {
            return new AttrReply(r.msgId(), Status.ENOENT, null);
        }
        if ((r.mask() & SetAttrMask.MODE) != 0) {
            n.mode = r.mode();
        }
        if ((r.mask() & SetAttrMask.LENGTH) != 0) {
            n.length = r.length();
            int keep = (int) ((r.length() + ChunkGeometry.CHUNK_SIZE - 1) / ChunkGeometry.CHUNK_SIZE);
            n.chunks.tailMap(keep, true).clear();
            Long last = n.chunks.get(ChunkGeometry.chunkIndex(r.length()));
            if (last != null) {
                for (FakeChunkserver cs : chunkMeta.get(last).holders) {
                    cs.truncate(last, ChunkGeometry.offsetInChunk(r.length()));
                }
            }
        }
        return new AttrReply(r.msgId(), Status.OK, attr(n.inode));
    }

    private Message readdir(ReadDir r) {
        Node dir = nodes.get(r.inode());
        if (dir == null || dir.type != FileType.DIRECTORY) {
            return new ReadDirReply(r.msgId(), Status.ENOTDIR, List.of(), false);
        }
        List<DirEntry> out = new ArrayList<>();
        long pos = 0;
        for (Map.Entry<String, Long> e : dir.children.entrySet()) {
            pos++;
            if (pos <= r.cookie()) {
                continue;
            }
            if (out.size() == r.maxEntries()) {
                return new ReadDirReply(r.msgId(), Status.OK, out, false);
            }
            Node n = nodes.get(e.getValue());
            out.add(new DirEntry(e.getKey(), n.inode, n.type, pos, r.withAttrs() ? attr(n.inode) : null));
        }
        return new ReadDirReply(r.msgId(), Status.OK, out, true);
    }

    private Message readChunk(ReadChunk r) {
        Node n = nodes.get(r.inode());
        if (n == null) {
            return new ReadChunkReply(r.msgId(), Status.ENOENT, 0, 0, 0, List.of());
        }
        Long chunk = n.chunks.get(r.index());
        if (chunk == null) {
            return new ReadChunkReply(r.msgId(), Status.OK, n.length, 0, 0, List.of());
        }
        ChunkMeta meta = chunkMeta.get(chunk);
        List<ServerAddress> where = meta.holders.stream().filter(FakeChunkserver::isUp)
                .map(FakeChunkserver::address).toList();
        return new ReadChunkReply(r.msgId(), Status.OK, n.length, chunk, meta.version, where);
    }

    private Message writeChunk(WriteChunk r) {
        Node n = nodes.get(r.inode());
        if (n == null || n.type != FileType.FILE) {
            return new WriteChunkReply(r.msgId(), Status.ENOENT, 0, 0, 0, List.of());
        }
        if (writeChunkFailure != null) {
            return new WriteChunkReply(r.msgId(), writeChunkFailure, 0, 0, 0, List.of());
        }
        Long chunk = n.chunks.get(r.index());
        ChunkMeta meta;
        if (chunk == null) {
            meta = new ChunkMeta();
            servers.stream().filter(FakeChunkserver::isUp).limit(2).forEach(meta.holders::add);
            if (meta.holders.isEmpty()) {
                return new WriteChunkReply(r.msgId(), Status.NO_CHUNKSERVERS, 0, 0, 0, List.of());
            }
            chunk = nextChunk++;
            long c = chunk;
            meta.holders.forEach(cs -> cs.create(c, 1));
            chunkMeta.put(chunk, meta);
            n.chunks.put(r.index(), chunk);
        } else {
            meta = chunkMeta.get(chunk);
            long c = chunk;
            int v = meta.version;
            // a server that is down or missed a version is out of the chain (it would be re-replicated)
            meta.holders.removeIf(cs -> !cs.isUp() || !cs.has(c, v));
            if (meta.holders.isEmpty()) {
                return new WriteChunkReply(r.msgId(), Status.NO_CHUNKSERVERS, 0, 0, 0, List.of());
            }
            meta.version++;
            meta.holders.forEach(cs -> cs.setVersion(c, meta.version));
        }
        if (!writing.add(chunk)) {
            overlappingWrites.incrementAndGet();
        }
        List<ServerAddress> chain = meta.holders.stream().map(FakeChunkserver::address).toList();
        return new WriteChunkReply(r.msgId(), Status.OK, n.length, chunk, meta.version, chain);
    }

    private Attr attr(long inode) {
        Node n = nodes.get(inode);
        return new Attr(n.inode, n.type, n.mode, 0, 0, 0, 0, 0, 1, n.length, 0, 2, 1);
    }
}
