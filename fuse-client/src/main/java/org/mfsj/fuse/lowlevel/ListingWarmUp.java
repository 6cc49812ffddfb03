package org.mfsj.fuse.lowlevel;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.NameList;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;
import org.mfsj.common.wire.client2master.ReadDirNamesReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a mount's listing path once at start, on made-up names and off the request path: the
 * master's page decoded and checked as the reply reader does, then packed into dirents as a
 * readdir answer is. The first listing of a fresh mount cost 3-5 times a warm one (its READDIR
 * worker 10.4-10.9 ms of CPU against 1.0-1.6, session 11): its classes read out of the jar, then
 * the fill interpreted. After this they are loaded and the fill is compiled (the mount compiles
 * early), and a class data sharing archive recorded by this mount holds them. Nothing reaches the
 * master or the kernel.
 */
public final class ListingWarmUp {
    /** Enough names that the fill's per-entry methods are compiled by the end. */
    static final int NAMES = 3_000;
    private static final Logger LOG = LoggerFactory.getLogger(ListingWarmUp.class);

    private ListingWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of its own, at the lowest priority. */
    public static void inBackground() {
        Thread t = new Thread(ListingWarmUp::runLogged, "listing-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void runLogged() {
        try {
            long t0 = System.nanoTime();
            int bytes = run();
            LOG.debug("listing path warmed: {} names, {} bytes of dirents, {} us", NAMES, bytes,
                    (System.nanoTime() - t0) / 1_000);
        } catch (RuntimeException e) {
            LOG.warn("listing warm-up failed (listings are not affected): {}", e.toString());
        }
    }

    /** One made-up listing, decoded and filled; the dirent bytes it packed. */
    static int run() {
        NameList.Builder b = new NameList.Builder(NAMES);
        for (int i = 0; i < NAMES; i++) {
            b.add("f" + i, i + 2L, FileType.FILE, i + 1L);
        }
        ReadDirNamesReply sent = new ReadDirNamesReply(1, Status.OK, b.build(), true);
        ByteBuf wire = Unpooled.buffer(sent.sizeHint());
        try {
            sent.encodeBody(new WireWriter(wire));
            NameList page = ReadDirNamesReply.decode(1, new WireReader(wire)).names();
            DirBuffer out = new DirBuffer(new byte[page.bytes().length * 2], Long.MAX_VALUE);
            for (int i = 0; i < page.size(); i++) {
                if (!out.add(page, i, page.cookie(i) + 2)) {
                    break;
                }
            }
            return out.used();
        } finally {
            wire.release();
        }
    }
}
