package dev.gatehouse.lens.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.lens.LensConfig;
import dev.gatehouse.lens.OutputFormat;
import dev.gatehouse.lens.proxy.LensServer;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.lens.support.Json;
import dev.gatehouse.lens.support.Recorder;
import dev.gatehouse.testing.peer.ClientRun;
import dev.gatehouse.testing.peer.ForeignPeer;
import dev.gatehouse.testing.peer.JavaLibraryServer;
import dev.gatehouse.testing.peer.Scenario;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON Lines contract of issue 5, checked on the lens's real output for real grpc-java traffic (unary, error
 * with details, server streaming, cancel, deadline, large): every line parses, has {@code event}, an RFC 3339
 * {@code time} with microseconds and {@code conn}, and the keys its event type promises.
 */
class JsonlContractTest {

  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";
  private static List<Map<String, Object>> lines;

  @BeforeAll
  static void capture() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Recorder recorder = new Recorder();
    try (JavaLibraryServer server = JavaLibraryServer.start(0)) {
      LensServer lens = LensServer.builder(LensConfig.of("127.0.0.1:0", "127.0.0.1:" + server.port())
              .withFormat(OutputFormat.JSONL))
          .catalog(Conversations.catalog()).output(out).listener(recorder).eventLoops(1).start();
      try {
        for (Scenario scenario : new Scenario[] {Scenario.UNARY, Scenario.ERROR, Scenario.SERVER_STREAM,
            Scenario.CANCEL, Scenario.DEADLINE, Scenario.LARGE, Scenario.METADATA}) {
          ClientRun run = ForeignPeer.JAVA.runClient("127.0.0.1:" + lens.port(), scenario);
          assertThat(run.passed()).as(run.describe()).isTrue();
        }
        recorder.awaitClosed(7);
      } finally {
        lens.close();
      }
    }
    lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      Object parsed = Json.parse(line);
      assertThat(parsed).as(line).isInstanceOf(Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) parsed;
      lines.add(object);
    }
  }

  private static List<Map<String, Object>> of(String event) {
    return lines.stream().filter(line -> event.equals(line.get("event"))).toList();
  }

  @Test
  void everyLineHasEventTimeAndConn() {
    assertThat(lines).hasSizeGreaterThan(100).allSatisfy(line -> {
      assertThat(line.get("event")).as("%s", line).isInstanceOf(String.class);
      assertThat(String.valueOf(line.get("time"))).as("%s", line).matches(TIME);
      assertThat(line.get("conn")).as("%s", line).isInstanceOf(Number.class);
    });
    Set<Object> connections = new HashSet<>();
    lines.forEach(line -> connections.add(line.get("conn")));
    assertThat(connections).hasSize(7);
  }

  @Test
  void prefaceNamesTheDirection() {
    assertThat(of("preface")).hasSize(14)
        .allSatisfy(line -> assertThat(line.get("dir")).isIn("client", "server"));
  }

  @Test
  void framesCarryTheirTypesKeys() {
    List<Map<String, Object>> frames = of("frame");
    assertThat(frames).allSatisfy(frame -> {
      assertThat(frame).containsKeys("dir", "type", "stream", "flags", "length");
      assertThat(frame.get("dir")).isIn("client", "server");
      assertThat(frame.get("flags")).isInstanceOf(List.class);
      switch (String.valueOf(frame.get("type"))) {
        case "HEADERS", "CONTINUATION", "PUSH_PROMISE" -> assertThat(frame.get("headers")).isInstanceOf(List.class)
            .satisfies(headers -> assertThat((List<?>) headers).allSatisfy(
                pair -> assertThat((List<?>) pair).hasSize(2)));
        case "SETTINGS" -> {
          assertThat(frame.get("settings")).isInstanceOf(Map.class);
          assertThat(frame.get("ack")).isInstanceOf(Boolean.class);
        }
        case "WINDOW_UPDATE" -> assertThat(frame.get("increment")).isInstanceOf(Number.class);
        case "RST_STREAM" -> assertThat(frame.get("error_code")).isInstanceOf(String.class);
        case "GOAWAY" -> assertThat(frame).containsKeys("error_code", "last_stream", "debug");
        case "PING" -> {
          assertThat(String.valueOf(frame.get("opaque"))).matches("[0-9a-f]{16}");
          assertThat(frame.get("ack")).isInstanceOf(Boolean.class);
        }
        default -> { }
      }
    });
    assertThat(frames).extracting(frame -> frame.get("type"))
        .contains("SETTINGS", "HEADERS", "DATA", "WINDOW_UPDATE", "PING", "RST_STREAM", "GOAWAY");
    assertThat(frames).filteredOn(frame -> "SETTINGS".equals(frame.get("type")))
        .anySatisfy(frame -> assertThat((Map<?, ?>) frame.get("settings")).isNotEmpty());
  }

  @Test
  void stateLinesNameBothStatesAndTheCause() {
    assertThat(of("state")).isNotEmpty().allSatisfy(line -> {
      assertThat(line).containsKeys("stream", "from", "to", "cause");
      assertThat(line.get("from")).isNotEqualTo(line.get("to"));
    });
    assertThat(of("state")).anySatisfy(line -> {
      assertThat(line.get("from")).isEqualTo("idle");
      assertThat(line.get("to")).isEqualTo("open");
    });
  }

  @Test
  void messagesAreDecodedToJsonWithTheDescriptorSet() {
    assertThat(of("message")).isNotEmpty().allSatisfy(line -> {
      assertThat(line).containsKeys("stream", "dir", "method", "length", "compressed");
      assertThat(line.get("compressed")).isEqualTo(false);
      if (line.containsKey("json")) {
        assertThat(line.get("json")).isInstanceOf(Map.class);
      }
    });
    assertThat(of("message")).anySatisfy(line -> assertThat(line.get("json")).isEqualTo(Map.of("name", "shelves/1")));
  }

  @Test
  void callsSummariseStatusAndDuration() {
    assertThat(of("call")).hasSize(7).allSatisfy(line -> {
      assertThat(line).containsKeys("stream", "method", "status", "status_name", "message", "duration_ms");
      assertThat(line.get("duration_ms")).isInstanceOf(Number.class);
    });
    assertThat(of("call")).extracting(line -> line.get("status_name"))
        .contains("OK", "NOT_FOUND", "CANCELLED", "DEADLINE_EXCEEDED");
  }

  @Test
  void findingsHaveSeverityCodeStreamAndText() {
    assertThat(of("finding")).isNotEmpty().allSatisfy(line -> {
      assertThat(line.get("severity")).isIn("info", "warn", "error");
      assertThat(line).containsKeys("code", "stream", "text");
    });
    assertThat(of("finding")).extracting(line -> line.get("code")).contains("DEADLINE_EXCEEDED", "CALL_CANCELLED");
  }

  @Test
  void statusDetailsAreRenderedAsGoogleRpcStatus() {
    assertThat(of("trailers")).anySatisfy(line -> {
      assertThat(line.get("status_name")).isEqualTo("NOT_FOUND");
      assertThat(String.valueOf(line.get("details"))).contains("google.rpc.ErrorInfo");
    });
  }
}
