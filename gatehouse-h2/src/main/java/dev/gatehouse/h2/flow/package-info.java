/**
 * Flow-control accounting (RFC 9113 §5.2, §6.9): {@link dev.gatehouse.h2.flow.FlowControlLedger} keeps the
 * connection and stream windows of both directions and reports window changes and stalls.
 */
package dev.gatehouse.h2.flow;
