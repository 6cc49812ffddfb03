package org.mfsj.nfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.OncRpcSvc;
import org.dcache.oncrpc4j.rpc.OncRpcSvcBuilder;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.mfsj.client.MfsClient;
import org.mfsj.nfs.exports.Export;
import org.mfsj.nfs.exports.ExportTable;
import org.mfsj.nfs.fs.AttrCache;
import org.mfsj.nfs.fs.Gateway;
import org.mfsj.nfs.io.OpenFiles;
import org.mfsj.nfs.io.WriteVerifier;
import org.mfsj.nfs.mount.Mount;
import org.mfsj.nfs.mount.MountProgram;
import org.mfsj.nfs.mount.MountTable;
import org.mfsj.nfs.rpc.Rpcbind;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Program;
import org.mfsj.nfs.v4.LeaseReaper;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Program;
import org.mfsj.nfs.v4.state.Nfs4State;
import org.mfsj.nfs.v4.xdr.IdMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the gateway (NFSv3, NFSv4.1 and MOUNT) from its config and a cluster session, starts its listeners, and stops them. */
public final class NfsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NfsServer.class);

    private final MfsClient client;
    private final Gateway gateway;
    private final OncRpcSvc nfs;
    private final OncRpcSvc mount;
    private final ScheduledExecutorService sweeper;
    private final Rpcbind rpcbind;
    private final Nfs4State state;

    private NfsServer(NfsConfig cfg, MfsClient client, Clock clock) throws IOException {
        this.client = client;
        ExportTable exports = new ExportTable(cfg.exports());
        WriteVerifier verifier = new WriteVerifier();
        OpenFiles files = new OpenFiles(client, clock, cfg.openFileIdle(), verifier);
        this.gateway = new Gateway(client, exports, cfg.fsid(), files, verifier,
                new AttrCache(cfg.attrCache(), System::nanoTime));
        for (Export e : exports.all()) {
            try {
                gateway.exportRoot(e);
            } catch (IOException ex) {
                LOG.warn("export {} is not usable yet: {}", e.path(), ex.getMessage());
            }
        }
        this.state = new Nfs4State(clock, cfg.leaseTime(), cfg.graceTime());
        this.nfs = build(cfg, cfg.nfsPort(), IpProtocolType.TCP, "mfsnfs",
                new OncRpcProgram(Nfs3.PROGRAM, Nfs3.VERSION), new Nfs3Program(gateway))
                .withRpcService(new OncRpcProgram(Nfs4.PROGRAM, Nfs4.VERSION),
                        new Nfs4Program(gateway, state, new IdMapper(cfg.idDomain())))
                .build();
        int mountProtocols = IpProtocolType.TCP | (cfg.mountUdp() ? IpProtocolType.UDP : 0);
        this.mount = build(cfg, cfg.mountPort(), mountProtocols, "mfsnfs-mount",
                new OncRpcProgram(Mount.PROGRAM, Mount.VERSION), new MountProgram(gateway, new MountTable())).build();
        nfs.start();
        try {
            mount.start();
        } catch (IOException e) {
            nfs.stop();
            throw e;
        }
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mfsnfs-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(files::sweep, 1, 1, TimeUnit.SECONDS);
        sweeper.scheduleWithFixedDelay(new LeaseReaper(state, client), 1, 1, TimeUnit.SECONDS);
        this.rpcbind = cfg.rpcbind() ? Rpcbind.register(services(cfg)) : Rpcbind.register(List.of());
        LOG.info("NFS on {}, MOUNT on {}; exports {}", nfsAddress(), mountAddress(), exports.all());
    }

    /** Starts a gateway on an open cluster session; the server owns the session from then on. */
    public static NfsServer start(NfsConfig cfg, MfsClient client, Clock clock) throws IOException {
        return new NfsServer(cfg, client, clock);
    }

    public InetSocketAddress nfsAddress() {
        return nfs.getInetSocketAddress(IpProtocolType.TCP);
    }

    public InetSocketAddress mountAddress() {
        return mount.getInetSocketAddress(IpProtocolType.TCP);
    }

    /** MOUNT over UDP; null without it. With port 0 configured it differs from the TCP port. */
    public InetSocketAddress mountUdpAddress() {
        return mount.getInetSocketAddress(IpProtocolType.UDP);
    }

    public Nfs4State nfs4State() {
        return state;
    }

    public Gateway gateway() {
        return gateway;
    }

    private List<Rpcbind.Service> services(NfsConfig cfg) {
        List<Rpcbind.Service> s = new ArrayList<>();
        s.add(new Rpcbind.Service(Nfs3.PROGRAM, Nfs3.VERSION, "tcp", nfsAddress()));
        s.add(new Rpcbind.Service(Nfs4.PROGRAM, Nfs4.VERSION, "tcp", nfsAddress()));
        s.add(new Rpcbind.Service(Mount.PROGRAM, Mount.VERSION, "tcp", mountAddress()));
        if (cfg.mountUdp()) {
            s.add(new Rpcbind.Service(Mount.PROGRAM, Mount.VERSION, "udp", mountUdpAddress()));
        }
        return s;
    }

    private static OncRpcSvcBuilder build(NfsConfig cfg, int port, int protocols, String name, OncRpcProgram program,
                                   RpcDispatchable dispatcher) {
        OncRpcSvcBuilder b = new OncRpcSvcBuilder()
                .withIpProtocolType(protocols)
                .withoutAutoPublish()
                .withPort(port)
                .withWorkerThreadIoStrategy()
                .withWorkerThreadPoolSize(cfg.workerThreads())
                .withServiceName(name)
                .withRpcService(program, dispatcher);
        if (!cfg.listenHost().equals("*")) {
            b.withBindAddress(cfg.listenHost());
        }
        return b;
    }

    @Override
    public void close() {
        rpcbind.close();
        sweeper.shutdownNow();
        for (OncRpcSvc svc : new OncRpcSvc[] {nfs, mount}) {
            try {
                svc.stop();
            } catch (IOException e) {
                LOG.warn("stopping {}: {}", svc, e.getMessage());
            }
        }
        gateway.files().close();
        client.close();
        LOG.info("NFS gateway stopped");
    }
}
