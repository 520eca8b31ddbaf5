package dev.gatehouse.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.peer.JavaLibraryServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientAndBidiStreamingTest {
  private static JavaLibraryServer backend;
  private static StreamingGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    backend = JavaLibraryServer.start(0);
    gateway = new StreamingGateway(backend.port());
    // Java's client switches to HTTP/2 (h2c, via Upgrade) on a first request without a body.
    HttpResponse<String> first = gateway.http2.send(HttpRequest.newBuilder(gateway.uri("/v1/shelves/1")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A SubmissionPublisher drops what is submitted before the HTTP client subscribes. */
  private static void awaitSubscriber(SubmissionPublisher<ByteBuffer> body) {
    long start = System.nanoTime();
    while (body.getNumberOfSubscribers() == 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
      Thread.onSpinWait();
    }
    assertThat(body.getNumberOfSubscribers()).isOne();
  }

  @Test
  void clientStreamTakesNewlineDelimitedAndConcatenatedMessages() throws Exception {
    HttpResponse<String> delimited = post(gateway.http1, "/v1/books:bulkCreate",
        "{\"book\":{\"title\":\"a\"}}\n{\"book\":{\"title\":\"b\"}}\n");
    HttpResponse<String> concatenated = post(gateway.http2, "/v1/books:bulkCreate",
        "{\"book\":{\"title\":\"a\"}}{\"book\":{}} {}");
    HttpResponse<String> empty = post(gateway.http1, "/v1/books:bulkCreate", "");

    assertThat(delimited.statusCode()).isEqualTo(200);
    assertThat(delimited.body()).isEqualTo("{\"created\":2}");
    assertThat(concatenated.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(concatenated.body()).isEqualTo("{\"created\":3}");
    assertThat(empty.body()).isEqualTo("{}");
  }

  @Test
  void malformedMessageInAClientStreamIs400NamingTheMessage() throws Exception {
    HttpResponse<String> response = post(gateway.http1, "/v1/books:bulkCreate", "{\"book\":{}}\n{\"book\":]");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"code\":3,\"message\":\"request message #2: invalid JSON");
  }

  @Test
  void bidiOverHttp1AnswersEveryMessageAsALine() throws Exception {
    HttpResponse<String> response = post(gateway.http1, "/v1/chat", "{\"text\":\"a\"}{\"text\":\"b\"}\n{\"text\":\"c\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"result\":{\"text\":\"echo: a\",\"from\":\"java\"}}\n"
        + "{\"result\":{\"text\":\"echo: b\",\"from\":\"java\"}}\n"
        + "{\"result\":{\"text\":\"echo: c\",\"from\":\"java\"}}\n");
  }

  @Test
  void bidiOverHttp2AnswersEveryMessage() throws Exception {
    HttpResponse<String> response = post(gateway.http2, "/v1/chat", "{\"text\":\"a\"}\n{\"text\":\"b\"}");

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.body()).isEqualTo("{\"result\":{\"text\":\"echo: a\",\"from\":\"java\"}}\n"
        + "{\"result\":{\"text\":\"echo: b\",\"from\":\"java\"}}\n");
  }

  @Test
  void aStreamedUploadIsPacedToTheBackend() throws Exception {
    try (FlowControlledBackend slow = new FlowControlledBackend();
        StreamingGateway paced = new StreamingGateway(slow.port())) {
      SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>();
      CompletableFuture<HttpResponse<String>> pending = paced.http1.sendAsync(
          HttpRequest.newBuilder(paced.uri("/v1/books:bulkCreate")).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.fromPublisher(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      // 64 MiB of messages offered while the backend reads none: the publisher's demand must stall.
      byte[] message = ("{\"book\":{\"title\":\"" + "x".repeat(64 * 1024) + "\"}}\n").getBytes(StandardCharsets.UTF_8);
      awaitSubscriber(body);
      int offered = 0;
      while (offered < 1024 && body.estimateMaximumLag() < 64) {
        body.submit(ByteBuffer.wrap(message));
        offered++;
      }
      long waitedFor = System.nanoTime();
      while (body.estimateMaximumLag() < 64 && System.nanoTime() - waitedFor < TimeUnit.SECONDS.toNanos(20)) {
        if (offered < 1024) {
          body.submit(ByteBuffer.wrap(message));
          offered++;
        } else {
          Thread.onSpinWait();
        }
      }
      assertThat(body.estimateMaximumLag()).as("messages the HTTP client could not send yet").isGreaterThanOrEqualTo(64);
      assertThat(slow.received.get()).isZero();

      slow.uploadPermits.release(Integer.MAX_VALUE / 2);
      body.close();
      HttpResponse<String> response = pending.get(30, TimeUnit.SECONDS);
      assertThat(response.body()).isEqualTo("{\"created\":" + offered + "}");
    }
  }
}
