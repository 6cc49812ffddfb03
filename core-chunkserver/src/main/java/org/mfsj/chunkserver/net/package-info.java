/**
 * The data port: {@link org.mfsj.chunkserver.net.DataServer} (bootstrap),
 * {@link org.mfsj.chunkserver.net.DataHandler} (one per connection, dispatch), and one class per
 * operation: {@link org.mfsj.chunkserver.net.ReadBlocksOp}, {@link org.mfsj.chunkserver.net.ReplicaReadOp},
 * {@link org.mfsj.chunkserver.net.ChunkSyncOp} (a client's fsync) and
 * {@link org.mfsj.chunkserver.net.WriteSession} for WriteInit / WriteData / WriteEnd. ForceStats is
 * answered by the handler from the forcer's counters.
 *
 * <p>A chained write: the client opens a session on the chain's head with the rest of the chain;
 * each server checks its copy, opens the same session on the next one through a
 * {@link org.mfsj.chunkserver.net.Downstream} and answers when everything below it has answered.
 * Data flows down, acknowledgements flow up, and an OK always speaks for the whole chain below.
 */
package org.mfsj.chunkserver.net;
