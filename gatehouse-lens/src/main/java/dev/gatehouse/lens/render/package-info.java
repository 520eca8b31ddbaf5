/**
 * gRPC payloads as JSON for the outputs: messages decoded with the descriptor set's request or response type
 * (decompressed first when {@code grpc-encoding: gzip}), and {@code grpc-status-details-bin} as a
 * {@code google.rpc.Status} with its details, both through core's {@link dev.gatehouse.core.json.ProtoJson}.
 */
package dev.gatehouse.lens.render;
