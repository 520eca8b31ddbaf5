package dev.gatehouse.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.testing.v1.Shelf;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 connection behaviour, over raw sockets: keep-alive, pipelining, chunked bodies, limits, hang-ups. */
class GatewayConnectionTest {
  private static TestBackend backend;
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    backend = new TestBackend(false);
    fixture = new GatewayFixture(GatewayConfig.builder()
        .upstream(new HostPort("127.0.0.1", backend.port()))
        .maxBodyBytes(1024)
        .maxHeaderBytes(2048));
  }

  @AfterAll
  static void stop() {
    fixture.close();
    backend.close();
  }

  @BeforeEach
  void forgetEarlierCalls() {
    backend.shelfRequests.clear();
    backend.held.clear();
    backend.cancelled.clear();
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      for (int i = 1; i <= 3; i++) {
        connection.send("GET /v1/shelves/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
        RawHttpConnection.Response response = connection.read();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"shelves/" + i + "\"");
      }
    }
  }

  @Test
  void pipelinedAnswersKeepRequestOrderWhenALaterCallFinishesFirst() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      connection.send("GET /v1/shelves/held HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /v1/shelves/fast HTTP/1.1\r\nHost: x\r\n\r\n"
          + "GET /v2/unknown HTTP/1.1\r\nHost: x\r\n\r\n");
      StreamObserver<Shelf> first = backend.held.poll(5, TimeUnit.SECONDS);
      // The second call reaches the backend, and is answered, while the first is still held.
      assertThat(java.util.List.of(backend.shelfRequests.poll(5, TimeUnit.SECONDS),
          backend.shelfRequests.poll(5, TimeUnit.SECONDS))).containsExactlyInAnyOrder("shelves/held", "shelves/fast");
      first.onNext(Shelf.newBuilder().setName("shelves/held").build());
      first.onCompleted();

      assertThat(connection.read().body()).contains("shelves/held");
      assertThat(connection.read().body()).contains("shelves/fast");
      assertThat(connection.read().status()).isEqualTo(404);
    }
  }

  @Test
  void chunkedRequestBodyIsReassembled() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      connection.send("POST /v1/shelves/1/books/2/cover HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n");
      RawHttpConnection.Response response = connection.read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).contains("\"cover\":\"YWJjZGVmZw==\"");
    }
  }

  @Test
  void contentLengthOverTheLimitIs413AndClosesTheConnection() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      connection.send("POST /v1/shelves/1/books/2/cover HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 2000\r\n\r\n");
      RawHttpConnection.Response response = connection.read();

      assertThat(response.status()).isEqualTo(413);
      assertThat(response.body()).contains("\"code\":8", "larger than 1024 bytes");
      assertThat(response.header("connection")).isEqualTo("close");
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @Test
  void chunkedBodyGrowingOverTheLimitIs413() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      String chunk = "x".repeat(600);
      connection.send("POST /v1/shelves/1/books/2/cover HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n");

      assertThat(connection.read().status()).isEqualTo(413);
    }
  }

  @Test
  void headersOverTheLimitAre431() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      connection.send("GET /v1/shelves/1 HTTP/1.1\r\nHost: x\r\nCookie: " + "c".repeat(3000) + "\r\n\r\n");
      RawHttpConnection.Response response = connection.read();

      assertThat(response.status()).isEqualTo(431);
      assertThat(response.body()).contains("request headers larger than 2048 bytes");
    }
  }

  @Test
  void connectionCloseRequestIsAnsweredThenClosed() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      connection.send("GET /v1/shelves/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      assertThat(connection.read().status()).isEqualTo(200);
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @Test
  void clientHangingUpCancelsTheUpstreamCall() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      connection.send("GET /v1/shelves/held HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(backend.held.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    assertThat(backend.cancelled.poll(5, TimeUnit.SECONDS)).isEqualTo("shelves/held");
  }

  @Test
  void malformedRequestLineIs400() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      connection.send("NOT HTTP AT ALL\r\n\r\n");
      RawHttpConnection.Response response = connection.read();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("\"code\":3");
    }
  }
}
