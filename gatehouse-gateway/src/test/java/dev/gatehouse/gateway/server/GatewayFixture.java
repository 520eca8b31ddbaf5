package dev.gatehouse.gateway.server;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/** Starts a gateway in front of a backend, both on loopback, and sends it requests. */
final class GatewayFixture implements AutoCloseable {
  static final ServiceCatalog CATALOG = loadCatalog();

  final BlockingQueue<AccessLogEntry> accessLog = new LinkedBlockingQueue<>();
  final CountDownLatch shutdownStarted = new CountDownLatch(1);
  final GatewayServer gateway;
  /** HTTP/1.1 on purpose: these tests check HTTP/1.1 semantics, and Java's default would upgrade to h2c. */
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  GatewayFixture(int upstreamPort) {
    this(GatewayConfig.builder().upstream(new HostPort("127.0.0.1", upstreamPort)));
  }

  GatewayFixture(GatewayConfig.Builder config) {
    gateway = new GatewayServer(config.catalog(CATALOG).listen(new HostPort("127.0.0.1", 0)).ioThreads(2).build(),
        new GatewayListener() {
          @Override
          public void requestCompleted(AccessLogEntry entry) {
            accessLog.add(entry);
          }

          @Override
          public void shutdownStarted(long graceMillis) {
            shutdownStarted.countDown();
          }
        });
    gateway.start();
  }

  int port() {
    return gateway.port();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)));
  }

  HttpResponse<String> post(String pathAndQuery, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  @Override
  public void close() {
    gateway.close();
  }

  private static ServiceCatalog loadCatalog() {
    try (InputStream in = GatewayFixture.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
