package dev.gatehouse.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.peer.ForeignPeer;
import dev.gatehouse.testing.peer.PeerServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every streaming shape through the gateway to grpc-go and Node's grpc-js, over HTTP/1.1, HTTP/2 and WebSocket. */
class ForeignBackendStreamingTest {

  @ParameterizedTest
  @EnumSource(value = ForeignPeer.class, names = {"GO", "NODE"})
  void everyStreamingShapeWorksAgainstAForeignBackend(ForeignPeer peer) throws Exception {
    try (PeerServer backend = peer.startServer();
        StreamingGateway gateway = new StreamingGateway(backend.port())) {
      String name = peer.wireName();

      HttpResponse<String> watch = gateway.http1.send(HttpRequest.newBuilder(gateway.uri("/v1/shelves/3:watch"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(watch.body()).as(backend.output()).isEqualTo(
          "{\"result\":{\"name\":\"shelves/3/books/1\",\"title\":\"title-1\"}}\n"
              + "{\"result\":{\"name\":\"shelves/3/books/2\",\"title\":\"title-2\"}}\n"
              + "{\"result\":{\"name\":\"shelves/3/books/3\",\"title\":\"title-3\"}}\n");

      HttpResponse<String> failing = gateway.http2.send(HttpRequest.newBuilder(
          gateway.uri("/v1/shelves/fail-1:watch")).header("Accept", "text/event-stream").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(failing.statusCode()).isEqualTo(200);
      assertThat(failing.body()).startsWith("data: {\"name\":\"shelves/fail-1/books/1\"")
          .contains("\n\nevent: error\ndata: {\"code\":10,").contains("WATCH_ABORTED");

      HttpResponse<String> bulk = gateway.http2.send(HttpRequest.newBuilder(gateway.uri("/v1/books:bulkCreate"))
          .POST(HttpRequest.BodyPublishers.ofString("{}\n{}\n{}\n{}\n{}\n")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(bulk.version()).isEqualTo(HttpClient.Version.HTTP_2);
      assertThat(bulk.body()).isEqualTo("{\"created\":5}");

      HttpResponse<String> chat = gateway.http1.send(HttpRequest.newBuilder(gateway.uri("/v1/chat"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a\"}{\"text\":\"b\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(chat.body()).isEqualTo("{\"result\":{\"text\":\"echo: a\",\"from\":\"" + name + "\"}}\n"
          + "{\"result\":{\"text\":\"echo: b\",\"from\":\"" + name + "\"}}\n");

      BlockingQueue<String> frames = new LinkedBlockingQueue<>();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + gateway.port() + "/v1/chat"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
              frames.add(data.toString());
              webSocket.request(1);
              return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
              frames.add("close " + code);
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      for (String text : List.of("x", "y")) {
        socket.sendText("{\"text\":\"" + text + "\"}", true).get(5, TimeUnit.SECONDS);
        assertThat(frames.poll(10, TimeUnit.SECONDS))
            .isEqualTo("{\"result\":{\"text\":\"echo: " + text + "\",\"from\":\"" + name + "\"}}");
      }
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
      assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("close 1000");
    }
  }
}
