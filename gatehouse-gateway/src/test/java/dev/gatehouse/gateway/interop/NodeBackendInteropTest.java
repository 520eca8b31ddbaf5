package dev.gatehouse.gateway.interop;

import dev.gatehouse.testing.peer.ForeignPeer;

/** The gateway in front of a Node @grpc/grpc-js (npm), as a child process. */
class NodeBackendInteropTest extends GatewayInteropContract {
  @Override
  ForeignPeer peer() {
    return ForeignPeer.NODE;
  }
}
