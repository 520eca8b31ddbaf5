package dev.gatehouse.lens;

import java.util.Locale;

/** The lens's output formats ({@code --format}); {@code docs/lens-format.md} describes both. */
public enum OutputFormat {
  /** One line per frame, like {@code nghttp -v} but gRPC-aware, with findings and call summaries. */
  TEXT,
  /** JSON Lines: one object per event, finding and call. */
  JSONL;

  /** The format named {@code text} or {@code jsonl} (any case). */
  public static OutputFormat parse(String name) {
    for (OutputFormat format : values()) {
      if (format.name().equalsIgnoreCase(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("format: " + name + " (expected: text or jsonl)");
  }

  /** The name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
