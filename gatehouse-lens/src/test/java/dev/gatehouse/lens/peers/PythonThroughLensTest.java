package dev.gatehouse.lens.peers;

import dev.gatehouse.testing.peer.ForeignPeer;

/** Python's gRPC client and server through the lens. */
class PythonThroughLensTest extends PeerThroughLensTest {

  @Override
  ForeignPeer peer() {
    return ForeignPeer.PYTHON;
  }
}
