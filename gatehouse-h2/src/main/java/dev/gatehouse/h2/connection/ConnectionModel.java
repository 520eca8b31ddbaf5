package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.event.ConnectionEndEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.MismatchKind;
import dev.gatehouse.h2.event.PingEvent;
import dev.gatehouse.h2.event.PrefaceEvent;
import dev.gatehouse.h2.event.ProtocolMismatchEvent;
import dev.gatehouse.h2.event.SettingsAckEvent;
import dev.gatehouse.h2.event.ViolationEvent;
import dev.gatehouse.h2.event.ViolationKind;
import dev.gatehouse.h2.flow.FlowControlLedger;
import dev.gatehouse.h2.frame.ContinuationFrame;
import dev.gatehouse.h2.frame.DataFrame;
import dev.gatehouse.h2.frame.FrameType;
import dev.gatehouse.h2.frame.GoAwayFrame;
import dev.gatehouse.h2.frame.HeadersFrame;
import dev.gatehouse.h2.frame.Http2Frame;
import dev.gatehouse.h2.frame.Http2FrameParser;
import dev.gatehouse.h2.frame.MalformedFrame;
import dev.gatehouse.h2.frame.PingFrame;
import dev.gatehouse.h2.frame.PushPromiseFrame;
import dev.gatehouse.h2.frame.RstStreamFrame;
import dev.gatehouse.h2.frame.Setting;
import dev.gatehouse.h2.frame.SettingsFrame;
import dev.gatehouse.h2.frame.WindowUpdateFrame;
import dev.gatehouse.h2.grpc.CallAssembler;
import dev.gatehouse.h2.hpack.HeaderBlock;
import dev.gatehouse.h2.stream.HeadersRole;
import dev.gatehouse.h2.stream.StreamState;
import dev.gatehouse.h2.stream.StreamTracker;
import java.util.function.Consumer;

/**
 * The connection as both endpoints see it: each frame from the {@link FrameReader}s is decoded, reported, then
 * handed to the layers (stream states, flow control, gRPC calls) in that order, with the settings, HPACK tables
 * and pings of both sides kept here.
 */
final class ConnectionModel implements FrameReader.Sink {

  private final Consumer<Event> events;
  private final StreamTracker streams;
  private final FlowControlLedger windows;
  private final CallAssembler calls;
  private final PingTracker pings = new PingTracker();
  private final PeerSettings[] settings = {new PeerSettings(), new PeerSettings()};
  private final HeaderBlockAssembler[] blocks;
  private final boolean[] firstFrameSeen = new boolean[2];
  private long frames;
  private boolean ended;

  ConnectionModel(Consumer<Event> events, DecoderOptions options) {
    this.events = events;
    this.streams = new StreamTracker(events);
    this.windows = new FlowControlLedger(events);
    this.calls = new CallAssembler(events, options.maxMessageBytes());
    this.blocks = new HeaderBlockAssembler[] {
      new HeaderBlockAssembler(options.maxHeaderBlockBytes()), new HeaderBlockAssembler(options.maxHeaderBlockBytes())
    };
  }

  long frames() {
    return frames;
  }

  boolean ended() {
    return ended;
  }

  PeerSettings settings(Direction sender) {
    return settings[sender.ordinal()];
  }

  StreamTracker streams() {
    return streams;
  }

  FlowControlLedger windows() {
    return windows;
  }

  @Override
  public void preface(Direction direction, long timeNanos) {
    events.accept(new PrefaceEvent(timeNanos, direction));
  }

  @Override
  public void mismatch(Direction direction, MismatchKind kind, String excerpt, long timeNanos) {
    events.accept(new ProtocolMismatchEvent(timeNanos, direction, kind, excerpt));
    if (direction == Direction.CLIENT && kind == MismatchKind.BAD_PREFACE) {
      violation(direction, 0, -1, timeNanos, ViolationKind.BAD_CLIENT_PREFACE,
          "client's first bytes are not the connection preface: " + excerpt);
    }
  }

  @Override
  public void truncated(Direction direction, int have, int need, long timeNanos) {
    violation(direction, 0, -1, timeNanos, ViolationKind.MALFORMED_FRAME,
        direction.label() + " closed the connection inside a frame (" + have + " of " + need + " bytes)");
  }

  @Override
  public void frameTooLarge(Direction direction, int type, int flags, int streamId, int length, long timeNanos) {
    long seq = ++frames;
    Http2Frame frame = Http2FrameParser.tooLarge(type, flags, streamId, length, length);
    firstFrameSeen[direction.ordinal()] = true;
    events.accept(new FrameEvent(timeNanos, direction, seq, frame, null));
    violation(direction, streamId, seq, timeNanos, ViolationKind.FRAME_TOO_LARGE,
        "frame of " + length + " bytes is too large to decode; skipped");
  }

  @Override
  public void frame(Direction dir, int type, int flags, int streamId, byte[] src, int offset, int length,
      long timeNanos) {
    long seq = ++frames;
    Http2Frame frame = Http2FrameParser.parse(type, flags, streamId, src, offset, length);
    boolean firstFrame = !firstFrameSeen[dir.ordinal()];
    boolean settingsFirst = frame instanceof SettingsFrame && !((SettingsFrame) frame).ack();
    if (firstFrame) {
      firstFrameSeen[dir.ordinal()] = true;
      if (dir == Direction.SERVER && settingsFirst) {
        events.accept(new PrefaceEvent(timeNanos, dir));
      }
    }
    HeaderBlock block = headerBlock(dir, frame, src, offset, seq, timeNanos);
    events.accept(new FrameEvent(timeNanos, dir, seq, frame, block));
    if (firstFrame && !settingsFirst) {
      violation(dir, streamId, seq, timeNanos, ViolationKind.FIRST_FRAME_NOT_SETTINGS,
          dir.label() + "'s first frame is " + frame.type() + ", not SETTINGS (RFC 9113 §3.4)");
    }
    dispatch(dir, frame, src, offset, seq, timeNanos);
    if (block != null) {
      headerBlockDone(dir, block, seq, timeNanos);
    }
  }

  /** Collects header block fragments; returns the decoded block when this frame ends one. */
  private HeaderBlock headerBlock(Direction dir, Http2Frame frame, byte[] src, int offset, long seq,
      long timeNanos) {
    HeaderBlockAssembler assembler = blocks[dir.ordinal()];
    if (assembler.open() && !(frame instanceof ContinuationFrame && frame.streamId() == assembler.streamId())) {
      violation(dir, frame.streamId(), seq, timeNanos, ViolationKind.CONTINUATION_INTERLEAVED,
          frame.type() + " on stream " + frame.streamId() + " while the header block of stream "
              + assembler.streamId() + " awaited CONTINUATION");
      assembler.abandon();
    }
    if (frame instanceof HeadersFrame) {
      HeadersFrame headers = (HeadersFrame) frame;
      return assembler.firstFragment(headers.streamId(), headers.endStream(), false, headers.endHeaders(), src,
          offset + headers.length() - headers.padLength() - headers.fragmentLength(), headers.fragmentLength());
    } else if (frame instanceof PushPromiseFrame) {
      PushPromiseFrame push = (PushPromiseFrame) frame;
      return assembler.firstFragment(push.streamId(), false, true, push.endHeaders(), src,
          offset + push.length() - push.padLength() - push.fragmentLength(), push.fragmentLength());
    } else if (frame instanceof ContinuationFrame) {
      if (!assembler.open()) {
        violation(dir, frame.streamId(), seq, timeNanos, ViolationKind.CONTINUATION_INTERLEAVED,
            "CONTINUATION on stream " + frame.streamId() + " without a header block to continue");
        return null;
      }
      assembler.append(src, offset, frame.length());
      if (((ContinuationFrame) frame).endHeaders()) {
        return assembler.finish();
      }
    }
    return null;
  }

  private void dispatch(Direction dir, Http2Frame frame, byte[] src, int offset, long seq, long timeNanos) {
    if (!streamIdFits(dir, frame, seq, timeNanos)) {
      return;
    }
    int streamId = frame.streamId();
    long maxFrame = Math.max(settings[dir.peer().ordinal()].inForce(Setting.MAX_FRAME_SIZE),
        settings[dir.peer().ordinal()].advertised(Setting.MAX_FRAME_SIZE));
    if (frame.length() > maxFrame) {
      violation(dir, streamId, seq, timeNanos, ViolationKind.FRAME_TOO_LARGE, frame.type() + " of "
          + frame.length() + " bytes exceeds the " + dir.peer().label() + "'s SETTINGS_MAX_FRAME_SIZE " + maxFrame);
    }
    switch (frame.type()) {
      case DATA:
        if (frame instanceof DataFrame) {
          DataFrame data = (DataFrame) frame;
          boolean live = streams.onData(dir, streamId, data.endStream(), seq, timeNanos);
          windows.onData(dir, streamId, data.length(), data.endStream() && live, seq, timeNanos);
          if (live) {
            int dataOffset = offset + data.length() - data.padLength() - data.dataLength();
            calls.onData(dir, streamId, src, dataOffset, data.dataLength(), data.endStream(), seq, timeNanos);
            closeWindowsIfClosed(streamId, seq, timeNanos);
          }
        }
        break;
      case HEADERS:
        if (frame instanceof HeadersFrame) {
          HeadersFrame headers = (HeadersFrame) frame;
          HeadersRole role = streams.onHeaders(dir, streamId, headers.endStream(), seq, timeNanos);
          if (role == HeadersRole.REQUEST) {
            windows.streamOpened(streamId, !headers.endStream(), true, seq, timeNanos);
          } else if (role == HeadersRole.PUSH_RESPONSE && headers.endStream()) {
            windows.streamClosed(streamId, seq, timeNanos);
          } else if (role == HeadersRole.FOLLOWING && headers.endStream()) {
            windows.sendEnded(dir, streamId, seq, timeNanos);
            closeWindowsIfClosed(streamId, seq, timeNanos);
          }
          blocks[dir.ordinal()].role(role);
        }
        break;
      case RST_STREAM:
        if (frame instanceof RstStreamFrame) {
          RstStreamFrame rst = (RstStreamFrame) frame;
          if (streams.onRstStream(dir, streamId, rst.errorCode(), seq, timeNanos)) {
            windows.streamClosed(streamId, seq, timeNanos);
            calls.onRstStream(dir, streamId, rst.errorCode(), seq, timeNanos);
          }
        }
        break;
      case SETTINGS:
        if (frame instanceof SettingsFrame) {
          onSettings(dir, (SettingsFrame) frame, seq, timeNanos);
        }
        break;
      case PUSH_PROMISE:
        if (frame instanceof PushPromiseFrame) {
          PushPromiseFrame push = (PushPromiseFrame) frame;
          if (streams.onPushPromise(dir, streamId, push.promisedStreamId(), seq, timeNanos)) {
            windows.streamOpened(push.promisedStreamId(), false, true, seq, timeNanos);
          }
        }
        break;
      case PING:
        if (frame instanceof PingFrame) {
          PingEvent ping = pings.onPing(dir, (PingFrame) frame, seq, timeNanos);
          events.accept(ping);
          if (ping.ack() && ping.pingSeq() < 0) {
            violation(dir, 0, seq, timeNanos, ViolationKind.UNEXPECTED_ACK,
                dir.label() + " acknowledged a PING (" + ((PingFrame) frame).opaqueHex() + ") that was not sent");
          }
        }
        break;
      case GOAWAY:
        if (frame instanceof GoAwayFrame) {
          GoAwayFrame goAwayFrame = (GoAwayFrame) frame;
          pings.drainAnnounced(dir, goAwayFrame.drainAnnouncement());
          for (int refused : streams.onGoAway(dir, goAwayFrame.lastStreamId(), seq, timeNanos)) {
            windows.streamClosed(refused, seq, timeNanos);
            calls.onRefusedByGoAway(refused, seq, timeNanos);
          }
        }
        break;
      case WINDOW_UPDATE:
        if (frame instanceof WindowUpdateFrame) {
          WindowUpdateFrame update = (WindowUpdateFrame) frame;
          if (streamId != 0) {
            streams.onWindowUpdate(dir, streamId, seq, timeNanos);
          }
          windows.onWindowUpdate(dir, streamId, update.increment(), seq, timeNanos);
        }
        break;
      default:
        break;
    }
    if (frame instanceof MalformedFrame) {
      violation(dir, streamId, seq, timeNanos, ViolationKind.MALFORMED_FRAME, ((MalformedFrame) frame).reason());
    }
  }

  private boolean streamIdFits(Direction dir, Http2Frame frame, long seq, long timeNanos) {
    FrameType type = frame.type();
    boolean connectionLevel = type == FrameType.SETTINGS || type == FrameType.PING || type == FrameType.GOAWAY;
    boolean streamLevel = type == FrameType.DATA || type == FrameType.HEADERS || type == FrameType.PRIORITY
        || type == FrameType.RST_STREAM || type == FrameType.PUSH_PROMISE || type == FrameType.CONTINUATION;
    if (connectionLevel && frame.streamId() != 0 || streamLevel && frame.streamId() == 0) {
      violation(dir, frame.streamId(), seq, timeNanos, ViolationKind.WRONG_STREAM_ID, type + " on stream "
          + frame.streamId() + (connectionLevel ? " (must be 0)" : " (must not be 0)"));
      return false;
    }
    return true;
  }

  /** The header block ended: checks its size and hands it to the gRPC layer. */
  private void headerBlockDone(Direction dir, HeaderBlock block, long seq, long timeNanos) {
    HeaderBlockAssembler assembler = blocks[dir.ordinal()];
    int streamId = assembler.streamId();
    if (block.failed()) {
      violation(dir, streamId, seq, timeNanos, ViolationKind.COMPRESSION_ERROR, block.error());
    }
    long limit = settings[dir.peer().ordinal()].advertised(Setting.MAX_HEADER_LIST_SIZE);
    if (limit >= 0 && block.headerListSize() > limit) {
      violation(dir, streamId, seq, timeNanos, ViolationKind.HEADER_LIST_TOO_LARGE,
          "header list of " + block.headerListSize() + " bytes exceeds the " + dir.peer().label()
              + "'s SETTINGS_MAX_HEADER_LIST_SIZE " + limit);
    }
    if (assembler.push() || assembler.role() == null) {
      return;
    }
    switch (assembler.role()) {
      case REQUEST:
        calls.onRequestHeaders(streamId, block, assembler.endStream(), seq, timeNanos);
        break;
      case FOLLOWING:
        if (dir == Direction.SERVER) {
          calls.onServerHeaders(streamId, block, assembler.endStream(), seq, timeNanos);
        } else {
          calls.onClientTrailers(streamId, assembler.endStream(), seq, timeNanos);
        }
        break;
      default:
        break;
    }
  }

  private void onSettings(Direction dir, SettingsFrame frame, long seq, long timeNanos) {
    if (!frame.ack()) {
      for (Setting setting : frame.settings()) {
        String invalid = PeerSettings.invalid(setting);
        if (invalid != null) {
          violation(dir, 0, seq, timeNanos, ViolationKind.INVALID_SETTING, setting + ": " + invalid);
        }
      }
      settings[dir.ordinal()].advertise(frame.settings(), seq, timeNanos);
      return;
    }
    Direction settingsSender = dir.peer();
    PeerSettings.Sent pending = settings[settingsSender.ordinal()].acknowledged();
    if (pending == null) {
      violation(dir, 0, seq, timeNanos, ViolationKind.UNEXPECTED_ACK,
          dir.label() + " acknowledged SETTINGS that " + settingsSender.label() + " did not send");
      return;
    }
    events.accept(new SettingsAckEvent(timeNanos, dir, pending.seq(), seq, timeNanos - pending.timeNanos(),
        pending.settings()));
    for (Setting setting : pending.settings()) {
      settings[settingsSender.ordinal()].apply(setting);
      switch (setting.id()) {
        case Setting.HEADER_TABLE_SIZE:
          blocks[dir.ordinal()].hpack().setMaxTableSizeLimit(setting.value());
          break;
        case Setting.INITIAL_WINDOW_SIZE:
          windows.onInitialWindowSize(dir, setting.value(), seq, timeNanos);
          break;
        case Setting.MAX_CONCURRENT_STREAMS:
          streams.setMaxConcurrentStreams(dir, setting.value());
          break;
        case Setting.ENABLE_PUSH:
          if (settingsSender == Direction.CLIENT) {
            streams.setPushEnabled(setting.value() == 1);
          }
          break;
        default:
          break;
      }
    }
  }

  private void closeWindowsIfClosed(int streamId, long seq, long timeNanos) {
    if (streams.state(streamId) == StreamState.CLOSED) {
      windows.streamClosed(streamId, seq, timeNanos);
    }
  }

  /** Ends the connection: open calls, streams and stalls end, then the connection itself. */
  void end(Direction closedBy, long timeNanos, long clientBytes, long serverBytes) {
    if (ended) {
      return;
    }
    ended = true;
    calls.end(timeNanos);
    windows.end(timeNanos);
    streams.closeAll(closedBy == null ? Direction.CLIENT : closedBy, timeNanos);
    events.accept(new ConnectionEndEvent(timeNanos, closedBy, streams.goAwaySent(Direction.CLIENT),
        streams.goAwaySent(Direction.SERVER), frames, clientBytes, serverBytes));
  }

  private void violation(Direction offender, int streamId, long seq, long timeNanos, ViolationKind kind,
      String text) {
    events.accept(new ViolationEvent(timeNanos, offender, streamId, seq, kind, text));
  }
}
