package org.mfsj.common.types;

/** A chunk as one server holds it. */
public record ChunkCopy(long chunkId, int version) {
}
