package dev.gatehouse.gateway.interop;

import dev.gatehouse.testing.peer.ForeignPeer;

/** The gateway in front of a Python grpcio (Debian python3-grpcio), as a child process. */
class PythonBackendInteropTest extends GatewayInteropContract {
  @Override
  ForeignPeer peer() {
    return ForeignPeer.PYTHON;
  }
}
