package dev.gatehouse.gateway.trace;

import io.netty.buffer.ByteBuf;

/**
 * The bytes of one upstream connection, in the order they crossed the socket. Called on the connection's event
 * loop; an exception thrown here switches the tap off for this connection and never reaches grpc-java.
 */
public interface TapConnection {

  /**
   * A chunk {@code sender} sent: what the gateway wrote (at write time, in write order) or what it read from the
   * backend (before grpc-java reads it). Read the readable bytes without moving the indices; do not retain or release
   * the buffer, which is only valid during the call.
   */
  void onBytes(Sender sender, ByteBuf chunk);

  /** {@code sender} closed the connection. */
  void onClose(Sender sender);

  /** Called about once a second while the connection is open, for timers (an unanswered PING). */
  default void onTick() {}

  /** The connection is gone; nothing follows. */
  void onEnd();
}
