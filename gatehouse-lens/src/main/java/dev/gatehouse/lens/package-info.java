/**
 * The lens: a transparent h2c proxy that decodes and explains the HTTP/2 between a gRPC client and server. {@link
 * dev.gatehouse.lens.LensConfig} holds the command line's options ({@code gatehouse lens --listen HOST:PORT
 * --upstream HOST:PORT [--descriptor-set FILE] [--format text|jsonl] [--output FILE]}) and {@link
 * dev.gatehouse.lens.Lens} runs it.
 */
package dev.gatehouse.lens;
