/**
 * The gRPC binary log export of the lens ({@code gatehouse lens … --binlog FILE}): every gRPC call the lens sees
 * becomes {@code grpc.binarylog.v1.GrpcLogEntry} messages (gRFC A16), written length-delimited as grpc-java's
 * binary log sink writes them, so existing binary log readers can read what the lens saw. The mapping from frames
 * to entries is described in {@code docs/lens-format.md}, "Binary log".
 */
package dev.gatehouse.lens.binlog;
