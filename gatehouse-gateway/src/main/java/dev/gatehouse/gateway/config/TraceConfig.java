package dev.gatehouse.gateway.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How the gateway shows the HTTP/2 frames of its own upstream calls ({@code docs/lens.md}, "Following a REST request
 * down to its frames"). The gateway only taps the bytes; the decoding and these outputs are the lens's, wired by the
 * CLI.
 *
 * @param all trace every call ({@code --trace}); otherwise only requests carrying {@code X-Gatehouse-Trace: 1}
 * @param onRequest whether a request may ask for its own trace with {@code X-Gatehouse-Trace: 1} (default: yes);
 *     off, a client cannot make the gateway open a traced connection or write its metadata to the trace
 * @param format the lens output format of the trace, {@code text} or {@code jsonl}
 * @param output the file the trace is written to (created or truncated), or {@code null} for standard error
 * @param ui where to serve the lens's live view of the upstream traffic, or {@code null} for none
 * @param showSecrets whether the trace and its view show credentials and cookies ({@code authorization},
 *     {@code cookie}, …) as sent ({@code --trace-show-secrets}); by default they are redacted
 */
public record TraceConfig(boolean all, boolean onRequest, String format, Path output, HostPort ui,
    boolean showSecrets) {

  /** Nothing traced unless a request asks, as text to standard error, no view, secrets redacted. */
  public static final TraceConfig DEFAULT = new TraceConfig(false, true, "text", null, null, false);

  public TraceConfig {
    requireNonNull(format, "traceFormat");
    if (!format.equals("text") && !format.equals("jsonl")) {
      throw new IllegalArgumentException("traceFormat: " + format + " (expected: text or jsonl)");
    }
  }
}
