package dev.gatehouse.h2.event;

/** How a call ended. */
public enum CallEnding {
  /** The server sent trailers (or a trailers-only response) ending the stream. */
  TRAILERS,
  /** The server ended the stream with DATA END_STREAM, or with HEADERS lacking {@code grpc-status}. */
  END_STREAM_WITHOUT_STATUS,
  /** A side reset the stream before trailers. */
  RST_STREAM,
  /** A GOAWAY's last stream id showed the server never processed the stream. */
  GOAWAY,
  /** The connection closed (or the capture ended) with the call still open. */
  CONNECTION_CLOSED
}
