/**
 * gRPC status codes, their HTTP statuses, and the {@code google.rpc.Status} JSON error body: the one place where an
 * error inside the gateway becomes what a client sees.
 */
package dev.gatehouse.core.status;
