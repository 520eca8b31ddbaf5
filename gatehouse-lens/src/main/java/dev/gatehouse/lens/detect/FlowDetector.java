package dev.gatehouse.lens.detect;

import dev.gatehouse.h2.event.ConnectionEndEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.SettingsAckEvent;
import dev.gatehouse.h2.event.StallEndEvent;
import dev.gatehouse.h2.event.StallStartEvent;
import dev.gatehouse.h2.event.StreamStateEvent;
import dev.gatehouse.h2.frame.Setting;
import dev.gatehouse.h2.stream.StreamState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Flow-control stalls and stream concurrency against the server's SETTINGS_MAX_CONCURRENT_STREAMS. */
final class FlowDetector {

  private final DetectorOptions options;
  private final Consumer<Finding> findings;
  private final Map<Long, StallStartEvent> stalls = new HashMap<>();
  private int shortStalls;
  private long shortStallNanos;
  private long longestShortStall;
  private final List<Long> shortStallEvidence = new ArrayList<>();
  private long concurrencyLimit = -1;
  private int active;
  private boolean limitReported;

  FlowDetector(DetectorOptions options, Consumer<Finding> findings) {
    this.options = options;
    this.findings = findings;
  }

  void onEvent(Event event) {
    if (event instanceof StallStartEvent start) {
      stalls.put(key(start.dataSender(), start.streamId()), start);
    } else if (event instanceof StallEndEvent end) {
      onStallEnd(end);
    } else if (event instanceof SettingsAckEvent ack && ack.direction() == Direction.CLIENT) {
      for (Setting setting : ack.settings()) {
        if (setting.id() == Setting.MAX_CONCURRENT_STREAMS) {
          concurrencyLimit = setting.value();
        }
      }
    } else if (event instanceof StreamStateEvent state) {
      onState(state);
    } else if (event instanceof ConnectionEndEvent end) {
      onEnd(end);
    }
  }

  private void onStallEnd(StallEndEvent end) {
    StallStartEvent start = stalls.remove(key(end.dataSender(), end.streamId()));
    long startSeq = start == null ? -1 : start.frameSeq();
    if (end.durationNanos() < options.stallThreshold().toNanos()) {
      shortStalls++;
      shortStallNanos += end.durationNanos();
      longestShortStall = Math.max(longestShortStall, end.durationNanos());
      if (shortStallEvidence.size() < 4) {
        shortStallEvidence.add(startSeq);
      }
      return;
    }
    String sender = end.dataSender().label();
    String receiver = end.dataSender().peer().label();
    String window = end.streamId() == 0 ? "connection window" : "window on stream " + end.streamId();
    findings.accept(new Finding(end.timeNanos(), Severity.WARN, FindingCode.FLOW_CONTROL_STALL, end.streamId(),
        "the " + sender + " could not send DATA for " + Durations.text(end.durationNanos()) + ": its " + window
            + " was " + (start == null ? "exhausted" : String.valueOf(start.window())) + " and the " + receiver
            + " was not reading (no WINDOW_UPDATE); it ended by " + end.reason(),
        "the " + receiver + "'s application is not consuming messages fast enough (or is blocked); read the "
            + "stream promptly, or raise the initial window (grpc-java flowControlWindow, grpc-go InitialWindowSize)",
        List.of(startSeq, end.frameSeq())));
  }

  private void onState(StreamStateEvent state) {
    boolean client = (state.streamId() & 1) == 1;
    if (!client || state.to() == StreamState.RESERVED_LOCAL || state.to() == StreamState.RESERVED_REMOTE) {
      return;
    }
    if (state.from() == StreamState.IDLE && state.to() != StreamState.CLOSED) {
      active++;
      if (concurrencyLimit > 0 && active >= concurrencyLimit && !limitReported) {
        limitReported = true;
        findings.accept(new Finding(state.timeNanos(), Severity.WARN, FindingCode.STREAMS_AT_LIMIT,
            state.streamId(), "the client has " + active + " streams open, the server's "
                + "SETTINGS_MAX_CONCURRENT_STREAMS: further calls wait in the client's queue until one ends (they "
                + "look slow or hang, with no frame on the wire)",
            "raise the server's max concurrent streams, spread calls over more connections, or keep long-lived "
                + "streams on a channel of their own",
            List.of(state.causeSeq())));
      }
    } else if (state.from() != StreamState.IDLE && state.to() == StreamState.CLOSED) {
      active = Math.max(0, active - 1);
    }
  }

  private void onEnd(ConnectionEndEvent end) {
    if (shortStalls == 0) {
      return;
    }
    findings.accept(new Finding(end.timeNanos(), Severity.INFO, FindingCode.FLOW_CONTROL_WINDOW_EXHAUSTED, 0,
        "flow-control windows reached zero " + shortStalls + " time" + (shortStalls == 1 ? "" : "s")
            + " on this connection (longest " + Durations.text(longestShortStall) + ", total "
            + Durations.text(shortStallNanos) + "): senders waited for WINDOW_UPDATE. Normal for transfers larger "
            + "than the window",
        "if throughput matters, raise the initial window (grpc-java flowControlWindow, grpc-go InitialWindowSize "
            + "and InitialConnWindowSize) or let BDP probing grow it",
        shortStallEvidence));
  }

  private static long key(Direction sender, int streamId) {
    return ((long) streamId << 1) | sender.ordinal();
  }
}
