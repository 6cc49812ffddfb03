package org.mfsj.tools.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback to one port, which a test can cut (every connection closed, new ones
 * refused at once) and heal: a network partition between two processes without root or netns.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    /** Bytes still to pass towards the target before the relay holds the rest; unlimited unless set. */
    private final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
    /** Whether bytes towards the target wait because the budget ran out. */
    private volatile boolean holding;

    TcpProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "proxy-to-" + target);
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                if (cut) {
                    in.close();
                    continue;
                }
                Socket out;
                try {
                    out = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException e) {
                    in.close();
                    continue;
                }
                open.add(in);
                open.add(out);
                pump(in, out, budget);
                pump(out, in, new AtomicLong(Long.MAX_VALUE));
            } catch (IOException e) {
                // closed: the proxy is done
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong allowed) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[64 << 10];
            try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                int n;
                while ((n = i.read(buf)) > 0) {
                    int sent = 0;
                    while (sent < n) {
                        int part = (int) Math.min(n - sent, take(allowed, n - sent));
                        o.write(buf, sent, part);
                        sent += part;
                    }
                }
            } catch (IOException e) {
                // one side went away: end both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump-" + target);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Up to {@code n} bytes of what {@code allowed} lets through, waiting while it allows none (the
     * relay holds the bytes: a transfer stopped midway, at a point the test chose).
     */
    private int take(AtomicLong allowed, int n) throws IOException {
        while (true) {
            long left = allowed.get();
            if (left > 0) {
                int part = (int) Math.min(n, left);
                if (left == Long.MAX_VALUE || allowed.compareAndSet(left, left - part)) {
                    return part;
                }
                continue;
            }
            holding = true;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while holding", e);
            }
        }
    }

    /**
     * From now on at most {@code bytes} more go towards the target; what comes after is held (not
     * dropped, the connection stays up) until {@link #heal()} or a {@link #cut()}.
     */
    void holdAfter(long bytes) {
        holding = false;
        budget.set(bytes);
    }

    /** Whether bytes towards the target are being held, the budget spent. */
    boolean holding() {
        return holding;
    }

    /** Ends every connection through the proxy and refuses new ones until {@link #heal()}. */
    void cut() {
        cut = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Lets new connections through again, and every byte, held or not. */
    void heal() {
        cut = false;
        budget.set(Long.MAX_VALUE);
        holding = false;
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
