/**
 * Real gRPC peers for interoperability tests: the {@code gatehouse.testing.v1.Library} service served and called
 * by grpc-java (in process), grpc-go, Python grpcio and Node grpc-js (child processes), all with the same behaviour
 * and the same client scenarios.
 *
 * <p>{@link dev.gatehouse.testing.peer.ForeignPeer} is the entry point: {@code startServer()} gives a
 * {@link dev.gatehouse.testing.peer.PeerServer} on 127.0.0.1, {@code runClient(target, scenario)} gives a
 * {@link dev.gatehouse.testing.peer.ClientRun}. A peer whose runtime or packages are missing fails with the command
 * that installs them ({@code scripts/install-test-deps}); tests never skip. The behaviour, the scenarios and how to
 * run the peers by hand are in {@code docs/testing.md}.
 */
package dev.gatehouse.testing.peer;
