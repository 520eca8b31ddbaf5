package dev.gatehouse.h2.event;

/** What cut a gRPC message off before all its bytes arrived. */
public enum MessageCut {
  /** The sender ended the stream (END_STREAM) mid-message. */
  END_STREAM,
  /** A side reset the stream. */
  RST_STREAM,
  /** The connection closed, or the capture ended. */
  CONNECTION_CLOSED
}
