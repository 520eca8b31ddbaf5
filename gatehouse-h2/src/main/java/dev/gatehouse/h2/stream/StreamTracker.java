package dev.gatehouse.h2.stream;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.StreamStateEvent;
import dev.gatehouse.h2.event.ViolationEvent;
import dev.gatehouse.h2.event.ViolationKind;
import dev.gatehouse.h2.frame.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every stream's RFC 9113 §5.1 state on one connection, as seen between the endpoints. Each frame is reported here
 * after its frame event; the tracker emits {@link StreamStateEvent}s for transitions and {@link ViolationEvent}s
 * naming the offender. The methods return what the caller needs to route the frame to the other layers.
 *
 * <p>Closed streams are remembered (up to {@value #REMEMBERED_CLOSED}) so frames on them can be judged: a frame
 * from the side that did not reset a stream is a tolerated late frame, one from the side that did is a violation.
 * A stream id at or below the highest one opened that is not remembered counts as closed.
 */
public final class StreamTracker {

  static final int REMEMBERED_CLOSED = 1024;

  private final Consumer<Event> events;
  private final StreamMap<Stream> active = new StreamMap<>();
  private final StreamMap<Stream> closed = new StreamMap<>();
  /** The remembered closed streams in closing order, a ring: the oldest is forgotten first. */
  private final Stream[] closedOrder = new Stream[REMEMBERED_CLOSED];
  private int closedNext;
  private final int[] highestOpened = new int[2];
  private final long[] maxConcurrent = {Long.MAX_VALUE, Long.MAX_VALUE};
  private final int[] goAwayLastStream = {Integer.MAX_VALUE, Integer.MAX_VALUE};
  private final boolean[] goAwaySent = new boolean[2];
  private final int[] activeCount = new int[2];
  private boolean pushEnabled = true;

  /** A tracker reporting to {@code events}. */
  public StreamTracker(Consumer<Event> events) {
    this.events = events;
  }

  /** The stream's state. */
  public StreamState state(int streamId) {
    Stream stream = active.get(streamId);
    if (stream != null) {
      return stream.state;
    }
    return isKnownClosed(streamId) ? StreamState.CLOSED : StreamState.IDLE;
  }

  /** Whether {@code sender} sent a GOAWAY. */
  public boolean goAwaySent(Direction sender) {
    return goAwaySent[sender.ordinal()];
  }

  /** The receiver's SETTINGS_MAX_CONCURRENT_STREAMS now limits the streams {@code opener} may open. */
  public void setMaxConcurrentStreams(Direction opener, long limit) {
    maxConcurrent[opener.ordinal()] = limit;
  }

  /** The client's SETTINGS_ENABLE_PUSH, once in force. */
  public void setPushEnabled(boolean enabled) {
    pushEnabled = enabled;
  }

  /**
   * A HEADERS frame.
   *
   * @return {@link HeadersRole#REQUEST} when it opened a stream, {@link HeadersRole#PUSH_RESPONSE} when it started
   *     a promised stream's response, {@link HeadersRole#FOLLOWING} for later headers (responses, trailers) on a
   *     live stream, {@link HeadersRole#STRAY} when on a closed or idle stream that it could not open
   */
  public HeadersRole onHeaders(Direction sender, int streamId, boolean endStream, long seq, long timeNanos) {
    Stream stream = active.get(streamId);
    if (stream == null) {
      if (isKnownClosed(streamId)) {
        if (sender == Direction.CLIENT && streamId % 2 == 1 && !closed.containsKey(streamId)) {
          // Never seen: by opening a higher id the client implicitly closed it (RFC 9113 §5.1.1).
          violation(sender, streamId, seq, timeNanos, ViolationKind.DECREASING_STREAM_ID,
              "client opened stream " + streamId + " after stream " + highestOpened[0]);
        } else {
          lateOrViolation(sender, streamId, "HEADERS", seq, timeNanos, true);
        }
        return HeadersRole.STRAY;
      }
      if (sender == Direction.SERVER) {
        violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_ON_IDLE_STREAM,
            "server sent HEADERS on idle stream " + streamId + " (servers open streams only by PUSH_PROMISE)");
        return HeadersRole.STRAY;
      }
      open(sender, streamId, seq, timeNanos);
      stream = active.get(streamId);
      transition(stream, endStream ? StreamState.HALF_CLOSED_LOCAL : StreamState.OPEN, sender, seq, timeNanos,
          endStream ? "HEADERS END_STREAM" : "HEADERS");
      if (endStream) {
        stream.ended[sender.ordinal()] = true;
      }
      return HeadersRole.REQUEST;
    }
    if (stream.state == StreamState.RESERVED_REMOTE) {
      if (sender != Direction.SERVER) {
        violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_AFTER_END_STREAM,
            "client sent HEADERS on stream " + streamId + ", reserved for a server push");
        return HeadersRole.STRAY;
      }
      stream.ended[Direction.CLIENT.ordinal()] = true;
      checkConcurrency(Direction.SERVER, streamId, seq, timeNanos);
      transition(stream, endStream ? StreamState.CLOSED : StreamState.HALF_CLOSED_LOCAL, sender, seq, timeNanos,
          endStream ? "HEADERS END_STREAM" : "HEADERS");
      if (endStream) {
        stream.ended[sender.ordinal()] = true;
        close(stream);
      }
      return HeadersRole.PUSH_RESPONSE;
    }
    if (stream.ended[sender.ordinal()]) {
      violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_AFTER_END_STREAM,
          sender.label() + " sent HEADERS on stream " + streamId + " after its END_STREAM");
      return HeadersRole.STRAY;
    }
    if (endStream) {
      endStream(stream, sender, seq, timeNanos, "HEADERS END_STREAM");
    }
    return HeadersRole.FOLLOWING;
  }

  /**
   * A DATA frame.
   *
   * @return whether the DATA belongs to a live stream and was sent by a side that had not ended it
   */
  public boolean onData(Direction sender, int streamId, boolean endStream, long seq, long timeNanos) {
    Stream stream = active.get(streamId);
    if (stream == null) {
      if (isKnownClosed(streamId)) {
        lateOrViolation(sender, streamId, "DATA", seq, timeNanos, false);
      } else {
        violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_ON_IDLE_STREAM,
            sender.label() + " sent DATA on idle stream " + streamId);
      }
      return false;
    }
    if (stream.state == StreamState.RESERVED_REMOTE || stream.ended[sender.ordinal()]) {
      violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_AFTER_END_STREAM,
          sender.label() + " sent DATA on stream " + streamId + " after its END_STREAM");
      return false;
    }
    if (endStream) {
      endStream(stream, sender, seq, timeNanos, "DATA END_STREAM");
    }
    return true;
  }

  /**
   * An RST_STREAM frame.
   *
   * @return whether it closed a live stream (false for a reset of an idle or already closed stream)
   */
  public boolean onRstStream(Direction sender, int streamId, ErrorCode code, long seq, long timeNanos) {
    Stream stream = active.get(streamId);
    if (stream == null) {
      if (isKnownClosed(streamId)) {
        Stream old = closed.get(streamId);
        if (old != null && old.resetBy == sender) {
          violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_AFTER_RST_STREAM,
              sender.label() + " reset stream " + streamId + " again (" + code.name() + ")");
        }
      } else {
        violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_ON_IDLE_STREAM,
            sender.label() + " sent RST_STREAM on idle stream " + streamId);
      }
      return false;
    }
    stream.resetBy = sender;
    transition(stream, StreamState.CLOSED, sender, seq, timeNanos, "RST_STREAM " + code.name());
    close(stream);
    return true;
  }

  /** A WINDOW_UPDATE on a stream; a violation only on an idle stream (after close it may race, §6.9). */
  public void onWindowUpdate(Direction sender, int streamId, long seq, long timeNanos) {
    if (!active.containsKey(streamId) && !isKnownClosed(streamId)) {
      violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_ON_IDLE_STREAM,
          sender.label() + " sent WINDOW_UPDATE on idle stream " + streamId);
    }
  }

  /**
   * A PUSH_PROMISE.
   *
   * @return whether the promised stream was reserved
   */
  public boolean onPushPromise(Direction sender, int streamId, int promisedId, long seq, long timeNanos) {
    if (sender == Direction.CLIENT || !pushEnabled) {
      violation(sender, streamId, seq, timeNanos, ViolationKind.PUSH_NOT_ALLOWED, sender == Direction.CLIENT
          ? "client sent PUSH_PROMISE" : "server sent PUSH_PROMISE although the client disabled push");
    }
    Stream parent = active.get(streamId);
    if (parent == null || parent.ended[sender.ordinal()]) {
      violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_ON_CLOSED_STREAM,
          "PUSH_PROMISE on stream " + streamId + ", which " + sender.label() + " cannot send on");
    }
    if (active.containsKey(promisedId) || isKnownClosed(promisedId) || promisedId <= highestOpened[1]) {
      violation(sender, promisedId, seq, timeNanos, ViolationKind.DECREASING_STREAM_ID,
          "PUSH_PROMISE promised stream " + promisedId + ", not a new stream id");
      return false;
    }
    open(Direction.SERVER, promisedId, seq, timeNanos);
    transition(active.get(promisedId), StreamState.RESERVED_REMOTE, sender, seq, timeNanos, "PUSH_PROMISE");
    return true;
  }

  /**
   * A GOAWAY: the sender will not process the streams its peer opened above {@code lastStreamId}.
   *
   * @return the live streams it thereby closed (the peer may retry them elsewhere)
   */
  public List<Integer> onGoAway(Direction sender, int lastStreamId, long seq, long timeNanos) {
    goAwaySent[sender.ordinal()] = true;
    goAwayLastStream[sender.ordinal()] = Math.min(goAwayLastStream[sender.ordinal()], lastStreamId);
    List<Integer> refused = new ArrayList<>(0);
    Direction opener = sender.peer();
    for (Stream stream : active.values()) {
      if (stream.opener == opener && stream.id > lastStreamId) {
        refused.add(stream.id);
      }
    }
    refused.sort(null);
    for (int id : refused) {
      Stream stream = active.get(id);
      transition(stream, StreamState.CLOSED, sender, seq, timeNanos, "GOAWAY last_stream " + lastStreamId);
      close(stream);
    }
    return refused;
  }

  /** The connection ended: every live stream closes, in id order. */
  public void closeAll(Direction closer, long timeNanos) {
    for (int id : active.ids()) {
      Stream stream = active.get(id);
      transition(stream, StreamState.CLOSED, closer, -1, timeNanos, "connection closed");
      close(stream);
    }
  }

  private void open(Direction opener, int streamId, long seq, long timeNanos) {
    int highest = highestOpened[opener.ordinal()];
    if (opener == Direction.CLIENT && streamId % 2 == 0) {
      violation(opener, streamId, seq, timeNanos, ViolationKind.EVEN_CLIENT_STREAM_ID,
          "client opened stream " + streamId + " with an even id (client streams are odd)");
    }
    if (streamId <= highest) {
      violation(opener, streamId, seq, timeNanos, ViolationKind.DECREASING_STREAM_ID,
          opener.label() + " opened stream " + streamId + " after stream " + highest);
    } else {
      highestOpened[opener.ordinal()] = streamId;
    }
    if (goAwaySent[opener.peer().ordinal()] && streamId > goAwayLastStream[opener.peer().ordinal()]) {
      violation(opener, streamId, seq, timeNanos, ViolationKind.STREAM_AFTER_GOAWAY,
          opener.label() + " opened stream " + streamId + " after a GOAWAY with last stream "
              + goAwayLastStream[opener.peer().ordinal()]);
    }
    if (opener == Direction.CLIENT) {
      checkConcurrency(opener, streamId, seq, timeNanos);
    }
    closed.remove(streamId);
    active.put(streamId, new Stream(streamId, opener));
  }

  private void checkConcurrency(Direction opener, int streamId, long seq, long timeNanos) {
    long limit = maxConcurrent[opener.ordinal()];
    if (limit != Long.MAX_VALUE) {
      int open = activeCount[opener.ordinal()];
      if (open >= limit) {
        violation(opener, streamId, seq, timeNanos, ViolationKind.TOO_MANY_CONCURRENT_STREAMS,
            opener.label() + " opened stream " + streamId + " with " + open + " streams already open; the "
                + opener.peer().label() + "'s SETTINGS_MAX_CONCURRENT_STREAMS is " + limit);
      }
    }
  }

  private void endStream(Stream stream, Direction sender, long seq, long timeNanos, String cause) {
    stream.ended[sender.ordinal()] = true;
    StreamState to;
    if (stream.ended[0] && stream.ended[1]) {
      to = StreamState.CLOSED;
    } else {
      to = sender == Direction.CLIENT ? StreamState.HALF_CLOSED_LOCAL : StreamState.HALF_CLOSED_REMOTE;
    }
    transition(stream, to, sender, seq, timeNanos, cause);
    if (to == StreamState.CLOSED) {
      close(stream);
    }
  }

  private void lateOrViolation(Direction sender, int streamId, String what, long seq, long timeNanos,
      boolean headers) {
    Stream old = closed.get(streamId);
    if (old != null && old.resetBy != null) {
      if (old.resetBy != sender) {
        violation(sender, streamId, seq, timeNanos, ViolationKind.LATE_FRAME_AFTER_RESET,
            sender.label() + " sent " + what + " on stream " + streamId + " after the " + old.resetBy.label()
                + " reset it (frames crossed)");
      } else {
        violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_AFTER_RST_STREAM,
            sender.label() + " sent " + what + " on stream " + streamId + " after resetting it");
      }
      return;
    }
    if (old != null && old.ended[sender.ordinal()]) {
      violation(sender, streamId, seq, timeNanos, ViolationKind.FRAME_AFTER_END_STREAM,
          sender.label() + " sent " + what + " on stream " + streamId + " after its END_STREAM");
      return;
    }
    violation(sender, streamId, seq, timeNanos,
        headers ? ViolationKind.HEADERS_ON_CLOSED_STREAM : ViolationKind.FRAME_ON_CLOSED_STREAM,
        sender.label() + " sent " + what + " on closed stream " + streamId);
  }

  private boolean isKnownClosed(int streamId) {
    if (closed.containsKey(streamId)) {
      return true;
    }
    Direction opener = streamId % 2 == 1 ? Direction.CLIENT : Direction.SERVER;
    return streamId != 0 && streamId <= highestOpened[opener.ordinal()] && !active.containsKey(streamId);
  }

  private void close(Stream stream) {
    active.remove(stream.id);
    Stream oldest = closedOrder[closedNext];
    // The slot may hold a stream reopened (and remembered again) since: forget it only if still the one kept.
    if (oldest != null && closed.get(oldest.id) == oldest) {
      closed.remove(oldest.id);
    }
    closedOrder[closedNext] = stream;
    closedNext = (closedNext + 1) % REMEMBERED_CLOSED;
    closed.put(stream.id, stream);
  }

  private void transition(Stream stream, StreamState to, Direction sender, long seq, long timeNanos, String cause) {
    StreamState from = stream.state;
    stream.state = to;
    boolean counts = to == StreamState.OPEN || to == StreamState.HALF_CLOSED_LOCAL
        || to == StreamState.HALF_CLOSED_REMOTE;
    if (counts != stream.counted) {
      stream.counted = counts;
      activeCount[stream.opener.ordinal()] += counts ? 1 : -1;
    }
    events.accept(new StreamStateEvent(timeNanos, stream.id, from, to, sender, seq, cause));
  }

  private void violation(Direction offender, int streamId, long seq, long timeNanos, ViolationKind kind,
      String text) {
    events.accept(new ViolationEvent(timeNanos, offender, streamId, seq, kind, text));
  }

  /** One stream's bookkeeping. */
  private static final class Stream {
    final int id;
    final Direction opener;
    final boolean[] ended = new boolean[2];
    StreamState state = StreamState.IDLE;
    Direction resetBy;
    boolean counted;

    Stream(int id, Direction opener) {
      this.id = id;
      this.opener = opener;
    }
  }
}
