package org.mfsj.master.meta;

/**
 * One change of the master's durable state: a namespace mutation or a chunk-level fact (a chunk
 * id handed out, a version issued). Every record is an immutable value with all decided numbers in
 * it, so applying it again (replay, a follower, an image rebuild) gives the same state.
 */
public interface MetaRecord {
}
