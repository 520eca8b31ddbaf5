package dev.gatehouse.lens.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.connection.DecoderOptions;
import dev.gatehouse.lens.detect.DetectorOptions;
import dev.gatehouse.lens.observe.ConnectionObserver;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.render.Redaction;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.lens.support.FakeClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The view's HTTP server with a real HTTP client: the page's files, and the event stream's replay and resumption. */
class LensUiServerTest {

  private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};

  private final HttpClient http = HttpClient.newHttpClient();
  private LensUi ui;

  @AfterEach
  void close() {
    if (ui != null) {
      ui.close();
    }
  }

  @Test
  void servesThePageWithAPolicyThatRunsOnlyItsOwnScripts() throws Exception {
    ui = LensUi.start("127.0.0.1:0", null);

    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("content-security-policy")).hasValue(PageHandler.CONTENT_SECURITY_POLICY);
    assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
    assertThat(get("/app.js").headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    assertThat(get("/style.css").statusCode()).isEqualTo(200);
  }

  @Test
  void everyFileThePageLoadsIsServed() throws Exception {
    ui = LensUi.start("127.0.0.1:0", null);
    List<String> imports = new ArrayList<>();
    for (String file : List.of("/", "/app.js")) {
      java.util.regex.Matcher names = java.util.regex.Pattern.compile("(?:from '\\./|src=\"|href=\")([\\w.]+)")
          .matcher(get(file).body());
      while (names.find()) {
        imports.add("/" + names.group(1));
      }
    }

    assertThat(imports).contains("/app.js", "/style.css", "/model.js", "/ladder.js");
    for (String file : imports) {
      assertThat(get(file).statusCode()).as(file).isEqualTo(200);
    }
  }

  @Test
  void answersUnknownPathsAndMethodsWithTheirStatus() throws Exception {
    ui = LensUi.start("127.0.0.1:0", null);

    assertThat(get("/../pom.xml").statusCode()).isEqualTo(404);
    assertThat(get("/dev/gatehouse/lens/ui/app.js").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(ui.uri().resolve("/events"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
  }

  @Test
  void eventStreamReplaysTheJsonLinesOfWhatTheLensSawThenFollows() throws Exception {
    ui = LensUi.start(new InetSocketAddress("127.0.0.1", 0), null, 100);
    ConnectionObserver observer = observer();
    observer.onOpen();
    observer.onBytes(Direction.CLIENT, PREFACE, 1_000);

    try (Stream<String> lines = events(null)) {
      var reader = lines.iterator();
      assertThat(next(reader, "event: hello")).startsWith("data: {\"instance\":");
      assertThat(next(reader, "id: 1")).startsWith("data: {\"event\":\"open\"").contains("\"conn\":1");
      assertThat(next(reader, "id: 2")).startsWith("data: {\"event\":\"preface\"").contains("\"dir\":\"client\"");
      observer.onBytes(Direction.CLIENT, EMPTY_SETTINGS, 2_000); // arrives while the page follows
      assertThat(next(reader, "id: 3")).startsWith("data: {\"event\":\"frame\"").contains("\"type\":\"SETTINGS\"");
    }
  }

  @Test
  void eventStreamResumesAfterTheLastEventIdAndSaysWhatWasDropped() throws Exception {
    ui = LensUi.start(new InetSocketAddress("127.0.0.1", 0), null, 2);
    ConnectionObserver observer = observer();
    observer.onOpen();
    observer.onBytes(Direction.CLIENT, PREFACE, 1_000);
    observer.onBytes(Direction.CLIENT, EMPTY_SETTINGS, 2_000);
    observer.onBytes(Direction.SERVER, EMPTY_SETTINGS, 3_000); // 5 events: open, 2 prefaces, 2 frames

    try (Stream<String> lines = events(null)) {
      var reader = lines.iterator();
      next(reader, "event: hello");
      assertThat(next(reader, "event: dropped")).isEqualTo("data: {\"count\":3,\"evicted\":3}");
      assertThat(next(reader, "id: 4")).contains("\"event\":\"preface\"").contains("\"dir\":\"server\"");
    }
    try (Stream<String> lines = events("4")) {
      var reader = lines.iterator();
      next(reader, "event: hello");
      assertThat(next(reader, "id: 5")).contains("\"event\":\"frame\"").contains("\"dir\":\"server\"");
    }
  }

  @Test
  void aPageThatStopsReadingFallsBehindAndIsToldWhatItMissedWhenItReadsAgain() throws Exception {
    ui = LensUi.start(new InetSocketAddress("127.0.0.1", 0), null, 100);
    ConnectionObserver observer = observer();
    observer.onOpen();
    observer.onBytes(Direction.CLIENT, PREFACE, 1);
    try (Stream<String> stalled = events(null)) {
      var reader = stalled.iterator();
      next(reader, "event: hello"); // the stream is open; now the page stops reading
      byte[] settings = new byte[9 + 6 * 1_000];
      settings[1] = (byte) 0x17; // length 0x001770 = 6000: 1000 settings, about 20 KB of JSON per frame
      settings[2] = (byte) 0x70;
      settings[3] = 4;
      for (int i = 0; i < 2_000; i++) {
        observer.onBytes(Direction.CLIENT, settings, 2 + i); // 40 MB of JSON: more than any socket buffers
      }
      assertThat(ui.eventsSeen()).isGreaterThan(2_000);

      assertThat(next(reader, "event: dropped")).startsWith("data: {\"count\":");
      assertThat(next(reader, "id: " + ui.eventsSeen())).contains("\"type\":\"SETTINGS\"");
    }
  }

  @Test
  void eventStreamHidesCredentialsAndCookiesUnlessSecretsAreShown() throws Exception {
    ui = LensUi.start("127.0.0.1:0", null);
    String hidden = allEvents();
    ui.close();
    ui = LensUi.start("127.0.0.1:0", null, Redaction.NONE);
    String shown = allEvents();

    assertThat(hidden).doesNotContain(Conversations.SECRET)
        .contains("[\"authorization\",\"<redacted: 19 bytes, Bearer …>\"]");
    assertThat(shown).contains("[\"authorization\",\"Bearer " + Conversations.SECRET + "\"]");
  }

  /** The scripted conversation through the view, read back from {@code /events}: every line up to the last event. */
  private String allEvents() throws IOException {
    FakeClock clock = new FakeClock();
    Conversations.play(Conversations.observer(clock, List.of(ui.listener())), clock);
    StringBuilder text = new StringBuilder();
    try (Stream<String> lines = events(null)) {
      var reader = lines.iterator();
      String last = "id: " + ui.eventsSeen();
      for (String line = ""; !line.equals(last) && reader.hasNext(); ) {
        line = reader.next();
        text.append(line).append('\n');
      }
      text.append(reader.next()).append('\n');
    }
    return text.toString();
  }

  @Test
  void rejectsAnAddressThatIsNotHostAndPort() {
    assertThatThrownBy(() -> LensUi.start("9901", null))
        .hasMessage("ui: 9901 (expected: HOST:PORT, e.g. 127.0.0.1:9901)");
    assertThat(LensUi.address("[::1]:9901").getPort()).isEqualTo(9901);
  }

  private ConnectionObserver observer() {
    return new ConnectionObserver(new LensConnection(1, Instant.parse("2026-01-02T03:04:05Z"), 0, "127.0.0.1:40000",
        "127.0.0.1:50051"), DecoderOptions.defaults(), DetectorOptions.defaults(), List.of(ui.listener()));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(ui.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The raw lines of {@code /events}, read as they come (the stream never ends by itself). */
  private Stream<String> events(String lastEventId) throws IOException {
    Socket socket = new Socket("127.0.0.1", ui.localAddress().getPort());
    String request = "GET /events HTTP/1.1\r\nHost: lens\r\nAccept: text/event-stream\r\n"
        + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    return in.lines().onClose(() -> {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a test socket
      }
    });
  }

  /** Skips to {@code marker} (a line of its own) and returns the line after it. */
  private static String next(java.util.Iterator<String> reader, String marker) {
    int skipped = 0;
    while (reader.hasNext()) {
      if (reader.next().equals(marker)) {
        return reader.hasNext() ? reader.next() : "";
      }
      if (++skipped > 100_000) {
        break;
      }
    }
    throw new AssertionError("no line " + marker + " in the event stream");
  }
}
