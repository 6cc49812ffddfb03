package org.mfsj.tools.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hosts for a VIP test on one machine: one network namespace per master host, their {@code eth0}s
 * on one bridge (in a namespace of its own, so the machine's own network is never touched), and a
 * handle on the machine's own namespace so scripts run inside a host can still reach the masters
 * on 127.0.0.1. Everything is named with a random suffix and removed by {@link #close}.
 */
final class VipNetwork implements AutoCloseable {
    static final String SUBNET = "10.213.77.";

    private final String prefix = "mfsv" + HexFormat.of().formatHex(new byte[] {
        (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
    private final List<String> made = new ArrayList<>();
    private boolean rootHandle;

    /** True when this machine lets us make namespaces and links (root, iproute2, a kernel that allows it). */
    static boolean available(Path cwd) throws IOException, InterruptedException {
        String probe = "mfsvprobe" + ThreadLocalRandom.current().nextInt(1_000_000);
        boolean ok = sh(cwd, "ip netns add " + probe).exit() == 0;
        sh(cwd, "ip netns del " + probe);
        return ok;
    }

    /** Makes {@code hosts} namespaces with addresses {@code SUBNET.1} upward on one bridge. */
    VipNetwork(Path cwd, int hosts) throws IOException, InterruptedException {
        try {
            build(cwd, hosts);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void build(Path cwd, int hosts) throws IOException, InterruptedException {
        String br = prefix + "br";
        run(cwd, "ip netns add " + br);
        made.add(br);
        run(cwd, "ip -n " + br + " link add br0 type bridge && ip -n " + br + " link set br0 up");
        for (int i = 1; i <= hosts; i++) {
            String ns = host(i);
            run(cwd, "ip netns add " + ns);
            made.add(ns);
            String inside = prefix + "e" + i;
            String outside = prefix + "b" + i;
            run(cwd, String.join(" && ",
                    "ip link add " + inside + " type veth peer name " + outside,
                    "ip link set " + inside + " netns " + ns, "ip link set " + outside + " netns " + br,
                    "ip -n " + ns + " link set " + inside + " name eth0", "ip -n " + ns + " link set eth0 up",
                    "ip -n " + ns + " link set lo up", "ip -n " + ns + " addr add " + SUBNET + i + "/24 dev eth0",
                    "ip -n " + br + " link set " + outside + " master br0", "ip -n " + br + " link set " + outside
                            + " up"));
        }
        run(cwd, "touch /run/netns/" + rootName() + " && mount --bind /proc/self/ns/net /run/netns/" + rootName());
        rootHandle = true;
    }

    String host(int i) {
        return prefix + "h" + i;
    }

    /** The machine's own namespace, for {@code nsenter --net=/run/netns/NAME}. */
    String rootName() {
        return prefix + "root";
    }

    /** Whether {@code address} is on host {@code i}'s eth0. */
    boolean holds(Path cwd, int i, String address) throws IOException, InterruptedException {
        return sh(cwd, "ip -n " + host(i) + " -4 addr show dev eth0").out().contains(" " + address + "/");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Path cwd = Path.of("/");
        if (rootHandle) {
            sh(cwd, "umount /run/netns/" + rootName() + "; rm -f /run/netns/" + rootName());
        }
        for (String ns : made) {
            sh(cwd, "ip netns del " + ns);
        }
    }

    private static void run(Path cwd, String script) throws IOException, InterruptedException {
        Sh.Result r = sh(cwd, script);
        if (r.exit() != 0) {
            throw new IOException("'" + script + "' failed (" + r.exit() + "): " + r.out());
        }
    }

    private static Sh.Result sh(Path cwd, String script) throws IOException, InterruptedException {
        return Sh.run(cwd, Duration.ofSeconds(30), List.of("bash", "-c", script));
    }
}
