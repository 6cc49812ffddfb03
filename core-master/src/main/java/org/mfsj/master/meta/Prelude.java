package org.mfsj.master.meta;

/**
 * A record a call logs ahead of its own change, as part of it (the sessions that have a file open
 * hold it before its last name goes). A call's records reach the disk one by one, and a crash can
 * keep the prelude while losing the change after it; so a prelude never stands for the call's
 * answer in the reply cache: a call retried after such a crash must run again, not be told that
 * it was done.
 */
public interface Prelude extends MetaRecord {
}
