package org.mfsj.common.wire;

/** Marks messages that answer a request; they complete the caller's pending call by message id. */
public interface Reply extends Message {
}
