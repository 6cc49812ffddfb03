/**
 * An in-memory {@link org.mfsj.client.MfsClient} for unit tests of the doors: POSIX namespace rules,
 * no cluster, no permission checks. (In the main jar because a test-jar needs a pom change.)
 */
package org.mfsj.client.memory;
