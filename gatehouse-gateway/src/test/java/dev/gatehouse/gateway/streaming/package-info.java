/** Streaming through the gateway: server, client and bidi streams over HTTP/1.1, HTTP/2 and WebSocket. */
package dev.gatehouse.gateway.streaming;
