package org.mfsj.common.wire.client2master;

/**
 * What makes a directory a scratch directory: this extended attribute on it. Linux lets only a
 * privileged process set {@code trusted.*} attributes, and the master lets only root; a gateway
 * marks its private temp directory with it, and the scratch calls are answered early only for
 * files whose one name is in such a directory.
 */
public final class Scratch {
    public static final String XATTR = "trusted.mfsj.scratch";

    private Scratch() {
    }
}
