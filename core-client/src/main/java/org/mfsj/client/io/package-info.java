/**
 * Chunk I/O: reads from any copy with failover ({@link org.mfsj.client.io.ChunkReader}), read-ahead
 * per handle, and the write-back path: a per-file buffer of extents, a writer that streams them
 * through one chunk write session at a time with a bounded window, and redoes a session on a new
 * chain when one breaks. {@link org.mfsj.client.io.OpenFiles} ties the handles of one inode together.
 */
package org.mfsj.client.io;
