/** Client-side caches: chunk locations per (inode, chunk index) with a short time-to-live. */
package org.mfsj.client.cache;
