package dev.gatehouse.gateway.streaming;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.JsonOptions;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.server.AccessLogEntry;
import dev.gatehouse.gateway.server.GatewayListener;
import dev.gatehouse.gateway.server.GatewayServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;

/** A gateway on loopback in front of a backend port, with HTTP clients for both protocol versions. */
final class StreamingGateway implements AutoCloseable {
  static final ServiceCatalog CATALOG = loadCatalog();

  final BlockingQueue<AccessLogEntry> accessLog = new LinkedBlockingQueue<>();
  final GatewayServer server;
  final HttpClient http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  /** Java's client speaks h2c only via Upgrade, on its first request to a server. */
  final HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
      .connectTimeout(Duration.ofSeconds(5)).build();

  StreamingGateway(int upstreamPort) {
    this(upstreamPort, UnaryOperator.identity());
  }

  StreamingGateway(int upstreamPort, UnaryOperator<GatewayConfig.Builder> configure) {
    GatewayConfig.Builder config = GatewayConfig.builder()
        .upstream(new HostPort("127.0.0.1", upstreamPort))
        .catalog(CATALOG)
        .listen(new HostPort("127.0.0.1", 0))
        .json(JsonOptions.DEFAULT.withEmitUnpopulated(false))
        .ioThreads(2);
    server = new GatewayServer(configure.apply(config).build(), new GatewayListener() {
      @Override
      public void requestCompleted(AccessLogEntry entry) {
        accessLog.add(entry);
      }
    });
    server.start();
  }

  int port() {
    return server.port();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  @Override
  public void close() {
    server.close();
  }

  private static ServiceCatalog loadCatalog() {
    try (InputStream in = StreamingGateway.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
