package org.mfsj.client;

/**
 * The master's reply counters since it started serving: replies it held until every change before
 * them was durable, and scratch-call replies it sent as soon as their change was applied.
 */
public record MasterReplyCounts(long durable, long applied) {
}
