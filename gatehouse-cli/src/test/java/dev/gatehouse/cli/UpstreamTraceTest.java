package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.config.TraceConfig;
import dev.gatehouse.gateway.server.GatewayListener;
import dev.gatehouse.gateway.server.GatewayServer;
import dev.gatehouse.testing.peer.JavaLibraryServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse serve --trace} end to end: a real grpc-java backend, the gateway with the lens behind its upstream
 * tap (wired as the CLI wires it), a real HTTP client, and the lens's output read back.
 */
class UpstreamTraceTest {
  private static final ServiceCatalog CATALOG = catalog();
  private static JavaLibraryServer backend;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir Path dir;
  private GatewayServer gateway;
  private UpstreamTrace trace;

  @BeforeAll
  static void startBackend() {
    backend = JavaLibraryServer.start(0);
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  @AfterEach
  void stop() {
    stopGateway();
  }

  private void startGateway(boolean all, String format, Path output, HostPort ui) {
    startGateway(all, format, output, ui, false);
  }

  private void startGateway(boolean all, String format, Path output, HostPort ui, boolean showSecrets) {
    GatewayConfig config = GatewayConfig.builder()
        .upstream(new HostPort("127.0.0.1", backend.port()))
        .listen(new HostPort("127.0.0.1", 0))
        .catalog(CATALOG)
        .ioThreads(2)
        .accessLog(false)
        .trace(all)
        .traceFormat(format)
        .traceOutput(output)
        .ui(ui)
        .traceShowSecrets(showSecrets)
        .build();
    trace = UpstreamTrace.start(config.trace(), CATALOG, config.metadataPrefix());
    gateway = new GatewayServer(config, GatewayListener.NONE, trace);
    gateway.start();
  }

  /** Stops the gateway, then the trace, which flushes its output. */
  private void stopGateway() {
    if (gateway != null) {
      gateway.close();
      trace.close();
      gateway = null;
    }
  }

  private HttpResponse<String> get(String path, boolean askForTrace) throws IOException, InterruptedException {
    return get(path, askForTrace, HttpRequest.newBuilder());
  }

  private HttpResponse<String> get(String path, boolean askForTrace, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    request.uri(URI.create("http://127.0.0.1:" + gateway.port() + path)).timeout(Duration.ofSeconds(10));
    if (askForTrace) {
      request.header("X-Gatehouse-Trace", "1");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aTracedRestRequestIsFollowedDownToTheFramesOfItsUpstreamCall() throws Exception {
    Path output = dir.resolve("trace.jsonl");
    startGateway(false, "jsonl", output, null);

    HttpResponse<String> traced = get("/v1/shelves/1", true);
    HttpResponse<String> untraced = get("/v1/shelves/2", false);
    stopGateway();

    assertThat(traced.statusCode()).isEqualTo(200);
    String traceId = traced.headers().firstValue("x-gatehouse-trace-id").orElseThrow();
    String[] location = traced.headers().firstValue("x-gatehouse-trace-stream").orElseThrow().split("/");
    long conn = Long.parseLong(location[0]);
    int stream = Integer.parseInt(location[1]);
    List<Struct> events = readJsonl(output);
    List<Struct> call = events.stream()
        .filter(event -> number(event, "conn") == conn && event.containsFields("stream")
            && number(event, "stream") == stream)
        .toList();
    assertThat(call).extracting(event -> text(event, "event"))
        .contains("call_start", "frame", "state", "message", "response_headers", "trailers", "call");
    Struct start = first(call, "call_start");
    assertThat(text(start, "method")).isEqualTo("/gatehouse.testing.v1.Library/GetShelf");
    assertThat(start.getFieldsOrThrow("metadata").getListValue().getValuesList())
        .anySatisfy(pair -> assertThat(pair.getListValue().getValuesList()).extracting(Value::getStringValue)
            .containsExactly("gatehouse-trace-id", traceId));
    assertThat(call).filteredOn(event -> text(event, "event").equals("frame"))
        .extracting(event -> text(event, "type") + " from " + text(event, "dir"))
        .contains("HEADERS from client", "DATA from client", "HEADERS from server", "DATA from server");
    assertThat(call).filteredOn(event -> text(event, "event").equals("message"))
        .extracting(event -> text(event, "dir") + " " + JsonFormat.printer().omittingInsignificantWhitespace()
            .print(event.getFieldsOrThrow("json")))
        .containsExactly("client {\"name\":\"shelves/1\"}", "server {\"name\":\"shelves/1\",\"theme\":\"theme-1\"}");
    assertThat(first(call, "trailers").getFieldsOrThrow("status").getNumberValue()).isZero();
    assertThat(text(first(call, "call"), "status_name")).isEqualTo("OK");
    // The connection's own frames (preface, SETTINGS) are there too, as for any lens connection.
    assertThat(events).anySatisfy(event -> assertThat(text(event, "event")).isEqualTo("preface"));

    assertThat(untraced.statusCode()).isEqualTo(200);
    assertThat(untraced.headers().firstValue("x-gatehouse-trace-id")).isEmpty();
    assertThat(Files.readString(output)).doesNotContain("shelves/2");
  }

  @Test
  void withTraceEveryCallIsShownInTextWithItsFramesAndTrailers() throws Exception {
    Path output = dir.resolve("trace.txt");
    startGateway(true, "text", output, null);

    HttpResponse<String> response = get("/v1/shelves/missing", false);
    stopGateway();

    assertThat(response.statusCode()).isEqualTo(404);
    String traceId = response.headers().firstValue("x-gatehouse-trace-id").orElseThrow();
    String conn = " c" + response.headers().firstValue("x-gatehouse-trace-stream").orElseThrow().split("/")[0] + " ";
    assertThat(Files.readString(output))
        .contains(conn + "C→S connection preface")
        .contains(":path: /gatehouse.testing.v1.Library/GetShelf")
        .contains("gatehouse-trace-id: " + traceId)
        .contains("message stream")
        .contains("{\"name\":\"shelves/missing\"}")
        .contains("grpc-status 5 NOT_FOUND, grpc-message \"shelf shelves/missing not found\"")
        .contains("SHELF_NOT_FOUND");
  }

  @Test
  void aTraceNeverContainsTheBearerTokenOfTheRequestUnlessAsked() throws Exception {
    for (String format : List.of("text", "jsonl")) {
      Path output = dir.resolve("hidden." + format);
      startGateway(true, format, output, null);
      HttpResponse<String> response =
          get("/v1/shelves/1", false, HttpRequest.newBuilder().header("Authorization", "Bearer secret-token"));
      stopGateway();

      assertThat(response.statusCode()).isEqualTo(200);
      String trace = Files.readString(output);
      // The gateway forwards it as authorization and as grpcgateway-authorization: both are redacted.
      assertThat(trace).as(format).doesNotContain("secret-token")
          .contains("authorization").contains("<redacted: 19 bytes, Bearer …>");
    }

    Path shown = dir.resolve("shown.txt");
    startGateway(true, "text", shown, null, true);
    get("/v1/shelves/1", false, HttpRequest.newBuilder().header("Authorization", "Bearer secret-token"));
    stopGateway();
    assertThat(Files.readString(shown)).contains("authorization: Bearer secret-token").doesNotContain("redacted");
  }

  @Test
  void theLiveViewShowsTheGatewaysUpstreamCalls() throws Exception {
    startGateway(false, "jsonl", dir.resolve("trace.jsonl"), new HostPort("127.0.0.1", 0));

    String traceId = get("/v1/shelves/3", true,
        HttpRequest.newBuilder().header("Authorization", "Bearer secret-token"))
        .headers().firstValue("x-gatehouse-trace-id").orElseThrow();

    // A page opened now replays what the view kept; read its event stream until the call shows up.
    HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(trace.viewUri().resolve("/events"))
        .build(), HttpResponse.BodyHandlers.ofLines());
    String line = CompletableFuture.supplyAsync(() -> {
      try (Stream<String> lines = events.body()) {
        return lines.filter(text -> text.contains("\"call_start\"")).findFirst().orElse("");
      }
    }).orTimeout(30, TimeUnit.SECONDS).join();
    assertThat(line).contains("/gatehouse.testing.v1.Library/GetShelf").contains(traceId)
        .contains("<redacted: 19 bytes, Bearer …>").doesNotContain("secret-token");
  }

  private static Struct first(List<Struct> events, String type) {
    return events.stream().filter(event -> text(event, "event").equals(type)).findFirst().orElseThrow();
  }

  private static String text(Struct event, String key) {
    return event.getFieldsOrDefault(key, Value.getDefaultInstance()).getStringValue();
  }

  private static long number(Struct event, String key) {
    return (long) event.getFieldsOrDefault(key, Value.getDefaultInstance()).getNumberValue();
  }

  private static List<Struct> readJsonl(Path file) throws IOException {
    return Files.readAllLines(file).stream().map(line -> {
      Struct.Builder event = Struct.newBuilder();
      try {
        JsonFormat.parser().merge(line, event);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("not a JSON object: " + line, e);
      }
      return event.build();
    }).toList();
  }

  private static ServiceCatalog catalog() {
    try (InputStream in = UpstreamTraceTest.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
