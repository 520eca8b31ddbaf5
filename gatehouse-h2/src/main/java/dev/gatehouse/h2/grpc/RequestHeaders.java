package dev.gatehouse.h2.grpc;

import dev.gatehouse.h2.hpack.HeaderBlock;
import dev.gatehouse.h2.hpack.HeaderField;
import java.time.Duration;
import java.util.List;

/**
 * What a request header block says about a call, read in one pass over its fields (the first of each name counts).
 * Immutable, so the reading of a block that repeats (the decoder hands out the same {@link HeaderBlock} instance) is
 * kept and reused.
 */
record RequestHeaders(String path, String httpMethod, String authority, String scheme, String contentType, String te,
    String userAgent, String rawTimeout, Duration timeout, String grpcEncoding, String grpcAcceptEncoding,
    List<Metadata> metadata) {

  static RequestHeaders read(HeaderBlock block) {
    String path = null;
    String httpMethod = null;
    String authority = null;
    String scheme = null;
    String contentType = null;
    String te = null;
    String userAgent = null;
    String rawTimeout = null;
    String encoding = null;
    String acceptEncoding = null;
    List<Metadata> metadata = null;
    for (HeaderField field : block.fields()) {
      String value = field.value();
      switch (field.name()) {
        case ":path": path = path == null ? value : path; break;
        case ":method": httpMethod = httpMethod == null ? value : httpMethod; break;
        case ":authority": authority = authority == null ? value : authority; break;
        case ":scheme": scheme = scheme == null ? value : scheme; break;
        case "content-type": contentType = contentType == null ? value : contentType; break;
        case "te": te = te == null ? value : te; break;
        case "user-agent": userAgent = userAgent == null ? value : userAgent; break;
        case "grpc-timeout": rawTimeout = rawTimeout == null ? value : rawTimeout; break;
        case "grpc-encoding": encoding = encoding == null ? value : encoding; break;
        case "grpc-accept-encoding": acceptEncoding = acceptEncoding == null ? value : acceptEncoding; break;
        default: metadata = GrpcHeaders.addIfMetadata(metadata, field); break;
      }
    }
    return new RequestHeaders(path, httpMethod, authority, scheme, contentType, te, userAgent, rawTimeout,
        GrpcTimeout.parse(rawTimeout), encoding, acceptEncoding, GrpcHeaders.immutable(metadata));
  }
}
