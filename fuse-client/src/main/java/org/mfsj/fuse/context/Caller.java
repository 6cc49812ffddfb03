package org.mfsj.fuse.context;

import org.mfsj.common.types.Creds;

/** Who made the current FUSE request: credentials (with supplementary groups) and thread id. */
public record Caller(Creds creds, int pid) {
    public static final Caller ROOT = new Caller(Creds.ROOT, 0);
}
