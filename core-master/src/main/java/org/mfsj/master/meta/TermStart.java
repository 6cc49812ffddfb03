package org.mfsj.master.meta;

/**
 * The first entry a leader writes in its term (master HA): every entry after it, up to the next
 * one, belongs to {@code term}. It changes no metadata; it lets the log carry terms without a
 * change of frame format, and a new leader commits the entries of earlier terms by committing it.
 */
public record TermStart(long term) implements MetaRecord {
}
