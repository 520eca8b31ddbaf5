package dev.gatehouse.lens.binlog;

import com.google.protobuf.ByteString;
import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallEnding;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.ConnectionEndEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.frame.DataFrame;
import dev.gatehouse.h2.frame.Flags;
import dev.gatehouse.h2.frame.HeadersFrame;
import dev.gatehouse.h2.grpc.GrpcStatus;
import dev.gatehouse.h2.grpc.Metadata;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.render.CallTracker;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import io.grpc.binarylog.v1.ClientHeader;
import io.grpc.binarylog.v1.GrpcLogEntry;
import io.grpc.binarylog.v1.GrpcLogEntry.EventType;
import io.grpc.binarylog.v1.Message;
import io.grpc.binarylog.v1.ServerHeader;
import io.grpc.binarylog.v1.Trailer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The binary log of one connection's gRPC calls: turns its events, in order, into entries. Logged from the client's
 * side ({@code LOGGER_CLIENT}): the status of a call that ended without trailers is the one the client reports, and
 * the peer is the server. Fed from the connection's thread only.
 */
final class ConnectionLog {

  /** What the log remembers of a call until it ends. */
  private static final class Call {
    final long id;
    long sequence;
    boolean headerLogged;
    boolean incomingLogged;
    boolean trailerLogged;
    List<Metadata> trailers = List.of();

    Call(long id) {
      this.id = id;
    }
  }

  private final LensConnection connection;
  private final LongSupplier callIds;
  private final PayloadRenderer inflater;
  private final Redaction redaction;
  private final Consumer<GrpcLogEntry> out;
  private final CallTracker tracker = new CallTracker();
  private final Map<Integer, Call> calls = new HashMap<>();
  /**
   * Streams whose client sent END_STREAM in the frame being reported, with that frame's time: the half-close is
   * logged after the messages the frame completed.
   */
  private final Map<Integer, Long> halfClosing = new LinkedHashMap<>(4);

  ConnectionLog(LensConnection connection, LongSupplier callIds, PayloadRenderer inflater, Redaction redaction,
      Consumer<GrpcLogEntry> out) {
    this.connection = connection;
    this.callIds = callIds;
    this.inflater = inflater;
    this.redaction = redaction;
    this.out = out;
  }

  void onEvent(Event event) {
    if (endsTheClientsFrame(event)) {
      logHalfCloses();
    }
    if (event instanceof FrameEvent frame) {
      onFrame(frame);
    } else if (event instanceof CallStartEvent start) {
      onStart(start);
    } else if (event instanceof MessageEvent message) {
      onMessage(message);
    } else if (event instanceof ResponseHeadersEvent headers) {
      onHeaders(headers);
    } else if (event instanceof TrailersEvent trailers) {
      onTrailers(trailers);
    } else if (event instanceof CallEndEvent end) {
      onEnd(end);
    }
    tracker.onEvent(event);
  }

  /**
   * Whether {@code event} cannot belong to the client frame reported last. A frame's events come in order (the frame,
   * state changes, windows, then the gRPC events it completed) and all before the next frame, so a pending
   * half-close is logged at the first event that is not one of its frame's.
   */
  private static boolean endsTheClientsFrame(Event event) {
    return event instanceof FrameEvent || event instanceof CallEndEvent || event instanceof ConnectionEndEvent
        || event instanceof ResponseHeadersEvent || event instanceof TrailersEvent
        || event instanceof MessageEvent message && message.direction() == Direction.SERVER;
  }

  /** The connection is gone: half-closes still pending are logged. */
  void onClosed() {
    logHalfCloses();
  }

  private void onFrame(FrameEvent event) {
    boolean streamEnding = event.direction() == Direction.CLIENT && event.frame().streamId() > 0
        && (event.frame() instanceof DataFrame || event.frame() instanceof HeadersFrame)
        && event.frame().flags().has(Flags.END_STREAM);
    if (streamEnding) {
      halfClosing.put(event.frame().streamId(), event.timeNanos());
    }
  }

  private void logHalfCloses() {
    for (Iterator<Map.Entry<Integer, Long>> streams = halfClosing.entrySet().iterator(); streams.hasNext(); ) {
      Map.Entry<Integer, Long> stream = streams.next();
      Call call = calls.get(stream.getKey());
      if (call == null) {
        streams.remove(); // not a gRPC call
      } else if (call.headerLogged) {
        streams.remove();
        out.accept(entry(call, EventType.EVENT_TYPE_CLIENT_HALF_CLOSE, stream.getValue()).build());
      }
      // else: the request's header block still awaits its CONTINUATION frames
    }
  }

  private void onStart(CallStartEvent start) {
    if (!start.grpc()) {
      return;
    }
    Call call = new Call(callIds.getAsLong());
    calls.put(start.streamId(), call);
    ClientHeader.Builder header =
        ClientHeader.newBuilder().setMetadata(LogEntries.metadata(start.metadata(), redaction));
    if (start.method() != null) {
      header.setMethodName(start.method());
    }
    if (start.authority() != null) {
      header.setAuthority(start.authority());
    }
    if (start.timeout() != null) {
      header.setTimeout(LogEntries.duration(start.timeout()));
    }
    call.headerLogged = true;
    out.accept(entry(call, EventType.EVENT_TYPE_CLIENT_HEADER, start.timeNanos()).setClientHeader(header).build());
  }

  private void onMessage(MessageEvent message) {
    Call call = calls.get(message.streamId());
    if (call == null || message.cut() != null) {
      // A message cut off by the stream's end never reached the receiving application, so it is not logged.
      return;
    }
    byte[] data = message.data();
    long length = message.declaredLength();
    boolean truncated = message.dataTruncated();
    if (message.compressed() && !truncated
        && "gzip".equals(tracker.encoding(message.direction(), message.streamId()))) {
      byte[] inflated = inflate(data);
      if (inflated == null) {
        data = new byte[0];
        truncated = true;
      } else {
        data = inflated;
        length = inflated.length;
      }
    }
    EventType type = message.direction() == Direction.CLIENT
        ? EventType.EVENT_TYPE_CLIENT_MESSAGE : EventType.EVENT_TYPE_SERVER_MESSAGE;
    GrpcLogEntry.Builder entry = entry(call, type, message.timeNanos())
        .setMessage(Message.newBuilder().setLength((int) Math.min(length, 0xFFFF_FFFFL))
            .setData(ByteString.copyFrom(data)))
        .setPayloadTruncated(truncated);
    if (message.direction() == Direction.SERVER) {
      peer(call, entry);
    }
    out.accept(entry.build());
  }

  private byte[] inflate(byte[] data) {
    try {
      return inflater.gunzip(data);
    } catch (IOException e) {
      return null;
    }
  }

  private void onHeaders(ResponseHeadersEvent headers) {
    Call call = calls.get(headers.streamId());
    if (call == null) {
      return;
    }
    GrpcLogEntry.Builder entry = entry(call, EventType.EVENT_TYPE_SERVER_HEADER, headers.timeNanos())
        .setServerHeader(ServerHeader.newBuilder()
            .setMetadata(LogEntries.metadata(headers.metadata(), redaction)));
    peer(call, entry);
    out.accept(entry.build());
  }

  private void onTrailers(TrailersEvent trailers) {
    Call call = calls.get(trailers.streamId());
    if (call == null) {
      return;
    }
    if (trailers.status() == null) {
      // No grpc-status: the client derives one when the call ends, which is when the trailer is logged.
      call.trailers = trailers.metadata();
      return;
    }
    Trailer.Builder trailer = Trailer.newBuilder()
        .setMetadata(LogEntries.metadata(trailers.metadata(), redaction))
        .setStatusCode(trailers.status().code());
    if (trailers.message() != null) {
      trailer.setStatusMessage(trailers.message());
    }
    byte[] details = trailers.statusDetails();
    if (details != null) {
      trailer.setStatusDetails(ByteString.copyFrom(details));
    }
    GrpcLogEntry.Builder entry = entry(call, EventType.EVENT_TYPE_SERVER_TRAILER, trailers.timeNanos())
        .setTrailer(trailer);
    peer(call, entry);
    call.trailerLogged = true;
    out.accept(entry.build());
  }

  private void onEnd(CallEndEvent end) {
    Call call = calls.remove(end.streamId());
    if (call == null || call.trailerLogged) {
      return;
    }
    if (end.ending() == CallEnding.RST_STREAM && end.resetBy() == Direction.CLIENT) {
      out.accept(entry(call, EventType.EVENT_TYPE_CANCEL, end.timeNanos()).build());
    }
    // The status the client reports without trailers (the derived one), as a client-side binary log records it.
    GrpcStatus status = end.status() == null ? GrpcStatus.INTERNAL : end.status();
    Trailer.Builder trailer = Trailer.newBuilder().setMetadata(LogEntries.metadata(call.trailers, redaction))
        .setStatusCode(status.code());
    if (end.message() != null) {
      trailer.setStatusMessage(end.message());
    }
    GrpcLogEntry.Builder entry = entry(call, EventType.EVENT_TYPE_SERVER_TRAILER, end.timeNanos())
        .setTrailer(trailer);
    peer(call, entry);
    out.accept(entry.build());
  }

  /** The server's address goes on the first entry that came from it, as gRFC A16 says for a client's log. */
  private void peer(Call call, GrpcLogEntry.Builder entry) {
    if (!call.incomingLogged) {
      call.incomingLogged = true;
      entry.setPeer(LogEntries.address(connection.upstream()));
    }
  }

  private GrpcLogEntry.Builder entry(Call call, EventType type, long timeNanos) {
    return GrpcLogEntry.newBuilder()
        .setTimestamp(LogEntries.timestamp(connection.wallTime(timeNanos)))
        .setCallId(call.id)
        .setSequenceIdWithinCall(++call.sequence)
        .setType(type)
        .setLogger(GrpcLogEntry.Logger.LOGGER_CLIENT);
  }
}
