/**
 * HTTP headers to gRPC metadata and back: which request headers reach the backend and under what key, and how the
 * backend's header and trailer metadata reach the HTTP client. The rules are grpc-gateway's, listed in
 * {@code docs/mapping.md}.
 */
package dev.gatehouse.gateway.metadata;
