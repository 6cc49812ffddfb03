package org.mfsj.chunkserver.store;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * The chunk file cannot be trusted as a whole (bad header, header disagreeing with the name,
 * impossible size). Callers see CRC_ERROR; the store additionally drops the chunk from its index,
 * unlike a single bad block, which only fails the read and leaves the decision to the master.
 */
final class DamagedChunkException extends MfsException {
    DamagedChunkException(String detail) {
        super(Status.CRC_ERROR, detail);
    }
}
