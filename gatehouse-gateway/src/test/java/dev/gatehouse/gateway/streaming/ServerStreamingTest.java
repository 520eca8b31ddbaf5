package dev.gatehouse.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.peer.JavaLibraryServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerStreamingTest {
  private static JavaLibraryServer backend;
  private static StreamingGateway gateway;

  @BeforeAll
  static void start() {
    backend = JavaLibraryServer.start(0);
    gateway = new StreamingGateway(backend.port());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    backend.close();
  }

  private static HttpResponse<String> get(HttpClient client, String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(10));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String ndjson(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> "{\"result\":{\"name\":\"shelves/" + count + "/books/" + i + "\",\"title\":\"title-" + i
            + "\"}}\n")
        .collect(Collectors.joining());
  }

  @Test
  void serverStreamIsNewlineDelimitedResultsByDefault() throws Exception {
    HttpResponse<String> response = get(gateway.http1, "/v1/shelves/3:watch", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
    assertThat(response.body()).isEqualTo(ndjson(3));
  }

  @Test
  void serverStreamOverHttp2HasTheSameBody() throws Exception {
    HttpResponse<String> response = get(gateway.http2, "/v1/shelves/3:watch", "application/x-ndjson");
    HttpResponse<String> again = get(gateway.http2, "/v1/shelves/4:watch", "application/x-ndjson");

    assertThat(again.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/x-ndjson");
    assertThat(response.body()).isEqualTo(ndjson(3));
    assertThat(again.body()).isEqualTo(ndjson(4));
  }

  @Test
  void failureAfterTheFirstMessageIsAnErrorLineUnderStatus200() throws Exception {
    HttpResponse<String> response = get(gateway.http1, "/v1/shelves/fail-2:watch", null);

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> lines = response.body().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("{\"result\":{\"name\":\"shelves/fail-2/books/2\"");
    assertThat(lines.get(2)).startsWith("{\"error\":{\"code\":10,\"message\":\"watch of shelves/fail-2 aborted"
        + " after 2 books\",\"details\":[");
    assertThat(lines.get(2)).contains("WATCH_ABORTED").endsWith("]}}");
  }

  @Test
  void failureBeforeAnyMessageGetsItsRealStatusAndABody() throws Exception {
    HttpResponse<String> aborted = get(gateway.http1, "/v1/shelves/fail-0:watch", null);
    HttpResponse<String> invalid = get(gateway.http2, "/v1/shelves/nonsense:watch", null);

    assertThat(aborted.statusCode()).isEqualTo(409);
    assertThat(aborted.body()).startsWith("{\"code\":10,\"message\":\"watch of shelves/fail-0 aborted");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).startsWith("{\"code\":3,");
  }

  @Test
  void eventStreamHasOneDataEventPerMessageAndAnErrorEvent() throws Exception {
    HttpResponse<String> response = get(gateway.http1, "/v1/shelves/fail-1:watch", "text/event-stream");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
    assertThat(response.body()).startsWith("data: {\"name\":\"shelves/fail-1/books/1\",\"title\":\"title-1\"}\n\n"
        + "event: error\ndata: {\"code\":10,").endsWith("]}\n\n");
  }

  @Test
  void arrayOnRequestWithTheStreamParameterOfAccept() throws Exception {
    HttpResponse<String> two = get(gateway.http1, "/v1/shelves/2:watch", "application/json; stream=array");
    HttpResponse<String> none = get(gateway.http1, "/v1/shelves/0:watch", "application/json;stream=array");

    assertThat(two.body()).isEqualTo("[{\"name\":\"shelves/2/books/1\",\"title\":\"title-1\"},"
        + "{\"name\":\"shelves/2/books/2\",\"title\":\"title-2\"}]");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(none.body()).isEqualTo("[]");
  }

  @Test
  void anAcceptWithoutAnyStreamTypeIs406() throws Exception {
    HttpResponse<String> response = get(gateway.http1, "/v1/shelves/2:watch", "text/html");

    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(response.body()).contains("text/event-stream");
  }
}
