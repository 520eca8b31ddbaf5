/**
 * The byte-level parts of streaming, free of sockets and threads: splitting a request body into the JSON values
 * it carries as its chunks arrive, and framing response messages as newline-delimited JSON, Server-Sent Events or
 * one JSON array. The rules are listed in {@code docs/mapping.md}, section "Streaming".
 */
package dev.gatehouse.gateway.stream;
