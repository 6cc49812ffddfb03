/**
 * When written chunks reach the disk: {@link org.mfsj.chunkserver.force.ChunkForcer} keeps the
 * chunks whose write sessions ended unforced and forces each on a client's request (ChunkSync,
 * what fsync sends) or CHUNK_FSYNC_DELAY_MS later, whichever comes first.
 */
package org.mfsj.chunkserver.force;
