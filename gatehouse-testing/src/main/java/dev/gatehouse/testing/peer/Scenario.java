package dev.gatehouse.testing.peer;

/**
 * A client scenario, the same in every peer: one call shape, one expected outcome. The peer's client prints a
 * {@link ScenarioReport} and exits 0 only when the outcome was the expected one.
 */
public enum Scenario {
  /** GetShelf {@code shelves/1}: OK with theme {@code theme-1}. */
  UNARY("unary"),
  /** WatchShelf {@code shelves/5}: five books in order, then OK. */
  SERVER_STREAM("server-stream"),
  /** BulkCreateBooks with five requests: {@code created} is 5. */
  CLIENT_STREAM("client-stream"),
  /** Chat, three messages sent one at a time, each reply awaited before the next message. */
  BIDI("bidi"),
  /** GetShelf {@code shelves/missing}: NOT_FOUND with an ErrorInfo and a ResourceInfo in the status details. */
  ERROR("error"),
  /** GetShelf {@code shelves/slow} with a 300 ms deadline: DEADLINE_EXCEEDED. */
  DEADLINE("deadline"),
  /** WatchShelf {@code shelves/slow-50}, cancelled by the client after the second book: CANCELLED. */
  CANCEL("cancel"),
  /** Echo of a 1 MiB {@code bytes_value}, larger than the 64 KiB initial flow-control window: equal bytes back. */
  LARGE("large"),
  /** Echo with {@code x-echo-id: 7} and {@code authorization}: echoed in header and trailer metadata. */
  METADATA("metadata");

  private final String wireName;

  Scenario(String wireName) {
    this.wireName = wireName;
  }

  /** The name the peers' command line takes ({@code --scenario server-stream}). */
  public String wireName() {
    return wireName;
  }

  /** The scenario named {@code wireName} on the peers' command line. */
  public static Scenario fromWireName(String wireName) {
    for (Scenario scenario : values()) {
      if (scenario.wireName.equals(wireName)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException("scenario: " + wireName + " (expected: one of unary, server-stream, "
        + "client-stream, bidi, error, deadline, cancel, large, metadata)");
  }
}
