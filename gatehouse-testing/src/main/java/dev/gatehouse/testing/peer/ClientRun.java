package dev.gatehouse.testing.peer;

import java.util.Objects;

/**
 * What one run of a peer's client gave.
 *
 * @param peer the client's peer
 * @param scenario the scenario it ran
 * @param exitCode the process's exit code (0 when the scenario behaved as expected)
 * @param jsonLine the JSON line it printed, or empty when it printed none
 * @param report {@code jsonLine} read, or {@code null} when it printed none
 * @param output everything the process printed, for failure messages
 */
public record ClientRun(
    ForeignPeer peer, Scenario scenario, int exitCode, String jsonLine, ScenarioReport report, String output) {

  /** Validates the fields. */
  public ClientRun {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(jsonLine, "jsonLine");
    Objects.requireNonNull(output, "output");
  }

  /** Whether the scenario behaved as expected: exit code 0 and a report saying ok. */
  public boolean passed() {
    return exitCode == 0 && report != null && report.ok();
  }

  /** A one-paragraph account for assertion messages. */
  public String describe() {
    return peer.wireName() + " client, scenario " + scenario.wireName() + ": exit code " + exitCode
        + (report == null ? ", no report" : ", " + (report.problem().isEmpty() ? "ok" : report.problem()))
        + "\n  report: " + jsonLine + "\n  output:\n" + output.indent(4);
  }
}
