package dev.gatehouse.lens.detect;

/** How bad a finding is. */
public enum Severity {
  /** Worth knowing; nothing is broken (a graceful drain, a cancelled call). */
  INFO,
  /** Likely to hurt: calls will slow down, be retried or fail under other conditions. */
  WARN,
  /** Something failed or breaks the gRPC or HTTP/2 rules. */
  ERROR;

  /** The lowercase name used in outputs: {@code info}, {@code warn}, {@code error}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
