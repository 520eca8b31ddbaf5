/**
 * The gRPC layer over HTTP/2 (gRPC's PROTOCOL-HTTP2.md): calls assembled per stream from request headers,
 * length-prefixed messages reassembled across DATA frames, response headers and trailers; {@link
 * dev.gatehouse.h2.grpc.GrpcStatus} names and the gRPC status a client derives from an RST_STREAM code, {@link
 * dev.gatehouse.h2.grpc.GrpcTimeout} and {@link dev.gatehouse.h2.grpc.Metadata} value types.
 */
package dev.gatehouse.h2.grpc;
