package dev.gatehouse.lens.peers;

import dev.gatehouse.testing.peer.ForeignPeer;

/** Java's gRPC client and server through the lens. */
class JavaThroughLensTest extends PeerThroughLensTest {

  @Override
  ForeignPeer peer() {
    return ForeignPeer.JAVA;
  }
}
