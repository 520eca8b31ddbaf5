/**
 * What the outputs show of a call beyond the frames: gRPC messages as JSON, decoded with the descriptor set's request
 * or response type (decompressed first when {@code grpc-encoding: gzip}), {@code grpc-status-details-bin} as a
 * {@code google.rpc.Status} with its details, both through core's {@link dev.gatehouse.core.json.ProtoJson}; and
 * header values with their secrets hidden ({@link dev.gatehouse.lens.render.Redaction}).
 */
package dev.gatehouse.lens.render;
