package dev.gatehouse.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.peer.JavaLibraryServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebSocketTest {
  private static JavaLibraryServer backend;
  private static StreamingGateway gateway;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

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

  /** Collects what the gateway sends: text frames, then "close <code> <reason>". */
  private static final class Recorder implements WebSocket.Listener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        events.add(text.toString());
        text.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
      events.add("close " + code + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      events.add("error " + error);
    }

    String next() throws InterruptedException {
      String event = events.poll(10, TimeUnit.SECONDS);
      assertThat(event).as("an event within 10 s").isNotNull();
      return event;
    }
  }

  private static WebSocket open(String path, Recorder recorder, String... subprotocols) throws Exception {
    WebSocket.Builder builder = CLIENT.newWebSocketBuilder();
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    CompletableFuture<WebSocket> socket = builder.buildAsync(
        URI.create("ws://127.0.0.1:" + gateway.port() + path), recorder);
    return socket.get(10, TimeUnit.SECONDS);
  }

  @Test
  void chatIsFullDuplexOneFramePerMessageAndCloseCarriesOk() throws Exception {
    Recorder recorder = new Recorder();
    WebSocket socket = open("/v1/chat", recorder);

    socket.sendText("{\"text\":\"one\"}", true).get(5, TimeUnit.SECONDS);
    assertThat(recorder.next()).isEqualTo("{\"result\":{\"text\":\"echo: one\",\"from\":\"java\"}}");
    socket.sendText("{\"text\":\"two\"}", true).get(5, TimeUnit.SECONDS);
    assertThat(recorder.next()).isEqualTo("{\"result\":{\"text\":\"echo: two\",\"from\":\"java\"}}");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    assertThat(recorder.next()).isEqualTo("close 1000 OK");
  }

  @Test
  void serverStreamFailingMidwayEndsWithAnErrorFrameAndTheStatusInTheCloseCode() throws Exception {
    Recorder recorder = new Recorder();
    open("/v1/shelves/fail-2:watch", recorder);

    assertThat(recorder.next()).isEqualTo("{\"result\":{\"name\":\"shelves/fail-2/books/1\",\"title\":\"title-1\"}}");
    assertThat(recorder.next()).startsWith("{\"result\":{\"name\":\"shelves/fail-2/books/2\"");
    assertThat(recorder.next()).startsWith("{\"error\":{\"code\":10,\"message\":\"watch of shelves/fail-2 aborted");
    assertThat(recorder.next()).isEqualTo("close 4010 watch of shelves/fail-2 aborted after 2 books");
  }

  @Test
  void clientStreamEndsItsInputWithAnEmptyFrame() throws Exception {
    Recorder recorder = new Recorder();
    WebSocket socket = open("/v1/books:bulkCreate", recorder, "bearer", "token-123");

    assertThat(socket.getSubprotocol()).isEqualTo("bearer");
    for (int i = 0; i < 3; i++) {
      socket.sendText("{\"book\":{\"title\":\"t" + i + "\"}}", true).get(5, TimeUnit.SECONDS);
    }
    socket.sendText("", true).get(5, TimeUnit.SECONDS);
    assertThat(recorder.next()).isEqualTo("{\"result\":{\"created\":3}}");
    assertThat(recorder.next()).isEqualTo("close 1000 OK");
  }

  @Test
  void badJsonInAFrameClosesWithInvalidArgument() throws Exception {
    Recorder recorder = new Recorder();
    WebSocket socket = open("/v1/chat", recorder);

    socket.sendText("{\"text\":", true).get(5, TimeUnit.SECONDS);
    assertThat(recorder.next()).startsWith("{\"error\":{\"code\":3,");
    assertThat(recorder.next()).startsWith("close 4003 ");
  }
}
