package dev.gatehouse.h2.stream;

/**
 * RFC 9113 §5.1 stream states, from the client's point of view ("local" = the client, "remote" = the server).
 */
public enum StreamState {
  IDLE("idle"),
  RESERVED_LOCAL("reserved (local)"),
  RESERVED_REMOTE("reserved (remote)"),
  OPEN("open"),
  HALF_CLOSED_LOCAL("half-closed (local)"),
  HALF_CLOSED_REMOTE("half-closed (remote)"),
  CLOSED("closed");

  private final String label;

  StreamState(String label) {
    this.label = label;
  }

  /** The RFC's wording, e.g. {@code half-closed (local)}. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
