package org.mfsj.client.io;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.client.master.MasterCalls;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.NewChunkReply;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.WriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;

/**
 * The master calls of one scratch file's writer that need no round trip of their own: the open
 * of chunk 0 that came with the file's create ({@code ScratchCreateWrite}), and the OK ends of
 * its write sessions, kept until the publish carries them ({@code PublishWritten}). A kept end is
 * sent before the writer's next chunk open or failed end, so the master sees a file's chunk calls
 * in the order they were made; a file discarded instead of published leaves its kept ends unsent
 * (its chunks go with it). Everything else goes to the master.
 *
 * <p>Called by the file's writer threads and by the publishing thread, hence the monitor.
 */
final class ScratchChunkCalls implements MasterCalls.LocalAnswers {
    private final MasterCalls master;
    private final Attr created;
    private WriteChunkReply firstChunk;
    private final List<WriteChunkEnd> kept = new ArrayList<>();
    private long length;

    /** @param firstChunk the chain chunk 0 is to be created on, or null to ask when writing */
    ScratchChunkCalls(MasterCalls master, Attr created, WriteChunkReply firstChunk) {
        this.master = master;
        this.created = created;
        this.firstChunk = firstChunk;
        this.length = created.length();
    }

    @Override
    public synchronized Reply answer(Message m) throws MfsException {
        if (m instanceof WriteChunkEnd e && e.writeStatus().isOk()) {
            kept.add(e);
            length = Math.max(length, e.newLength());
            // only the length is read from it: the master's attributes come with the publish
            return new AttrReply(e.msgId(), Status.OK, created.withLength(length));
        }
        if (m instanceof WriteChunk || m instanceof WriteChunkEnd) {
            sendKept();
        }
        if (m instanceof WriteChunk w && w.index() == 0 && firstChunk != null) {
            WriteChunkReply granted = firstChunk;
            firstChunk = null;
            return new NewChunkReply(granted);
        }
        return null;
    }

    /** The kept ends, handed to the publish that will carry them; none are kept afterwards. */
    synchronized List<WriteChunkEnd> takeKept() {
        List<WriteChunkEnd> out = List.copyOf(kept);
        kept.clear();
        return out;
    }

    private void sendKept() throws MfsException {
        while (!kept.isEmpty()) {
            WriteChunkEnd e = kept.get(0);
            master.attr(id -> new WriteChunkEnd(id, e.inode(), e.index(), e.chunkId(), e.newLength(), Status.OK),
                    "record write of chunk " + e.index() + " of inode " + e.inode());
            kept.remove(0);
        }
    }
}
