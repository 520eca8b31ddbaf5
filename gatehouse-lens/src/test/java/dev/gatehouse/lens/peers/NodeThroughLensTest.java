package dev.gatehouse.lens.peers;

import dev.gatehouse.testing.peer.ForeignPeer;

/** Node's gRPC client and server through the lens. */
class NodeThroughLensTest extends PeerThroughLensTest {

  @Override
  ForeignPeer peer() {
    return ForeignPeer.NODE;
  }
}
