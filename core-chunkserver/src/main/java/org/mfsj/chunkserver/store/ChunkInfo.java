package org.mfsj.chunkserver.store;

/** What the store knows about one chunk without opening it: its identity and data length. */
public record ChunkInfo(long id, int version, long length) {
}
