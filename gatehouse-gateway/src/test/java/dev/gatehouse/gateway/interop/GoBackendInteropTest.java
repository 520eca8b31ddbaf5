package dev.gatehouse.gateway.interop;

import dev.gatehouse.testing.peer.ForeignPeer;

/** The gateway in front of a grpc-go (Debian golang-google-grpc-dev), as a child process. */
class GoBackendInteropTest extends GatewayInteropContract {
  @Override
  ForeignPeer peer() {
    return ForeignPeer.GO;
  }
}
