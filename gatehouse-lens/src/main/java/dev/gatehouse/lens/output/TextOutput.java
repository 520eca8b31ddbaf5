package dev.gatehouse.lens.output;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.ConnectionEndEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.event.PingEvent;
import dev.gatehouse.h2.event.PrefaceEvent;
import dev.gatehouse.h2.event.ProtocolMismatchEvent;
import dev.gatehouse.h2.event.SettingsAckEvent;
import dev.gatehouse.h2.event.StallEndEvent;
import dev.gatehouse.h2.event.StallStartEvent;
import dev.gatehouse.h2.event.StreamStateEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.grpc.GrpcStatus;
import dev.gatehouse.lens.detect.ClientStatus;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.render.CallTracker;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import dev.gatehouse.lens.render.Rendered;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text output: one line per frame in the shape of {@code nghttp -v}, with decoded header fields, gRPC messages as
 * JSON, stream state transitions, findings and a summary per call. Every line starts with the time since the
 * connection opened and the connection id, so several connections can share one output. The format is documented
 * field by field in {@code docs/lens-format.md}.
 *
 * <p>Window changes and violations are not printed (violations come out as findings); JSON Lines has them all.
 */
public final class TextOutput extends LineOutput {

  /** Message JSON longer than this is cut in the text output (JSON Lines keeps it whole). */
  static final int MAX_JSON_CHARS = 2_000;
  private static final int MAX_HEX_BYTES = 32;

  /** Writes to {@code sink}, rendering messages with {@code renderer}, secrets hidden by default. */
  public TextOutput(LineSink sink, PayloadRenderer renderer) {
    this(sink, renderer, Redaction.DEFAULT);
  }

  /** Writes to {@code sink}, rendering messages with {@code renderer}, hiding the values {@code redaction} names. */
  public TextOutput(LineSink sink, PayloadRenderer renderer, Redaction redaction) {
    super(sink, renderer, redaction);
  }

  @Override
  String opened(LensConnection connection) {
    return prefix(connection, connection.openedNanos()) + "connected " + connection.client() + " → upstream "
        + connection.upstream() + " at " + connection.openedAt();
  }

  @Override
  public void onFinding(LensConnection connection, Finding finding) {
    String indent = indent();
    StringBuilder out = new StringBuilder(prefix(connection, finding.timeNanos()))
        .append(finding.severity().name()).append(' ').append(finding.code().name());
    if (finding.streamId() != 0) {
      out.append(" stream ").append(finding.streamId());
    }
    out.append(": ").append(finding.text());
    if (!finding.evidence().isEmpty()) {
      out.append('\n').append(indent).append("evidence: ")
          .append(finding.evidence().stream().map(seq -> "#" + seq).collect(Collectors.joining(", ")));
    }
    if (!finding.fix().isEmpty()) {
      out.append('\n').append(indent).append("fix: ").append(finding.fix());
    }
    sink.write(out.toString());
  }

  @Override
  String dropped(long count) {
    return "lens: " + count + " output entries dropped because the output could not keep up";
  }

  /** The text for one event, or {@code null} for events the text output leaves out. */
  @Override
  String format(LensConnection connection, Event event, CallTracker calls) {
    String prefix = prefix(connection, event.timeNanos());
    if (event instanceof FrameEvent frame) {
      StringBuilder out = new StringBuilder(prefix);
      FrameLines.append(out, indent(), frame, redaction);
      return out.toString();
    }
    if (event instanceof PrefaceEvent preface) {
      return prefix + arrow(preface.direction()) + " connection preface"
          + (preface.direction() == Direction.SERVER ? " (SETTINGS first)" : "");
    }
    if (event instanceof ProtocolMismatchEvent mismatch) {
      return prefix + arrow(mismatch.direction()) + " not HTTP/2: " + mismatch.kind() + " \"" + mismatch.excerpt()
          + "\"";
    }
    if (event instanceof StreamStateEvent state) {
      return prefix + "stream " + state.streamId() + ": " + state.from() + " → " + state.to() + " (" + state.cause()
          + (state.causeSeq() > 0 ? " #" + state.causeSeq() : "") + " from " + state.direction().label() + ")";
    }
    if (event instanceof SettingsAckEvent ack) {
      return prefix + "settings #" + ack.settingsSeq() + " of the " + ack.direction().peer().label()
          + " acknowledged by #" + ack.ackSeq() + " after " + millis(ack.rttNanos());
    }
    if (event instanceof PingEvent ping) {
      return prefix + ping(ping);
    }
    if (event instanceof StallStartEvent stall) {
      return prefix + "stall: the " + stall.dataSender().label() + " is out of "
          + (stall.streamId() == 0 ? "connection window" : "window on stream " + stall.streamId()) + " (window "
          + stall.window() + ", #" + stall.frameSeq() + ")";
    }
    if (event instanceof StallEndEvent stall) {
      return prefix + "stall end: the " + stall.dataSender().label() + " on "
          + (stall.streamId() == 0 ? "the connection" : "stream " + stall.streamId()) + " after "
          + millis(stall.durationNanos()) + " (" + stall.reason()
          + (stall.frameSeq() > 0 ? " #" + stall.frameSeq() : "") + ", window " + stall.window() + ")";
    }
    if (event instanceof MessageEvent message) {
      return prefix + message(message, calls);
    }
    if (event instanceof TrailersEvent trailers) {
      return prefix + trailers(trailers);
    }
    if (event instanceof CallEndEvent end) {
      return prefix + call(end, calls.timeout(end.streamId()));
    }
    if (event instanceof ConnectionEndEvent end) {
      return prefix + "connection "
          + (end.closedBy() == null ? "ended" : "closed by the " + end.closedBy().label()) + ": " + end.frames()
          + " frames, client sent " + end.clientBytes() + " bytes, server sent " + end.serverBytes() + " bytes"
          + (end.clientGoAway() || end.serverGoAway() ? "" : ", no GOAWAY");
    }
    return null;
  }

  private static String ping(PingEvent ping) {
    String what = ping.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + (ping.fingerprint().isEmpty() ? "" : ", " + ping.fingerprint());
    if (!ping.ack()) {
      return "ping #" + ping.seq() + " from the " + ping.direction().label() + ": " + what;
    }
    if (ping.pingSeq() < 0) {
      return "ping ack #" + ping.seq() + " from the " + ping.direction().label() + " answers no ping";
    }
    return "ping ack #" + ping.seq() + " for #" + ping.pingSeq() + " (" + what + ") after " + millis(ping.rttNanos());
  }

  private String message(MessageEvent message, CallTracker calls) {
    StringBuilder out = new StringBuilder(arrow(message.direction())).append(" message stream ")
        .append(message.streamId()).append(" #").append(message.index());
    if (message.method() != null) {
      out.append(' ').append(message.method());
    }
    out.append(" (").append(message.declaredLength() < 0 ? "?" : message.declaredLength()).append(" bytes");
    if (message.compressed()) {
      out.append(", compressed");
    }
    if (message.cut() != null) {
      out.append(", cut off by ").append(message.cut()).append(" after ").append(message.receivedLength())
          .append(" bytes)");
      return out.toString();
    }
    if (message.dataTruncated()) {
      out.append(", too large to decode)");
      return out.toString();
    }
    Rendered rendered = renderer.message(message.method(), message.direction(), message.compressed(),
        calls.encoding(message.direction(), message.streamId()), message.data());
    if (rendered.note() != null && rendered.json() != null) {
      out.append(", ").append(rendered.note());
    }
    out.append("): ");
    if (rendered.json() != null) {
      out.append(cut(rendered.json()));
    } else {
      byte[] data = message.data();
      int shown = Math.min(data.length, MAX_HEX_BYTES);
      out.append(HexFormat.of().formatHex(data, 0, shown)).append(data.length > shown ? "…" : "")
          .append(" (").append(rendered.note()).append(')');
    }
    return out.toString();
  }

  private String trailers(TrailersEvent trailers) {
    StringBuilder out = new StringBuilder("trailers stream ").append(trailers.streamId());
    if (trailers.trailersOnly()) {
      out.append(" (trailers-only, :status ").append(trailers.httpStatus()).append(')');
    }
    out.append(": ");
    out.append(trailers.status() == null ? "no grpc-status" : "grpc-status " + trailers.status());
    if (trailers.message() != null) {
      out.append(", grpc-message \"").append(trailers.message()).append('"');
    }
    byte[] details = trailers.statusDetails();
    if (details != null) {
      Rendered rendered = renderer.statusDetails(details);
      out.append('\n').append(indent()).append("grpc-status-details-bin: ")
          .append(rendered.json() != null ? cut(rendered.json()) : rendered.note());
    }
    return out.toString();
  }

  private static String call(CallEndEvent end, java.time.Duration timeout) {
    GrpcStatus status = ClientStatus.of(end, timeout);
    StringBuilder out = new StringBuilder("call stream ").append(end.streamId());
    if (end.method() != null) {
      out.append(' ').append(end.method());
    }
    out.append(": ");
    if (status == null) {
      out.append("no status");
    } else {
      out.append(status.name()).append(" (").append(status.code()).append(')');
    }
    if (end.message() != null) {
      out.append(" \"").append(end.message()).append('"');
    }
    out.append(", ").append(millis(end.durationNanos())).append(", ").append(end.requestMessages())
        .append(" request / ").append(end.responseMessages()).append(" response messages");
    switch (end.ending()) {
      case TRAILERS:
        if (end.trailersOnly()) {
          out.append(", trailers-only");
        }
        break;
      case RST_STREAM:
        out.append(", status derived from RST_STREAM ").append(end.resetCode()).append(" by the ")
            .append(end.resetBy() == null ? "peer" : end.resetBy().label())
            .append(ClientStatus.resetAtDeadline(end, timeout) ? " at its deadline" : "");
        break;
      case END_STREAM_WITHOUT_STATUS:
        out.append(", ended without grpc-status");
        break;
      case GOAWAY:
        out.append(", refused by GOAWAY");
        break;
      default:
        out.append(", cut off by the connection's end");
        break;
    }
    if (end.httpStatus() != -1 && end.httpStatus() != 200) {
      out.append(", :status ").append(end.httpStatus());
    }
    return out.toString();
  }

  private static String cut(String json) {
    return json.length() <= MAX_JSON_CHARS ? json
        : json.substring(0, MAX_JSON_CHARS) + "… (" + (json.length() - MAX_JSON_CHARS) + " more characters)";
  }

  static String arrow(Direction direction) {
    return direction == Direction.CLIENT ? "C→S" : "S→C";
  }

  /** {@code [  1.234567] c7 }: seconds since the connection opened, with microseconds. */
  private static String prefix(LensConnection connection, long timeNanos) {
    long micros = Math.max(0, connection.sinceOpen(timeNanos)) / 1_000;
    StringBuilder out = new StringBuilder(24).append('[');
    String seconds = Long.toString(micros / 1_000_000);
    out.append("    ", 0, Math.max(0, 4 - seconds.length())).append(seconds).append('.');
    String fraction = Long.toString(micros % 1_000_000);
    out.append("000000", 0, 6 - fraction.length()).append(fraction);
    return out.append("] c").append(connection.id()).append(' ').toString();
  }

  private static String indent() {
    return "              ";
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }
}
