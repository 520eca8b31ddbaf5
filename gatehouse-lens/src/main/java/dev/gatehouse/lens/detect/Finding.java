package dev.gatehouse.lens.detect;

import java.util.List;
import java.util.Objects;

/**
 * One diagnosis on a connection.
 *
 * @param timeNanos when the revealing event happened (the decoder's clock)
 * @param severity how bad it is
 * @param code what kind of finding, e.g. {@link FindingCode#MISSING_GRPC_STATUS}
 * @param streamId the stream concerned, or 0 for the connection
 * @param text what happened, in plain words for an on-call engineer
 * @param fix the likely fix, or empty when none is known
 * @param evidence the sequence numbers of the frames that show it (the decoder's {@code seq}), oldest first
 */
public record Finding(long timeNanos, Severity severity, FindingCode code, int streamId, String text, String fix,
    List<Long> evidence) {

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fix, "fix");
    if (streamId < 0) {
      throw new IllegalArgumentException("streamId: " + streamId + " (expected: >= 0)");
    }
    evidence = evidence.stream().filter(seq -> seq > 0).distinct().sorted().toList();
  }
}
