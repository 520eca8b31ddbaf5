package dev.gatehouse.lens.detect;

import dev.gatehouse.h2.event.ConnectionEndEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.PingEvent;
import dev.gatehouse.h2.event.PingKind;
import dev.gatehouse.h2.event.ProtocolMismatchEvent;
import dev.gatehouse.h2.event.ViolationEvent;
import dev.gatehouse.h2.frame.ErrorCode;
import dev.gatehouse.h2.frame.GoAwayFrame;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Connection-level checks: the preface (HTTP/1.x, TLS), GOAWAY (graceful, error, too_many_pings), unanswered PINGs,
 * a close without GOAWAY, and the decoder's protocol violations.
 */
final class ConnectionDetector {

  /** Client keepalive PING times kept to explain a too_many_pings GOAWAY. */
  private static final int PING_HISTORY = 8;

  private final DetectorOptions options;
  private final Consumer<Finding> findings;
  private final Map<Long, PingEvent> unanswered = new LinkedHashMap<>();
  private final ArrayDeque<Long> clientPingTimes = new ArrayDeque<>();
  private int clientPings;

  ConnectionDetector(DetectorOptions options, Consumer<Finding> findings) {
    this.options = options;
    this.findings = findings;
  }

  void onEvent(Event event) {
    checkPings(event.timeNanos());
    if (event instanceof ProtocolMismatchEvent mismatch) {
      onMismatch(mismatch);
    } else if (event instanceof FrameEvent frame && frame.frame() instanceof GoAwayFrame goAway) {
      onGoAway(frame, goAway);
    } else if (event instanceof PingEvent ping) {
      onPing(ping);
    } else if (event instanceof ViolationEvent violation) {
      onViolation(violation);
    } else if (event instanceof ConnectionEndEvent end) {
      onEnd(end);
    }
  }

  private void onMismatch(ProtocolMismatchEvent mismatch) {
    String who = mismatch.direction().label();
    String excerpt = " (\"" + mismatch.excerpt() + "\")";
    switch (mismatch.kind()) {
      case HTTP1_REQUEST:
        report(mismatch.timeNanos(), Severity.ERROR, FindingCode.HTTP1_ON_HTTP2_PORT, 0,
            "the client spoke HTTP/1.x to an HTTP/2 (h2c) port" + excerpt + "; a gRPC server answers with an "
                + "error or closes the connection",
            "point an HTTP/2 client here (gRPC clients use h2c prior knowledge), or put an HTTP/1-to-gRPC gateway "
                + "in front");
        break;
      case HTTP1_RESPONSE:
        report(mismatch.timeNanos(), Severity.ERROR, FindingCode.HTTP1_ON_HTTP2_PORT, 0,
            "the upstream answered in HTTP/1.x" + excerpt + ": it does not speak HTTP/2 with prior knowledge; "
                + "a gRPC client fails with UNAVAILABLE (\"Failed parsing HTTP/2\")",
            "point the lens at the gRPC server itself, or enable h2c on the proxy in between");
        break;
      case TLS:
        report(mismatch.timeNanos(), Severity.ERROR, FindingCode.TLS_ON_PLAINTEXT_PORT, 0,
            "the " + who + " sent TLS bytes where plaintext HTTP/2 was expected" + excerpt + ": one side uses TLS, "
                + "the other does not",
            "the lens speaks h2c: use a plaintext channel (usePlaintext / insecure credentials) on both sides, "
                + "or terminate TLS before the lens");
        break;
      default:
        report(mismatch.timeNanos(), Severity.ERROR, FindingCode.BAD_PREFACE, 0,
            "the " + who + " did not start with the HTTP/2 connection preface" + excerpt,
            "check that both sides speak HTTP/2 with prior knowledge");
        break;
    }
  }

  private void onGoAway(FrameEvent frame, GoAwayFrame goAway) {
    String who = frame.direction().label();
    String debug = goAway.debugText().isEmpty() ? "" : ", debug data \"" + goAway.debugText() + "\"";
    String last = "last stream " + goAway.lastStreamId();
    if (ErrorCode.ENHANCE_YOUR_CALM.equals(goAway.errorCode()) && goAway.debugText().contains("too_many_pings")) {
      report(frame.timeNanos(), Severity.ERROR, FindingCode.TOO_MANY_PINGS, 0,
          "the " + who + " closed the connection with GOAWAY ENHANCE_YOUR_CALM \"too_many_pings\": the client's "
              + "keepalive pings come more often than the server allows" + pingCadence() + "; calls in flight "
              + "fail with UNAVAILABLE (\"Too many pings\")",
          "raise the client's keepalive time to at least the server's minimum (C-core and grpc-go default 5 min; "
              + "grpc-java permitKeepAliveTime) or allow faster pings on the server (grpc-java "
              + "permitKeepAliveTime/permitKeepAliveWithoutCalls, grpc-go EnforcementPolicy.MinTime, C-core "
              + "grpc.http2.min_ping_interval_without_data_ms)",
          frame.seq());
      return;
    }
    if (goAway.errorCode().code() == 0 && frame.direction() == Direction.CLIENT) {
      report(frame.timeNanos(), Severity.INFO, FindingCode.GOAWAY_GRACEFUL, 0,
          "the client sent GOAWAY NO_ERROR (" + last + debug + "): it is closing the connection, as a channel does "
              + "when it shuts down or idles out",
          "", frame.seq());
      return;
    }
    if (goAway.errorCode().code() == 0) {
      String meaning = goAway.drainAnnouncement()
          ? "it is draining (graceful shutdown or max connection age): calls in flight may finish, new calls go "
              + "to a new connection"
          : "no stream above " + goAway.lastStreamId() + " will be processed; calls up to it may finish";
      report(frame.timeNanos(), Severity.INFO, FindingCode.GOAWAY_GRACEFUL, 0,
          "the " + who + " sent GOAWAY NO_ERROR (" + last + debug + "): " + meaning, "", frame.seq());
      return;
    }
    report(frame.timeNanos(), Severity.ERROR, FindingCode.GOAWAY_ERROR, 0,
        "the " + who + " closed the connection with GOAWAY " + goAway.errorCode() + " (" + last + debug
            + "); calls above stream " + goAway.lastStreamId() + " were not processed and may be retried, calls "
            + "in flight fail with UNAVAILABLE",
        "look at the " + who + "'s logs for the " + goAway.errorCode() + " it reports; the debug data often says "
            + "why",
        frame.seq());
  }

  private String pingCadence() {
    if (clientPings == 0) {
      return "";
    }
    String cadence = " (the client sent " + clientPings + " PING" + (clientPings == 1 ? "" : "s");
    if (clientPingTimes.size() >= 2) {
      long span = clientPingTimes.peekLast() - clientPingTimes.peekFirst();
      cadence += ", the last ones every " + Durations.text(span / (clientPingTimes.size() - 1));
    }
    return cadence + ")";
  }

  private void onPing(PingEvent ping) {
    if (ping.ack()) {
      if (ping.pingSeq() > 0) {
        unanswered.remove(ping.pingSeq());
      }
      return;
    }
    unanswered.put(ping.seq(), ping);
    if (ping.direction() == Direction.CLIENT && ping.kind() != PingKind.BDP_PROBE) {
      clientPings++;
      clientPingTimes.addLast(ping.timeNanos());
      if (clientPingTimes.size() > PING_HISTORY) {
        clientPingTimes.removeFirst();
      }
    }
  }

  /** Reports PINGs that waited longer than the timeout. */
  void checkPings(long nowNanos) {
    long timeout = options.pingTimeout().toNanos();
    for (Iterator<PingEvent> it = unanswered.values().iterator(); it.hasNext(); ) {
      PingEvent ping = it.next();
      if (nowNanos - ping.timeNanos() < timeout) {
        return; // in arrival order: the rest are younger
      }
      it.remove();
      reportUnanswered(ping, nowNanos, "within " + Durations.text(timeout));
    }
  }

  private void reportUnanswered(PingEvent ping, long nowNanos, String when) {
    String who = ping.direction().label();
    report(nowNanos, Severity.WARN, FindingCode.UNANSWERED_PING, 0,
        "the " + who + "'s PING " + String.format("%016x", ping.opaqueData()) + " (" + describe(ping)
            + ") got no ACK " + when + ": the " + ping.direction().peer().label() + " is stuck, overloaded or "
            + "unreachable; a gRPC keepalive watchdog closes the connection with UNAVAILABLE",
        "check the " + ping.direction().peer().label() + "'s health and the network path (a load balancer or NAT "
            + "may have dropped the connection)",
        ping.seq());
  }

  private static String describe(PingEvent ping) {
    return ping.fingerprint().isEmpty() ? ping.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        : ping.fingerprint();
  }

  private void onViolation(ViolationEvent violation) {
    String who = violation.offender().label();
    List<Long> evidence = List.of(violation.frameSeq());
    switch (violation.kind()) {
      case HEADER_LIST_TOO_LARGE:
        findings.accept(new Finding(violation.timeNanos(), Severity.ERROR, FindingCode.HEADERS_TOO_LARGE,
            violation.streamId(), "the " + who + " sent a " + violation.text() + "; the receiver rejects it "
                + "(RESOURCE_EXHAUSTED, RST_STREAM or a closed connection)",
            "make the metadata smaller (big grpc-message or -bin values are the usual culprits) or raise the "
                + "receiver's limit (grpc-java maxInboundMetadataSize, grpc-go MaxHeaderListSize, C-core "
                + "grpc.max_metadata_size)",
            evidence));
        break;
      case TOO_MANY_CONCURRENT_STREAMS:
        findings.accept(new Finding(violation.timeNanos(), Severity.ERROR, FindingCode.TOO_MANY_CONCURRENT_STREAMS,
            violation.streamId(), "the " + who + " opened a stream over the peer's limit: " + violation.text()
                + "; the peer refuses it (RST_STREAM REFUSED_STREAM)",
            "the client must queue calls at SETTINGS_MAX_CONCURRENT_STREAMS (it may have opened them before the "
                + "SETTINGS arrived); raise the server's limit or use more connections",
            evidence));
        break;
      default:
        boolean tolerated = violation.kind().tolerated();
        findings.accept(new Finding(violation.timeNanos(), tolerated ? Severity.INFO : Severity.ERROR,
            tolerated ? FindingCode.LATE_FRAME_AFTER_RESET : FindingCode.PROTOCOL_VIOLATION, violation.streamId(),
            violation.kind() + " by the " + who + ": " + violation.text(),
            tolerated ? "" : "the " + who + "'s HTTP/2 implementation breaks RFC 9113 here; report it to its "
                + "maintainers with this frame sequence",
            evidence));
        break;
    }
  }

  private void onEnd(ConnectionEndEvent end) {
    for (PingEvent ping : unanswered.values()) {
      reportUnanswered(ping, end.timeNanos(), "before the connection ended "
          + Durations.text(end.timeNanos() - ping.timeNanos()) + " later");
    }
    unanswered.clear();
    if (end.closedBy() == null || end.clientGoAway() || end.serverGoAway() || end.frames() == 0) {
      return;
    }
    boolean server = end.closedBy() == Direction.SERVER;
    report(end.timeNanos(), server ? Severity.WARN : Severity.INFO, FindingCode.CLOSED_WITHOUT_GOAWAY, 0,
        "the " + end.closedBy().label() + " closed the connection without a GOAWAY from either side"
            + (server ? ": a crash, an idle timeout of a load balancer or NAT, or a server that skips graceful "
                + "shutdown; calls in flight fail with UNAVAILABLE"
                : "; harmless for an idle connection, but calls in flight are lost"),
        server ? "check the server's shutdown path and any load balancer idle timeout (enable keepalive below it)"
            : "");
  }

  private void report(long timeNanos, Severity severity, FindingCode code, int streamId, String text, String fix,
      long... evidence) {
    List<Long> seqs = new java.util.ArrayList<>();
    for (long seq : evidence) {
      seqs.add(seq);
    }
    findings.accept(new Finding(timeNanos, severity, code, streamId, text, fix, seqs));
  }
}
