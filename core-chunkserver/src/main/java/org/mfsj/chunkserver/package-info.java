/**
 * The chunkserver process: its chunk store ({@code .store}) put on the network.
 *
 * <p>Wiring: {@link org.mfsj.chunkserver.ChunkserverMain} reads {@code mfschunkserver.cfg} into a
 * {@link org.mfsj.chunkserver.ChunkserverConfig} and starts a
 * {@link org.mfsj.chunkserver.ChunkserverServer}, which builds the parts and passes each only the
 * collaborators it uses:
 * <ul>
 *   <li>{@code .master}: the link to the master (registration, heartbeat, reports, reconnection)
 *       and the execution of its orders;</li>
 *   <li>{@code .net}: the data port (reads, chained writes, reads for replication);</li>
 *   <li>{@code .replication}: copying a chunk from another chunkserver;</li>
 *   <li>{@code .scrub}: the background CRC check;</li>
 *   <li>{@code .force}: when written chunks are forced to disk (a client's fsync, or
 *       CHUNK_FSYNC_DELAY_MS after their write session ended).</li>
 * </ul>
 *
 * <p>Threads: Netty event loops only decode, dispatch and send; every store call runs on the
 * WORKERS pool (a write session's calls through a {@link org.mfsj.chunkserver.SerialExecutor}, to
 * keep their order); everything sent to the master goes through the master link's own timer
 * thread; the scrubber and the background force pass have a thread each. Damage found by any read
 * is handled in one place, {@link org.mfsj.chunkserver.ChunkReader}: the copy is deleted and the
 * master told.
 */
package org.mfsj.chunkserver;
