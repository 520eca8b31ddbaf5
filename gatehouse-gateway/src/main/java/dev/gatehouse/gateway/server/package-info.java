/**
 * The gateway's HTTP/1.1 server: {@link dev.gatehouse.gateway.server.GatewayServer} and the Netty handlers behind
 * it, which route each request, bind it into a gRPC request, call the backend and write the answer, in request order
 * on keep-alive and pipelined connections. The threading rules are in {@code docs/concurrency.md}.
 */
package dev.gatehouse.gateway.server;
