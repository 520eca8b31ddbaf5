package dev.gatehouse.h2.event;

import dev.gatehouse.h2.grpc.Metadata;
import java.time.Duration;
import java.util.List;

/**
 * A request's HEADERS opened a call (every client-initiated stream is a call; {@link #grpc()} tells whether it
 * claims to be gRPC).
 *
 * @param timeNanos when the headers' last frame arrived
 * @param streamId the stream
 * @param frameSeq the frame that ended the header block
 * @param method {@code :path}, e.g. {@code /pkg.Service/Method}, or {@code null}
 * @param httpMethod {@code :method}, or {@code null}
 * @param authority {@code :authority}, or {@code null}
 * @param scheme {@code :scheme}, or {@code null}
 * @param contentType {@code content-type}, or {@code null}
 * @param te {@code te}, or {@code null} (gRPC requires {@code trailers})
 * @param userAgent {@code user-agent}, or {@code null}
 * @param timeout {@code grpc-timeout} parsed, or {@code null} when absent or malformed
 * @param rawTimeout {@code grpc-timeout} as sent, or {@code null}
 * @param deadlineNanos the absolute deadline on the caller's clock ({@code timeNanos + timeout}), or -1
 * @param grpcEncoding {@code grpc-encoding}, or {@code null}
 * @param grpcAcceptEncoding {@code grpc-accept-encoding}, or {@code null}
 * @param metadata the custom metadata in order
 * @param endStream whether the HEADERS ended the client's side (no request body)
 */
public record CallStartEvent(long timeNanos, int streamId, long frameSeq, String method, String httpMethod,
    String authority, String scheme, String contentType, String te, String userAgent, Duration timeout,
    String rawTimeout, long deadlineNanos, String grpcEncoding, String grpcAcceptEncoding, List<Metadata> metadata,
    boolean endStream) implements Event {

  public CallStartEvent {
    metadata = List.copyOf(metadata);
  }

  /** Whether the content-type is {@code application/grpc} or {@code application/grpc+…}/{@code ;…}. */
  public boolean grpc() {
    return contentType != null && contentType.startsWith("application/grpc");
  }
}
