package dev.gatehouse.testing.peer;

import java.time.Duration;
import java.util.List;

/**
 * A gRPC implementation that serves and calls {@code gatehouse.testing.v1.Library}: grpc-go, Python grpcio and
 * Node grpc-js as child processes, grpc-java in process.
 *
 * <p>The foreign peers' programs live in {@code gatehouse-testing/src/main/peers/} and are found from the repository
 * root: the system property {@code gatehouse.repo.root} when set, else the nearest folder above the working
 * directory that holds {@code mvnw}. Their runtimes come from {@code scripts/install-test-deps}; when one is missing,
 * {@link #startServer()} and {@link #runClient} throw an {@link IllegalStateException} that names it and that
 * command, so a test fails instead of skipping.
 */
public enum ForeignPeer {
  /** grpc-go, built with Debian's Go from Debian's Go sources. */
  GO("go", "grpc-go"),
  /** Python grpcio on Debian's {@code /usr/bin/python3}. */
  PYTHON("python", "Python grpcio"),
  /** Node {@code @grpc/grpc-js}, installed by {@code npm ci}. */
  NODE("node", "Node @grpc/grpc-js"),
  /** grpc-java with grpc-netty, in this JVM. */
  JAVA("java", "grpc-java");

  /** How long a client run may take before it is ended and reported as failed. */
  static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);

  private final String wireName;
  private final String implementation;

  ForeignPeer(String wireName, String implementation) {
    this.wireName = wireName;
    this.implementation = implementation;
  }

  /** The peer's name as its server tells it ({@code x-peer} header, a chat reply's {@code from}). */
  public String wireName() {
    return wireName;
  }

  /** The gRPC implementation, for messages: {@code grpc-go}, {@code Python grpcio}, ... */
  public String implementation() {
    return implementation;
  }

  /**
   * Starts this peer's Library server on a free port of 127.0.0.1 and waits until it listens.
   *
   * @throws IllegalStateException when the runtime or a package is missing, or the server did not start
   */
  public PeerServer startServer() {
    if (this == JAVA) {
      return JavaLibraryServer.start(0);
    }
    return PeerProcess.startServer(this, PeerInstallation.get().command(this, "server", List.of("--port", "0")));
  }

  /**
   * Runs one scenario of this peer's client against {@code target} ({@code 127.0.0.1:port}) and waits for it, at
   * most a minute.
   *
   * @throws IllegalStateException when the runtime or a package is missing
   */
  public ClientRun runClient(String target, Scenario scenario) {
    if (this == JAVA) {
      ScenarioReport report = JavaLibraryClient.run(target, scenario);
      return new ClientRun(this, scenario, report.ok() ? 0 : 1, report.toJson(), report, "");
    }
    List<String> arguments = List.of("--target", target, "--scenario", scenario.wireName());
    return PeerProcess.runClient(this, scenario, PeerInstallation.get().command(this, "client", arguments));
  }
}
