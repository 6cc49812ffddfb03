package org.mfsj.tools.cmd;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.fuse.FuseMount;
import org.mfsj.fuse.MountOptions;
import org.mfsj.fuse.MountTable;
import org.mfsj.tools.cluster.DaemonProcess;
import org.mfsj.tools.cluster.DataPathJvm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mfs mount MOUNTPOINT}: the FUSE client (mfsmount). With -f it serves in the foreground
 * until unmounted; without, it starts itself again detached with -f, waits for the mount to
 * appear and returns, leaving the mount's log in a file.
 */
@Command(name = "mount", description = "Mount the file system with FUSE (mfsmount); unmount with 'fusermount -u"
        + " MOUNTPOINT'.")
public final class MountCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(MountCommand.class);
    private static final Duration READY = Duration.ofSeconds(60);
    /** The export's password handed to a mount without putting it on a command line (ps shows those). */
    public static final String PASSWORD_ENV = "MFSMOUNT_PASSWORD";

    @Parameters(index = "0", paramLabel = "MOUNTPOINT", description = "an existing directory")
    Path mountpoint;

    @Mixin
    ClientOptions master;

    @Option(names = {"-S", "--subfolder"}, paramLabel = "DIR", description = "mount this folder of the file system"
            + " instead of its root")
    String subfolder;

    @Option(names = "-o", paramLabel = "OPTS", description = "comma-separated options: mfsmaster= (several masters as"
            + " 'host:port;host:port'), mfsport=,"
            + " mfssubfolder=, mfspassword=, mfsattrcacheto=SEC, mfsentrycacheto=SEC, mfsdirentrycacheto=SEC,"
            + " mfsnegentrycacheto=SEC (names known absent from a directory this mount made or listed; 0: off),"
            + " mfsiotimeout=SEC (how long calls wait for a lost master), mfswritecachesize=MiB, mfsnostdmountoptions,"
            + " mfsreadaheadsize=MiB, mfsreadfollower (master HA: lookups, attributes, listings, symlinks and xattrs"
            + " from a follower master; the mount still sees its own changes), and FUSE options (ro, allow_other, ...)")
    List<String> options = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "mfsmount.cfg: lines of -o options,"
            + " '#' starts a comment")
    Path config;

    @Option(names = {"-f", "-d"}, description = "stay in the foreground (-d: mfsmount's debug mode; for debug"
            + " lines start Java with -Dmfs.log.level=DEBUG, e.g. in MFS_JAVA_OPTS)")
    boolean foreground;

    @Option(names = "-p", description = "ask for the export's password on the terminal (mfsmount -p); a mount in"
            + " the background gets it through its environment, never its command line. Scripts can set "
            + PASSWORD_ENV + " instead.")
    boolean askPassword;

    @Option(names = "-n", description = "leave out the standard mount options (as -o mfsnostdmountoptions)")
    boolean noStandardOptions;

    @Option(names = {"-m", "--meta"}, hidden = true)
    boolean meta;

    @Option(names = "--log", paramLabel = "FILE", description = "log file of a background mount (default:"
            + " mfsmount-<mount point>.log in the temporary folder)")
    Path log;

    @Override
    public Integer call() throws Exception {
        if (meta) {
            throw new IllegalArgumentException("the meta file system (mfsmount -m: trash and sustained files) is not"
                    + " served by this mount; use 'mfs trash ls|restore|purge' instead");
        }
        String password = askPassword ? PasswordPrompt.ask("MFS Password: ") : System.getenv(PASSWORD_ENV);
        List<String> all = allOptions();
        if (password != null) {
            all.add("mfspassword=" + password);
        }
        MountOptions opts = MountOptions.parse(master.host, master.port, subfolder, all, master.masters());
        Path mp = mountpoint.toAbsolutePath().normalize();
        if (!Files.isDirectory(mp) && !MountTable.isStale(mp)) {
            throw new IllegalArgumentException("mount point " + mp + " is not a directory");
        }
        return foreground ? serve(opts, mp) : detach(mp, password);
    }

    /** The config file's lines, then -n, then the -o lists: what the mount is asked for, as given. */
    List<String> allOptions() throws IOException {
        List<String> all = new ArrayList<>();
        if (noStandardOptions) {
            all.add("mfsnostdmountoptions");
        }
        if (config != null) {
            for (String line : Files.readAllLines(config)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    all.add(l);
                }
            }
        }
        all.addAll(options);
        return all;
    }

    private int serve(MountOptions opts, Path mp) throws Exception {
        ClientConfig cfg = opts.clientConfig(ClientConfig.of(opts.masters()).withClientInfo("mfsmount " + mp));
        MfsClient client = master.connect(cfg);
        FuseMount mount;
        try {
            mount = FuseMount.start(client, opts, mp, READY);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                mount.close();
                client.close();
            }
        };
        // SIGTERM / SIGINT: unmount before the JVM goes, so no dead mount is left behind
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "mfsmount-stop"));
        mount.awaitUnmount();
        LOG.info("{} was unmounted; closing the session", mp);
        stop.run();
        return 0;
    }

    private int detach(Path mp, String password) throws IOException, InterruptedException {
        Path logFile = log != null ? log
                : Path.of(System.getProperty("java.io.tmpdir"), "mfsmount" + mp.toString().replace('/', '_') + ".log");
        List<String> args = new ArrayList<>();
        args.add("mount");
        args.add(mp.toString());
        if (master.host != null) {
            args.addAll(List.of("-H", master.host));
        }
        if (master.port != null) {
            args.addAll(List.of("-P", master.port.toString()));
        }
        if (subfolder != null) {
            args.addAll(List.of("-S", subfolder));
        }
        for (String o : allOptions()) {
            args.addAll(List.of("-o", o));
        }
        args.add("-f");
        List<String> jvm = DataPathJvm.options(ManagementFactory.getRuntimeMXBean().getInputArguments());
        Map<String, String> env = password == null ? Map.of() : Map.of(PASSWORD_ENV, password);
        Process p = DaemonProcess.launchDetached(jvm, args, logFile, env);
        long deadline = System.nanoTime() + READY.toNanos();
        while (!MountTable.isMounted(mp)) {
            if (!p.isAlive()) {
                throw new IOException("the mount process exited with status " + p.exitValue() + "; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                p.destroy();
                throw new IOException("not mounted after " + READY.toSeconds() + " s; see " + logFile);
            }
            Thread.sleep(50);
        }
        System.out.println("mounted at " + mp + " (pid " + p.pid() + ", log " + logFile + ")");
        return 0;
    }
}
