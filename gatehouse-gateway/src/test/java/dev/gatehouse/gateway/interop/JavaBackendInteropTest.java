package dev.gatehouse.gateway.interop;

import dev.gatehouse.testing.peer.ForeignPeer;

/** The gateway in front of a grpc-java with grpc-netty, in the test's JVM. */
class JavaBackendInteropTest extends GatewayInteropContract {
  @Override
  ForeignPeer peer() {
    return ForeignPeer.JAVA;
  }
}
