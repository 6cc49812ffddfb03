package org.mfsj.chunkserver;

import java.nio.ByteBuffer;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads chunk data for clients, other chunkservers and the scrubber, and deals with damage the
 * same way for all of them: a copy that fails its CRC check is deleted and the master is told,
 * so it re-replicates from a good copy while the reader turns to another one.
 * Call from I/O worker threads only.
 */
public final class ChunkReader {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkReader.class);

    private final ChunkStore store;
    private final MasterReports reports;

    public ChunkReader(ChunkStore store, MasterReports reports) {
        this.store = store;
        this.reports = reports;
    }

    public ChunkStore store() {
        return store;
    }

    /**
     * Reads like {@link ChunkStore#read}; {@code who} names the reader in the log line of a damaged copy.
     *
     * @throws MfsException CRC_ERROR after the damaged copy has been removed and reported, or the store's error
     */
    public int read(long id, int version, int offset, byte[] dst, int dstOffset, int length, String who)
            throws MfsException {
        return read(id, version, offset, ByteBuffer.wrap(dst, dstOffset, length), who);
    }

    /** As above, into {@code dst} from its position ({@code dst.remaining()} bytes at most). */
    public int read(long id, int version, int offset, ByteBuffer dst, String who) throws MfsException {
        try {
            return store.read(id, version, offset, dst);
        } catch (MfsException e) {
            if (e.status() == Status.CRC_ERROR) {
                dropDamaged(id, version, who, e);
            }
            throw e;
        }
    }

    /**
     * Removes a copy found damaged some other way (a write that had to read back a partly
     * overwritten block) and tells the master.
     */
    public void dropDamaged(long id, int version, String who, MfsException why) {
        try {
            store.delete(id, version);
        } catch (MfsException e) {
            if (e.status() != Status.NO_SUCH_CHUNK) {
                // replaced meanwhile (new version) or the disk went: that copy is not the damaged one
                LOG.warn("chunk {} v{} damaged (read by {}) but not removed: {}", ChunkIds.hex(id), version, who,
                        e.getMessage());
                return;
            }
            // a damaged header makes the store drop the copy itself
        }
        LOG.warn("chunk {} v{} damaged (read by {}): {}; copy removed, master told", ChunkIds.hex(id), version, who,
                why.getMessage());
        reports.chunkDamaged(id, version);
    }
}
