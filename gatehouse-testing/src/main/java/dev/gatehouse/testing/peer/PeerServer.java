package dev.gatehouse.testing.peer;

/**
 * A running Library server of one peer, listening on 127.0.0.1. {@link #close()} stops it gracefully (GOAWAY, then
 * up to 2 s for the calls in flight) and waits for it to end.
 */
public interface PeerServer extends AutoCloseable {

  /** Which implementation serves. */
  ForeignPeer peer();

  /** The port it listens on, on 127.0.0.1. */
  int port();

  /** {@code 127.0.0.1:port}, as the peers' clients take it. */
  default String target() {
    return "127.0.0.1:" + port();
  }

  /** What the server printed so far (empty for the in-process Java server), for failure messages. */
  String output();

  @Override
  void close();
}
