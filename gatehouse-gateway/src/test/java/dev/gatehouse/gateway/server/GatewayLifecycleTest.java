package dev.gatehouse.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.testing.v1.Shelf;
import io.grpc.stub.StreamObserver;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Start, health, an unreachable backend, and graceful shutdown. */
class GatewayLifecycleTest {

  @Test
  void unreachableBackendIs503WithoutWaitingForTheDeadline() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    try (GatewayFixture fixture = new GatewayFixture(deadPort)) {
      long start = System.nanoTime();
      // A 30 s deadline: a gateway that waited for the backend would answer 504 much later, or time the client out.
      HttpResponse<String> response = fixture.send(java.net.http.HttpRequest.newBuilder(fixture.uri("/v1/shelves/1"))
          .header("Grpc-Timeout", "30S").timeout(Duration.ofSeconds(1)));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(response.statusCode()).as("after %d ms: %s", millis, response.body()).isEqualTo(503);
      assertThat(response.body()).contains("\"code\":14");
    }
  }

  @Test
  void healthzAsksTheBackendsHealthService() throws Exception {
    try (TestBackend backend = new TestBackend(true); GatewayFixture fixture = new GatewayFixture(backend.port())) {
      HttpResponse<String> response = fixture.get("/healthz");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"status\":\"SERVING\"}");
    }
  }

  @Test
  void healthzWithoutAHealthServiceIsServingWhenTheChannelIsReady() throws Exception {
    try (TestBackend backend = new TestBackend(false); GatewayFixture fixture = new GatewayFixture(backend.port())) {
      HttpResponse<String> response = fixture.get("/healthz");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"status\":\"SERVING\"}");
    }
  }

  @Test
  void healthzOfAnUnreachableBackendIs503() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    try (GatewayFixture fixture = new GatewayFixture(deadPort)) {
      HttpResponse<String> response = fixture.get("/healthz");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("\"code\":14");
    }
  }

  @Test
  void closeLetsAnInFlightCallFinish() throws Exception {
    try (TestBackend backend = new TestBackend(false)) {
      GatewayFixture fixture = new GatewayFixture(GatewayConfig.builder()
          .upstream(new HostPort("127.0.0.1", backend.port()))
          .shutdownGrace(Duration.ofSeconds(10)));
      CompletableFuture<HttpResponse<String>> inFlight = fixture.http.sendAsync(
          java.net.http.HttpRequest.newBuilder(fixture.uri("/v1/shelves/held")).build(),
          HttpResponse.BodyHandlers.ofString());
      StreamObserver<Shelf> held = backend.held.poll(5, TimeUnit.SECONDS);
      CompletableFuture<Void> closing = CompletableFuture.runAsync(fixture::close);
      assertThat(fixture.shutdownStarted.await(5, TimeUnit.SECONDS)).isTrue();

      held.onNext(Shelf.newBuilder().setName("shelves/held").build());
      held.onCompleted();

      HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("shelves/held");
      assertThat(response.headers().firstValue("connection")).hasValue("close");
      closing.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void closeCutsOffCallsThatOutliveTheGracePeriod() throws Exception {
    try (TestBackend backend = new TestBackend(false)) {
      GatewayFixture fixture = new GatewayFixture(GatewayConfig.builder()
          .upstream(new HostPort("127.0.0.1", backend.port()))
          .shutdownGrace(Duration.ZERO));
      try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
        connection.send("GET /v1/shelves/held HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(backend.held.poll(5, TimeUnit.SECONDS)).isNotNull();

        fixture.close();

        assertThat(connection.read()).isNull();
        assertThat(backend.cancelled.poll(5, TimeUnit.SECONDS)).isEqualTo("shelves/held");
      }
    }
  }
}
