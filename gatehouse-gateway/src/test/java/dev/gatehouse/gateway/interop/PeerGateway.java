package dev.gatehouse.gateway.interop;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.JsonOptions;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.server.GatewayListener;
import dev.gatehouse.gateway.server.GatewayServer;
import dev.gatehouse.testing.peer.ForeignPeer;
import dev.gatehouse.testing.peer.PeerServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One peer's Library server with a gateway in front of it, both on loopback, and an HTTP/1.1 client for the gateway.
 * Starting fails, never skips, when the peer's runtime is missing.
 */
final class PeerGateway implements AutoCloseable {
  private static final String DESCRIPTOR_SET = "/gatehouse/testing/v1/testing.desc";

  private final PeerServer backend;
  private final GatewayServer gateway;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private PeerGateway(PeerServer backend, GatewayServer gateway) {
    this.backend = backend;
    this.gateway = gateway;
  }

  /**
   * Starts {@code peer}'s server, then a gateway in front of it. Unpopulated fields are not printed, so that a message
   * sent as JSON comes back as the same text.
   */
  static PeerGateway start(ForeignPeer peer) {
    PeerServer backend = peer.startServer();
    try {
      GatewayConfig config = GatewayConfig.builder()
          .upstream(new HostPort("127.0.0.1", backend.port()))
          .catalog(loadCatalog())
          .listen(new HostPort("127.0.0.1", 0))
          .json(JsonOptions.DEFAULT.withEmitUnpopulated(false))
          .ioThreads(2)
          .build();
      GatewayServer gateway = new GatewayServer(config, GatewayListener.NONE);
      gateway.start();
      return new PeerGateway(backend, gateway);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  /** A request to the gateway for {@code pathAndQuery}, as sent on the wire. */
  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(10));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(request(pathAndQuery));
  }

  HttpResponse<String> postJson(String pathAndQuery, String json) throws IOException, InterruptedException {
    return send(request(pathAndQuery).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** What the backend printed, for failure messages. */
  String backendOutput() {
    return backend.output();
  }

  @Override
  public void close() {
    try {
      gateway.close();
    } finally {
      backend.close();
    }
  }

  private static ServiceCatalog loadCatalog() {
    try (InputStream in = PeerGateway.class.getResourceAsStream(DESCRIPTOR_SET)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DESCRIPTOR_SET + " not on the classpath");
      }
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
