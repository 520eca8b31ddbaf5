package dev.gatehouse.h2.flow;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.StallEndEvent;
import dev.gatehouse.h2.event.StallStartEvent;
import dev.gatehouse.h2.event.ViolationEvent;
import dev.gatehouse.h2.event.ViolationKind;
import dev.gatehouse.h2.event.WindowCause;
import dev.gatehouse.h2.event.WindowEvent;
import dev.gatehouse.h2.stream.StreamMap;
import java.util.function.Consumer;

/**
 * The flow-control windows of one connection, both directions: each side's connection-level send window and each
 * live stream's send window per side, all starting at 65,535.
 *
 * <p>Rules as implemented: DATA lowers the sender's stream and connection windows by its whole payload length,
 * padding included; a WINDOW_UPDATE raises the window of the side that receives it (stream 0: the connection
 * window); a change of SETTINGS_INITIAL_WINDOW_SIZE shifts every live stream's window for the side that sends to
 * the settings' sender by the difference (never the connection window), at the moment the ACK for that SETTINGS is
 * seen, which is exactly when the data sender applied it (it ACKs after applying, and its later DATA follows the
 * ACK on the wire). Windows may go negative; DATA that drives a window below zero is a violation, a SETTINGS
 * change that does so is not. A window over 2^31-1 is a violation and is reported as computed.
 *
 * <p>A stall starts when a side that may still send on a stream (it has not ended it) has a stream window, or a
 * connection window while it has such a stream, at or below zero; it ends when the window grows above zero or
 * the stream or connection ends.
 */
public final class FlowControlLedger {

  /** RFC 9113 §6.9.2: the initial window of connections and streams. */
  public static final long DEFAULT_WINDOW = 65_535;

  private static final long MAX_WINDOW = Integer.MAX_VALUE;
  private static final Direction[] SIDES = Direction.values();

  private final Consumer<Event> events;
  private final long[] connection = {DEFAULT_WINDOW, DEFAULT_WINDOW};
  private final long[] initial = {DEFAULT_WINDOW, DEFAULT_WINDOW};
  private final StreamMap<StreamWindows> streams = new StreamMap<>();
  private final int[] sendingStreams = new int[2];
  private final Stall[] connectionStall = new Stall[2];

  /** A ledger reporting to {@code events}. */
  public FlowControlLedger(Consumer<Event> events) {
    this.events = events;
  }

  /** {@code dataSender}'s connection-level send window. */
  public long connectionWindow(Direction dataSender) {
    return connection[dataSender.ordinal()];
  }

  /** {@code dataSender}'s send window on a live stream, or {@code null} when the stream is not live. */
  public Long streamWindow(Direction dataSender, int streamId) {
    StreamWindows windows = streams.get(streamId);
    return windows == null ? null : windows.window[dataSender.ordinal()];
  }

  /**
   * A stream became live; {@code clientSends}/{@code serverSends} say which sides may still send on it. A stream
   * born with no window (SETTINGS_INITIAL_WINDOW_SIZE 0) or on a connection with none starts stalled.
   */
  public void streamOpened(int streamId, boolean clientSends, boolean serverSends, long seq, long timeNanos) {
    if (streams.containsKey(streamId)) {
      return;
    }
    StreamWindows windows = new StreamWindows(initial[0], initial[1]);
    streams.put(streamId, windows);
    if (clientSends) {
      windows.sending[0] = true;
      sendingStreams[0]++;
    }
    if (serverSends) {
      windows.sending[1] = true;
      sendingStreams[1]++;
    }
    for (Direction side : SIDES) {
      checkStreamStall(windows, side, streamId, seq, timeNanos, "stream opened");
      checkConnectionStall(side, seq, timeNanos, "stream opened");
    }
  }

  /** {@code dataSender} ended its side of the stream (END_STREAM): it no longer needs window there. */
  public void sendEnded(Direction dataSender, int streamId, long seq, long timeNanos) {
    StreamWindows windows = streams.get(streamId);
    if (windows != null) {
      sendEnded(windows, dataSender, streamId, seq, timeNanos);
    }
  }

  private void sendEnded(StreamWindows windows, Direction dataSender, int streamId, long seq, long timeNanos) {
    if (!windows.sending[dataSender.ordinal()]) {
      return;
    }
    windows.sending[dataSender.ordinal()] = false;
    sendingStreams[dataSender.ordinal()]--;
    endStall(windows.stall, dataSender, streamId, windows.window[dataSender.ordinal()], "stream closed", seq,
        timeNanos);
    windows.stall[dataSender.ordinal()] = null;
    checkConnectionStall(dataSender, seq, timeNanos, "stream closed");
  }

  /** The stream closed (both ends, reset, or refused by GOAWAY). */
  public void streamClosed(int streamId, long seq, long timeNanos) {
    StreamWindows windows = streams.get(streamId);
    if (windows == null) {
      return;
    }
    for (Direction side : SIDES) {
      sendEnded(windows, side, streamId, seq, timeNanos);
    }
    streams.remove(streamId);
  }

  /**
   * DATA of {@code length} payload bytes (padding included). With {@code endStream} the sender's side of the stream
   * ends here, so exhausting the window with its last frame is no stall.
   */
  public void onData(Direction sender, int streamId, int length, boolean endStream, long seq, long timeNanos) {
    int side = sender.ordinal();
    long before = connection[side];
    connection[side] = before - length;
    events.accept(new WindowEvent(timeNanos, sender, 0, before, connection[side], WindowCause.DATA, seq));
    if (before >= 0 && connection[side] < 0) {
      events.accept(new ViolationEvent(timeNanos, sender, 0, seq, ViolationKind.FLOW_CONTROL_EXCEEDED,
          sender.label() + " sent " + length + " bytes of DATA with a connection window of " + before));
    }
    StreamWindows windows = streams.get(streamId);
    if (windows != null) {
      long streamBefore = windows.window[side];
      windows.window[side] = streamBefore - length;
      events.accept(new WindowEvent(timeNanos, sender, streamId, streamBefore, windows.window[side],
          WindowCause.DATA, seq));
      if (streamBefore >= 0 && windows.window[side] < 0) {
        events.accept(new ViolationEvent(timeNanos, sender, streamId, seq, ViolationKind.FLOW_CONTROL_EXCEEDED,
            sender.label() + " sent " + length + " bytes of DATA on stream " + streamId + " with a window of "
                + streamBefore));
      }
      if (endStream) {
        sendEnded(windows, sender, streamId, seq, timeNanos);
      } else {
        checkStreamStall(windows, sender, streamId, seq, timeNanos, "DATA");
      }
    }
    checkConnectionStall(sender, seq, timeNanos, "DATA");
  }

  /** A WINDOW_UPDATE sent by {@code receiver}, growing its peer's window. */
  public void onWindowUpdate(Direction receiver, int streamId, int increment, long seq, long timeNanos) {
    Direction dataSender = receiver.peer();
    int side = dataSender.ordinal();
    if (increment == 0) {
      events.accept(new ViolationEvent(timeNanos, receiver, streamId, seq, ViolationKind.ZERO_WINDOW_INCREMENT,
          receiver.label() + " sent WINDOW_UPDATE with increment 0"));
      return;
    }
    if (streamId == 0) {
      long before = connection[side];
      connection[side] = before + increment;
      events.accept(new WindowEvent(timeNanos, dataSender, 0, before, connection[side], WindowCause.WINDOW_UPDATE,
          seq));
      overflow(receiver, 0, connection[side], seq, timeNanos);
      checkConnectionStall(dataSender, seq, timeNanos, "WINDOW_UPDATE");
      return;
    }
    StreamWindows windows = streams.get(streamId);
    if (windows == null) {
      return; // a closed stream's update races the close (RFC 9113 §6.9); nothing to account
    }
    long before = windows.window[side];
    windows.window[side] = before + increment;
    events.accept(new WindowEvent(timeNanos, dataSender, streamId, before, windows.window[side],
        WindowCause.WINDOW_UPDATE, seq));
    overflow(receiver, streamId, windows.window[side], seq, timeNanos);
    checkStreamStall(windows, dataSender, streamId, seq, timeNanos, "WINDOW_UPDATE");
  }

  /**
   * The SETTINGS_INITIAL_WINDOW_SIZE that {@code dataSender}'s peer advertised is now in force (its ACK was seen).
   */
  public void onInitialWindowSize(Direction dataSender, long newInitial, long seq, long timeNanos) {
    int side = dataSender.ordinal();
    long delta = newInitial - initial[side];
    initial[side] = newInitial;
    if (delta == 0) {
      return;
    }
    for (int id : streams.ids()) {
      StreamWindows windows = streams.get(id);
      long before = windows.window[side];
      windows.window[side] = before + delta;
      events.accept(new WindowEvent(timeNanos, dataSender, id, before, windows.window[side], WindowCause.SETTINGS,
          seq));
      overflow(dataSender.peer(), id, windows.window[side], seq, timeNanos);
      checkStreamStall(windows, dataSender, id, seq, timeNanos, "SETTINGS");
    }
  }

  /** The connection ended: open stalls end. */
  public void end(long timeNanos) {
    for (int id : streams.ids()) {
      StreamWindows windows = streams.get(id);
      for (Direction side : Direction.values()) {
        endStall(windows.stall, side, id, windows.window[side.ordinal()], "connection closed", -1, timeNanos);
        windows.stall[side.ordinal()] = null;
      }
    }
    for (Direction side : Direction.values()) {
      endStall(connectionStall, side, 0, connection[side.ordinal()], "connection closed", -1, timeNanos);
      connectionStall[side.ordinal()] = null;
    }
  }

  private void overflow(Direction receiver, int streamId, long window, long seq, long timeNanos) {
    if (window > MAX_WINDOW) {
      events.accept(new ViolationEvent(timeNanos, receiver, streamId, seq, ViolationKind.WINDOW_OVERFLOW,
          "window of " + (streamId == 0 ? "the connection" : "stream " + streamId) + " grew to " + window
              + ", over 2^31-1"));
    }
  }

  private void checkStreamStall(StreamWindows windows, Direction dataSender, int streamId, long seq,
      long timeNanos, String reason) {
    int side = dataSender.ordinal();
    boolean stalled = windows.sending[side] && windows.window[side] <= 0;
    if (stalled && windows.stall[side] == null) {
      windows.stall[side] = new Stall(timeNanos);
      events.accept(new StallStartEvent(timeNanos, dataSender, streamId, windows.window[side], seq));
    } else if (!stalled && windows.stall[side] != null) {
      endStall(windows.stall, dataSender, streamId, windows.window[side], reason, seq, timeNanos);
      windows.stall[side] = null;
    }
  }

  private void checkConnectionStall(Direction dataSender, long seq, long timeNanos, String reason) {
    int side = dataSender.ordinal();
    boolean stalled = sendingStreams[side] > 0 && connection[side] <= 0;
    if (stalled && connectionStall[side] == null) {
      connectionStall[side] = new Stall(timeNanos);
      events.accept(new StallStartEvent(timeNanos, dataSender, 0, connection[side], seq));
    } else if (!stalled && connectionStall[side] != null) {
      endStall(connectionStall, dataSender, 0, connection[side], reason, seq, timeNanos);
      connectionStall[side] = null;
    }
  }

  private void endStall(Stall[] stalls, Direction dataSender, int streamId, long window, String reason, long seq,
      long timeNanos) {
    Stall stall = stalls[dataSender.ordinal()];
    if (stall != null) {
      events.accept(new StallEndEvent(timeNanos, dataSender, streamId, stall.startNanos,
          timeNanos - stall.startNanos, window, reason, seq));
    }
  }

  /** A stall in progress. */
  private static final class Stall {
    final long startNanos;

    Stall(long startNanos) {
      this.startNanos = startNanos;
    }
  }

  /** A live stream's send windows and stalls, indexed by {@link Direction#ordinal()}. */
  private static final class StreamWindows {
    final long[] window;
    final boolean[] sending = new boolean[2];
    final Stall[] stall = new Stall[2];

    StreamWindows(long clientWindow, long serverWindow) {
      window = new long[] {clientWindow, serverWindow};
    }
  }
}
