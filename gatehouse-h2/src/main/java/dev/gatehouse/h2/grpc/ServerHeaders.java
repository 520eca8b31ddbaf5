package dev.gatehouse.h2.grpc;

import dev.gatehouse.h2.hpack.HeaderBlock;
import dev.gatehouse.h2.hpack.HeaderField;
import java.util.List;

/**
 * What a server header block (response headers or trailers) says, read in one pass over its fields (the first of
 * each name counts). Immutable, so the reading of a block that repeats is kept and reused; {@code statusDetails} is
 * never handed out without a copy (the events copy it).
 */
record ServerHeaders(int httpStatus, String contentType, String grpcEncoding, String grpcAcceptEncoding,
    GrpcStatus status, String message, byte[] statusDetails, List<Metadata> metadata) {

  static ServerHeaders read(HeaderBlock block) {
    String status = null;
    String contentType = null;
    String encoding = null;
    String acceptEncoding = null;
    String grpcStatus = null;
    String message = null;
    String details = null;
    List<Metadata> metadata = null;
    for (HeaderField field : block.fields()) {
      String value = field.value();
      switch (field.name()) {
        case ":status": status = status == null ? value : status; break;
        case "content-type": contentType = contentType == null ? value : contentType; break;
        case "grpc-encoding": encoding = encoding == null ? value : encoding; break;
        case "grpc-accept-encoding": acceptEncoding = acceptEncoding == null ? value : acceptEncoding; break;
        case "grpc-status": grpcStatus = grpcStatus == null ? value : grpcStatus; break;
        case "grpc-message": message = message == null ? value : message; break;
        case "grpc-status-details-bin": details = details == null ? value : details; break;
        default: metadata = GrpcHeaders.addIfMetadata(metadata, field); break;
      }
    }
    return new ServerHeaders(GrpcHeaders.httpStatus(status), contentType, encoding, acceptEncoding,
        GrpcStatus.parse(grpcStatus), GrpcHeaders.percentDecode(message), GrpcHeaders.binaryValue(details),
        GrpcHeaders.immutable(metadata));
  }
}
