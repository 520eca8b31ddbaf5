package dev.gatehouse.h2.event;

import dev.gatehouse.h2.grpc.GrpcStatus;
import dev.gatehouse.h2.grpc.Metadata;
import java.util.List;

/**
 * A call's trailers: the server's HEADERS with END_STREAM, either after response headers or alone (a trailers-only
 * response, {@link #trailersOnly()}, which then also carries {@code :status} and {@code content-type}).
 *
 * @param timeNanos when the trailers' last frame arrived
 * @param streamId the stream
 * @param frameSeq the frame that ended the header block
 * @param method the call's {@code :path}, or {@code null}
 * @param trailersOnly whether no response headers came before
 * @param httpStatus {@code :status} for a trailers-only response, else -1
 * @param contentType {@code content-type} for a trailers-only response, else {@code null}
 * @param status {@code grpc-status}, or {@code null} when absent or not a number
 * @param message {@code grpc-message} percent-decoded as UTF-8, or {@code null}
 * @param statusDetails {@code grpc-status-details-bin} decoded from base64 or C-core's "true binary" (a serialized
 *     {@code google.rpc.Status}), or {@code null}
 * @param metadata the custom metadata in order
 */
public record TrailersEvent(long timeNanos, int streamId, long frameSeq, String method, boolean trailersOnly,
    int httpStatus, String contentType, GrpcStatus status, String message, byte[] statusDetails,
    List<Metadata> metadata) implements Event {

  public TrailersEvent {
    statusDetails = statusDetails == null ? null : statusDetails.clone();
    metadata = List.copyOf(metadata);
  }

  @Override
  public byte[] statusDetails() {
    return statusDetails == null ? null : statusDetails.clone();
  }
}
