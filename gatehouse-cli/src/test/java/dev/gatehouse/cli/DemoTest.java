package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.demo.Demo;
import dev.gatehouse.cli.demo.DemoRequest;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.server.GatewayListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DemoTest {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void everyPrintedRequestGetsItsDocumentedAnswerInOrder() throws Exception {
    try (Demo demo = Demo.start(new HostPort("127.0.0.1", 0), 0, GatewayListener.NONE)) {
      for (DemoRequest request : DemoRequest.all()) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(demo.baseUrl() + request.pathAndQuery()));
        for (String header : request.headers()) {
          int colon = header.indexOf(':');
          http.header(header.substring(0, colon), header.substring(colon + 1).trim());
        }
        if (request.body() != null) {
          http.header("Content-Type", "application/json");
        }
        http.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body()));

        HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(request.title() + ": " + response.body())
            .isEqualTo(request.expectedStatus());
        assertThat(response.body()).as(request.title()).contains(request.expectedText());
      }
    }
  }

  @Test
  void theWebSocketExampleTalksToTheBidiMethodAndCloseCarriesTheStatus() throws Exception {
    try (Demo demo = Demo.start(new HostPort("127.0.0.1", 0), 0, GatewayListener.NONE)) {
      List<String> received = new CopyOnWriteArrayList<>();
      CompletableFuture<String> closed = new CompletableFuture<>();
      WebSocket ws = client.newWebSocketBuilder()
          .buildAsync(URI.create(demo.baseUrl().replaceFirst("^http", "ws") + "/v1/discussions"),
              new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                  received.add(data.toString());
                  socket.request(1);
                  return null;
                }

                @Override
                public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                  closed.complete(code + " " + reason);
                  return null;
                }
              })
          .get(10, TimeUnit.SECONDS);

      ws.sendText("{\"text\":\"Where is SPQR?\"}", true).get(10, TimeUnit.SECONDS);
      ws.sendText("", true).get(10, TimeUnit.SECONDS);

      assertThat(closed.get(10, TimeUnit.SECONDS)).startsWith("1000");
      assertThat(received).singleElement().asString().contains("\\\"SPQR\\\" by Mary Beard is on shelves/2");
    }
  }

  @Test
  void printedCommandsAreCurlCommandsAgainstTheGateway() {
    DemoRequest create = DemoRequest.all().get(4);
    DemoRequest events = DemoRequest.all().get(12);

    assertThat(create.curl("http://127.0.0.1:8080")).isEqualTo("curl -s -X POST -H 'Content-Type: application/json' -d '"
        + create.body() + "' 'http://127.0.0.1:8080/v1/shelves/2/books?book_id=gibbon'");
    assertThat(events.curl("http://127.0.0.1:8080")).isEqualTo(
        "curl -sN -H 'Accept: text/event-stream' 'http://127.0.0.1:8080/v1/shelves/1/books:stream'");
  }
}
