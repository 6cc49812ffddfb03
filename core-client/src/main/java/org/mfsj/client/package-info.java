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
 * <p><b>Durability.</b> {@code write} returns once the data is buffered; {@code flush}, {@code fsync}
 * and {@code close} return once every server of the chain has it (flushed) and the master has
 * recorded the new length. Errors of background writes surface on the next write, flush or close.
 *
 * <p><b>Master outages.</b> Calls ride over a lost master connection (reconnect in the background,
 * same session) until {@link ClientConfig#masterGoneTimeout()}, then fail with ETIMEDOUT. Such a
 * retry may apply a non-idempotent request twice until the master keeps request ids.
 *
 * <p>{@link org.mfsj.client.memory.InMemoryMfsClient} implements the same interface in memory for
 * the doors' unit tests.
 */
package org.mfsj.client;
