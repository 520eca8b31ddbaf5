package dev.gatehouse.testing.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioReportTest {

  @Test
  void reportReadsBackWhatItWrites() {
    ScenarioReport report = new ScenarioReport("java", "error", true, 5, "shelf \"x\" not found", 0,
        List.of("google.rpc.ErrorInfo", "google.rpc.ResourceInfo"), "SHELF_NOT_FOUND", "go",
        Map.of("x-peer", "go"), Map.of("x-trailer-id", "7"), "");

    assertThat(ScenarioReport.parse(report.toJson())).isEqualTo(report);
  }

  @Test
  void missingKeysTakeTheirEmptyValue() {
    ScenarioReport report = ScenarioReport.parse("{\"peer\":\"node\",\"ok\":false}");

    assertThat(report.ok()).isFalse();
    assertThat(report.code()).isEqualTo(-1);
    assertThat(report.details()).isEmpty();
    assertThat(report.problem()).isEmpty();
  }

  @Test
  void lineThatIsNoObjectIsRejected() {
    assertThatThrownBy(() -> ScenarioReport.parse("[1]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("report: [1] (expected: a JSON object)");
  }

  @Test
  void scenarioIsFoundByItsCommandLineName() {
    assertThat(Scenario.fromWireName("server-stream")).isEqualTo(Scenario.SERVER_STREAM);
    assertThatThrownBy(() -> Scenario.fromWireName("stream"))
        .hasMessageStartingWith("scenario: stream (expected: one of unary,");
  }
}
