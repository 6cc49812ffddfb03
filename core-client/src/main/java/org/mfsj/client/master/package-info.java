/**
 * The master session: one multiplexed connection with keep-alive pings and background reconnect
 * ({@link org.mfsj.client.master.MasterLink}), and typed request helpers that read replies in one
 * place ({@link org.mfsj.client.master.MasterCalls}).
 */
package org.mfsj.client.master;
