package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.PingEvent;
import dev.gatehouse.h2.event.PingKind;
import dev.gatehouse.h2.frame.PingFrame;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * Classifies PINGs by payload fingerprint (reference/h2-inspection.md §3.11) and pairs each ACK with the oldest
 * unanswered PING of the same payload from the other side, for the round-trip time.
 */
final class PingTracker {

  /** Unanswered pings kept per side; older ones are forgotten (and their ACKs reported unmatched). */
  private static final int MAX_OUTSTANDING = 64;

  private final List<ArrayDeque<Outstanding>> outstanding = List.of(new ArrayDeque<>(), new ArrayDeque<>());
  private final boolean[] draining = new boolean[2];


  /** {@code sender} announced a graceful drain (GOAWAY 2^31-1, NO_ERROR), or ended it with its final GOAWAY. */
  void drainAnnounced(Direction sender, boolean announced) {
    draining[sender.ordinal()] = announced;
  }

  PingEvent onPing(Direction sender, PingFrame frame, long seq, long timeNanos) {
    long opaque = frame.opaqueData();
    if (!frame.ack()) {
      PingKind kind = kind(opaque);
      String fingerprint = fingerprint(opaque);
      if (kind == PingKind.UNCLASSIFIED && draining[sender.ordinal()]) {
        kind = PingKind.GRACEFUL_SHUTDOWN;
        fingerprint = "ping after a drain GOAWAY";
      }
      ArrayDeque<Outstanding> queue = outstanding.get(sender.ordinal());
      if (queue.size() == MAX_OUTSTANDING) {
        queue.removeFirst();
      }
      queue.addLast(new Outstanding(opaque, seq, timeNanos, kind, fingerprint));
      return new PingEvent(timeNanos, sender, seq, false, opaque, kind, fingerprint, -1, -1);
    }
    for (Iterator<Outstanding> it = outstanding.get(sender.peer().ordinal()).iterator(); it.hasNext(); ) {
      Outstanding ping = it.next();
      if (ping.opaque == opaque) {
        it.remove();
        return new PingEvent(timeNanos, sender, seq, true, opaque, ping.kind, ping.fingerprint, ping.seq,
            timeNanos - ping.timeNanos);
      }
    }
    return new PingEvent(timeNanos, sender, seq, true, opaque, kind(opaque), fingerprint(opaque), -1, -1);
  }

  private static PingKind kind(long opaque) {
    if (opaque == 1234L || opaque == 0x0204101009_0e0707L) {
      return PingKind.BDP_PROBE;
    }
    if (opaque == 1111L || opaque == 0xDEADL) {
      return PingKind.KEEPALIVE;
    }
    if (opaque == 0x97ACEF001L || opaque == 0x0106010800030309L) {
      return PingKind.GRACEFUL_SHUTDOWN;
    }
    if (opaque >= 0 && opaque < 1024) {
      return PingKind.COUNTER;
    }
    return PingKind.UNCLASSIFIED;
  }

  private static String fingerprint(long opaque) {
    if (opaque == 1234L) {
      return "grpc-java BDP probe";
    }
    if (opaque == 0x0204101009_0e0707L) {
      return "grpc-go BDP probe";
    }
    if (opaque == 1111L) {
      return "grpc-java client keepalive";
    }
    if (opaque == 0xDEADL) {
      return "grpc-java server keepalive";
    }
    if (opaque == 0x97ACEF001L) {
      return "grpc-java graceful-shutdown ping";
    }
    if (opaque == 0x0106010800030309L) {
      return "grpc-go GOAWAY ping";
    }
    if (opaque >= 0 && opaque < 1024) {
      return opaque == 0 ? "zero payload (grpc-go keepalive or a counter)" : "counter (gRPC C-core)";
    }
    return "";
  }

  /** A PING waiting for its ACK. */
  private static final class Outstanding {
    final long opaque;
    final long seq;
    final long timeNanos;
    final PingKind kind;
    final String fingerprint;

    Outstanding(long opaque, long seq, long timeNanos, PingKind kind, String fingerprint) {
      this.opaque = opaque;
      this.seq = seq;
      this.timeNanos = timeNanos;
      this.kind = kind;
      this.fingerprint = fingerprint;
    }
  }
}
