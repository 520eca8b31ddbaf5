/**
 * The gRPC side of the gateway: one grpc-java channel to the backend on the server's own event loops, method
 * descriptors carrying raw message bytes (the gateway never builds message objects for a call), and unary calls
 * whose callbacks run on the event loop of the HTTP connection that made them. A channel may be tapped
 * ({@link dev.gatehouse.gateway.trace.UpstreamTap}) to show its HTTP/2 frames.
 */
package dev.gatehouse.gateway.upstream;
