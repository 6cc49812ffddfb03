package org.mfsj.fuse.context;

/** The caller of the request being served on this thread. */
@FunctionalInterface
public interface CallerSource {
    Caller current();
}
