package org.mfsj.master.meta;

/**
 * A client session was given its id (the entry's session). Logged, and durable before the client
 * hears the id, so that no later life of any master gives the same id to another client: new ids
 * start above the highest the log knows, and two clients sharing one would share locks and cached
 * replies. Resumed sessions are not logged again.
 */
public record SessionOpened() implements MetaRecord {
}
