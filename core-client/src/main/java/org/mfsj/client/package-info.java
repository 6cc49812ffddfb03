/**
 * The client library: the one seam every door (FUSE, NFS, S3, the {@code mfs} CLI) uses to reach
 * the cluster. Start with {@link org.mfsj.client.MfsClient#connect(ClientConfig)}.
 *
 * <p><b>Shape.</b> Inode-based, blocking, thread-safe calls; failures are
 * {@link org.mfsj.common.status.MfsException} with one {@link org.mfsj.common.status.Status}, which
 * each door maps to its own error space in one place. Nothing protocol-specific crosses the API.
 *
 * <p><b>Consistency within one client.</b> All handles of an inode share one write-back buffer, so
 * a read through any handle sees every write made through any handle, flushed or not, and
 * {@code getattr}, {@code lookup} and {@code readdir} report lengths that include unflushed
 * writes. A length change (truncate) first flushes the inode's buffered writes. Between clients,
 * data written and flushed by one is visible to another's next read of that chunk once its cached
 * chunk location expires (a few seconds) or at once if it had none.
 *
 * <p><b>Durability.</b> Data is durable when the writer asks for it, as on a local file system.
 * {@code write} returns once the data is buffered; {@code flush} and {@code close} return once every
 * server of the chain has it (in its page cache) and the master has recorded the new length: other
 * clients see it and no client crash loses it, but the chunkservers have not forced it to disk yet.
 * {@code fsync} returns only once every copy of every chunk this client wrote to the inode since
 * its last fsync is forced to disk (data and chunk header); a copy that cannot be forced fails it
 * with EIO, once. Without fsync, each chunkserver forces what it received within its
 * {@code CHUNK_FSYNC_DELAY_MS} (a few seconds; 0 = at the end of every write session). Metadata
 * (create, rename, the recorded length) is durable at the master when its call returns. Errors of
 * background writes surface on the next write, flush, fsync or close.
 *
 * <p><b>Master outages.</b> Calls ride over a lost master connection (reconnect in the background,
 * same session) until {@link ClientConfig#masterGoneTimeout()}, then fail with ETIMEDOUT. Such a
 * retry may apply a non-idempotent request twice until the master keeps request ids.
 *
 * <p>{@link org.mfsj.client.memory.InMemoryMfsClient} implements the same interface in memory for
 * the doors' unit tests.
 */
package org.mfsj.client;
