package dev.gatehouse.lens.detect;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallEnding;
import dev.gatehouse.h2.frame.ErrorCode;
import dev.gatehouse.h2.grpc.GrpcStatus;
import java.time.Duration;

/**
 * The status the client reports for a call, where it differs from what the wire says: a call reset with CANCEL once
 * its deadline passed (by the client's timer, or by the server's, which also runs from {@code grpc-timeout}) is
 * reported as DEADLINE_EXCEEDED, not CANCELLED. Used by the detectors and the
 * outputs alike, so the call summary and the findings agree.
 */
public final class ClientStatus {

  private static final GrpcStatus DEADLINE_EXCEEDED = new GrpcStatus(4);

  private ClientStatus() {}

  /** The call's status as its client reports it, or {@code null} when none applies. */
  public static GrpcStatus of(CallEndEvent end, Duration timeout) {
    return resetAtDeadline(end, timeout) || closedAtDeadline(end, timeout) ? DEADLINE_EXCEEDED : end.status();
  }

  /**
   * Whether the client closed the whole connection with the call open once its {@code grpc-timeout} ran out: a
   * client process that exits as its call fails (a command-line tool, a test) closes the socket in the same instant
   * its transport would have sent RST_STREAM, and either may reach the wire first.
   */
  public static boolean closedAtDeadline(CallEndEvent end, Duration timeout) {
    return timeout != null && end.ending() == CallEnding.CONNECTION_CLOSED
        && deadlinePassed(timeout, end.durationNanos());
  }

  /** Whether a side reset the call with CANCEL once its {@code grpc-timeout} ran out. */
  public static boolean resetAtDeadline(CallEndEvent end, Duration timeout) {
    return timeout != null && ErrorCode.CANCEL.equals(end.resetCode())
        && deadlinePassed(timeout, end.durationNanos());
  }

  /**
   * Whether the call ran for about its timeout. The client's timer starts before its HEADERS reach the lens, and on a
   * loaded machine the lens may read the HEADERS late, so a reset up to 50 ms (or a tenth of the timeout, if more)
   * early still counts.
   */
  static boolean deadlinePassed(Duration timeout, long elapsedNanos) {
    long budget = timeout.toNanos();
    long slack = Math.max(50_000_000L, budget / 10);
    return elapsedNanos >= budget - slack;
  }
}
