/**
 * MooseFS-style configuration files: {@code KEY = VALUE} lines, full-line {@code #} comments.
 *
 * <p>Every key is declared once as a typed {@link org.mfsj.common.config.ConfigKey} with a default
 * and a description, and the keys of one file form a {@link org.mfsj.common.config.ConfigSchema}.
 * {@link org.mfsj.common.config.ConfigLoader} turns a file into an immutable
 * {@link org.mfsj.common.config.Config}; a missing file yields all defaults, so a cluster runs
 * with no files at all. Any mistake in a file is a {@link org.mfsj.common.config.ConfigException}
 * naming the file, line and key, because a silently ignored typo is worse than a refused start.
 * {@link org.mfsj.common.config.HddConfig} reads the chunkserver's list of disks, which is not
 * {@code KEY = VALUE}, and {@link org.mfsj.common.config.ConfigDoc} prints an annotated sample file.
 */
package org.mfsj.common.config;
