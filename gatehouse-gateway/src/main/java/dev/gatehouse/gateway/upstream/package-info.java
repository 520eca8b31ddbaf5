/**
 * The gRPC side of the gateway: one grpc-java channel to the backend on the server's own event loops, method
 * descriptors carrying raw message bytes (the gateway never builds message objects for a call), and unary calls
 * whose callbacks run on the event loop of the HTTP connection that made them.
 */
package dev.gatehouse.gateway.upstream;
