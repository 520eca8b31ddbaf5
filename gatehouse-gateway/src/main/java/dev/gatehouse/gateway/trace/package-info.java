/**
 * Tracing the gateway's own upstream HTTP/2 connections: {@link dev.gatehouse.gateway.trace.UpstreamTap} receives a
 * copy of every byte each connection to the backend sends and receives, so a decoder (the lens, wired by the CLI)
 * can show the frames behind a REST request. The gateway does not decode anything itself; it installs a handler at
 * the socket end of grpc-java's Netty pipeline ({@link dev.gatehouse.gateway.trace.TappedChannelFactory}) and hands
 * the bytes on.
 */
package dev.gatehouse.gateway.trace;
