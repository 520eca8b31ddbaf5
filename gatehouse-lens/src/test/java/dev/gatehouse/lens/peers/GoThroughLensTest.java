package dev.gatehouse.lens.peers;

import dev.gatehouse.testing.peer.ForeignPeer;

/** grpc-go's client and server through the lens. */
class GoThroughLensTest extends PeerThroughLensTest {

  @Override
  ForeignPeer peer() {
    return ForeignPeer.GO;
  }
}
