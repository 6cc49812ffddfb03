package org.mfsj.tools.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A relay on loopback to a master's client port that reads the frames it passes (type, length,
 * then the message id) and can lose one answer: the next request of a chosen type goes through,
 * the master does it and answers, and the answer is swallowed as the connection is cut. The client
 * then sees a call whose answer it lost, as after a crash of the network between them.
 */
final class AnswerDroppingProxy implements AutoCloseable {
    private static final int NONE = -1;

    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger armedType = new AtomicInteger(NONE);
    private final AtomicInteger dropped = new AtomicInteger();

    AnswerDroppingProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "answer-dropping-proxy-to-" + target);
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The answer to the next request of wire type {@code type} is lost, and its connection cut. */
    void dropAnswerOf(int type) {
        armedType.set(type);
    }

    /** Answers swallowed so far. */
    int dropped() {
        return dropped.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(in);
                open.add(out);
                // the message id whose answer is to be lost on this connection
                AtomicInteger doomed = new AtomicInteger(NONE);
                pump(in, out, (type, msgId) -> {
                    if (armedType.compareAndSet(type, NONE)) {
                        doomed.set(msgId);
                    }
                    return true;
                });
                pump(out, in, (type, msgId) -> {
                    if (doomed.get() != NONE && doomed.get() == msgId) {
                        dropped.incrementAndGet();
                        return false;
                    }
                    return true;
                });
            } catch (IOException e) {
                // closed: the proxy is done
            }
        }
    }

    /** Decides, per frame, whether it goes on; false ends the connection instead. */
    @FunctionalInterface
    private interface FrameRule {
        boolean pass(int type, int msgId);
    }

    private void pump(Socket from, Socket to, FrameRule rule) {
        Thread t = new Thread(() -> {
            try (DataInputStream i = new DataInputStream(from.getInputStream()); OutputStream o = to.getOutputStream()) {
                byte[] head = new byte[8];
                while (true) {
                    i.readFully(head);
                    ByteBuffer h = ByteBuffer.wrap(head);
                    int type = h.getInt();
                    byte[] payload = new byte[h.getInt()];
                    i.readFully(payload);
                    int msgId = payload.length >= 4 ? ByteBuffer.wrap(payload).getInt() : NONE;
                    if (!rule.pass(type, msgId)) {
                        return;
                    }
                    o.write(head);
                    o.write(payload);
                }
            } catch (IOException e) {
                // one side went away: end both
            } finally {
                TcpProxy.closeQuietly(from);
                TcpProxy.closeQuietly(to);
            }
        }, "answer-dropping-pump-" + target);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            TcpProxy.closeQuietly(s);
        }
        open.clear();
    }
}
