package dev.gatehouse.h2.event;

import dev.gatehouse.h2.grpc.Metadata;
import java.util.List;

/**
 * A call's response headers (the server's first HEADERS without END_STREAM). A trailers-only response produces a
 * {@link TrailersEvent} with {@code trailersOnly} set instead.
 *
 * @param timeNanos when the headers' last frame arrived
 * @param streamId the stream
 * @param frameSeq the frame that ended the header block
 * @param method the call's {@code :path}, or {@code null}
 * @param httpStatus {@code :status}, or -1 when absent or not a number
 * @param contentType {@code content-type}, or {@code null}
 * @param grpcEncoding {@code grpc-encoding}, or {@code null}
 * @param grpcAcceptEncoding {@code grpc-accept-encoding}, or {@code null}
 * @param metadata the custom metadata in order
 */
public record ResponseHeadersEvent(long timeNanos, int streamId, long frameSeq, String method, int httpStatus,
    String contentType, String grpcEncoding, String grpcAcceptEncoding, List<Metadata> metadata) implements Event {

  public ResponseHeadersEvent {
    metadata = List.copyOf(metadata);
  }
}
