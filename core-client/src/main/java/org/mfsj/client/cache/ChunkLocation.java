package org.mfsj.client.cache;

import java.util.List;
import org.mfsj.common.types.ServerAddress;

/** Where chunk {@code index} of a file lives, as the master last said; chunkId 0 is a hole. */
public record ChunkLocation(long inode, int index, long fileLength, long chunkId, int version,
                            List<ServerAddress> locations) {
    public ChunkLocation {
        locations = List.copyOf(locations);
    }

    public boolean isHole() {
        return chunkId == 0;
    }
}
