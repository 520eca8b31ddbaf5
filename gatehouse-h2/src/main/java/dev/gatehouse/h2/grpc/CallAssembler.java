package dev.gatehouse.h2.grpc;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallEnding;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.MessageCut;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.frame.ErrorCode;
import dev.gatehouse.h2.hpack.HeaderBlock;
import dev.gatehouse.h2.stream.StreamMap;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Assembles gRPC calls from the frames of live client-initiated streams: request headers open a call, DATA is
 * reassembled into messages, the server's headers and trailers are read, and the call ends with a {@link
 * CallEndEvent} when the server ends the stream, a side resets it, a GOAWAY refuses it or the connection ends.
 * The caller reports only frames the stream tracker accepted.
 */
public final class CallAssembler {

  private final Consumer<Event> events;
  private final int maxMessageBytes;
  private final StreamMap<Call> calls = new StreamMap<>();
  // The last reading of each kind of header block: peers repeat their blocks, and the decoder then hands out the
  // very same HeaderBlock, so comparing identities skips reading it again.
  private HeaderBlock lastRequestBlock;
  private RequestHeaders lastRequest;
  private HeaderBlock lastResponseBlock;
  private ServerHeaders lastResponse;
  private HeaderBlock lastTrailersBlock;
  private ServerHeaders lastTrailers;

  /** An assembler reporting to {@code events}, keeping up to {@code maxMessageBytes} of each message. */
  public CallAssembler(Consumer<Event> events, int maxMessageBytes) {
    this.events = events;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** The request HEADERS that opened stream {@code streamId}. */
  public void onRequestHeaders(int streamId, HeaderBlock block, boolean endStream, long seq, long timeNanos) {
    if (block != lastRequestBlock) {
      lastRequest = RequestHeaders.read(block);
      lastRequestBlock = block;
    }
    RequestHeaders request = lastRequest;
    Duration timeout = request.timeout();
    long deadline = timeout == null ? -1 : timeNanos + saturatedNanos(timeout);
    CallStartEvent start = new CallStartEvent(timeNanos, streamId, seq, request.path(), request.httpMethod(),
        request.authority(), request.scheme(), request.contentType(), request.te(), request.userAgent(), timeout,
        request.rawTimeout(), deadline, request.grpcEncoding(), request.grpcAcceptEncoding(), request.metadata(),
        endStream);
    calls.put(streamId, new Call(start, maxMessageBytes));
    events.accept(start);
  }

  /** Client HEADERS after the request headers (client trailers, which gRPC does not use). */
  public void onClientTrailers(int streamId, boolean endStream, long seq, long timeNanos) {
    Call call = calls.get(streamId);
    if (call != null && endStream) {
      call.client.cut(MessageCut.END_STREAM, call.method(), seq, timeNanos, this);
    }
  }

  /** Server HEADERS on a call: response headers, or trailers when END_STREAM is set. */
  public void onServerHeaders(int streamId, HeaderBlock block, boolean endStream, long seq, long timeNanos) {
    Call call = calls.get(streamId);
    if (call == null) {
      return;
    }
    if (!endStream) {
      if (!call.responseHeadersSeen) {
        if (block != lastResponseBlock) {
          lastResponse = ServerHeaders.read(block);
          lastResponseBlock = block;
        }
        ServerHeaders response = lastResponse;
        call.responseHeadersSeen = true;
        call.httpStatus = response.httpStatus();
        events.accept(new ResponseHeadersEvent(timeNanos, streamId, seq, call.method(), call.httpStatus,
            response.contentType(), response.grpcEncoding(), response.grpcAcceptEncoding(), response.metadata()));
      }
      return;
    }
    if (block != lastTrailersBlock) {
      lastTrailers = ServerHeaders.read(block);
      lastTrailersBlock = block;
    }
    ServerHeaders trailers = lastTrailers;
    boolean trailersOnly = !call.responseHeadersSeen;
    if (trailersOnly) {
      call.httpStatus = trailers.httpStatus();
    }
    call.trailersOnly = trailersOnly;
    GrpcStatus status = trailers.status();
    String message = trailers.message();
    call.server.cut(MessageCut.END_STREAM, call.method(), seq, timeNanos, this);
    events.accept(new TrailersEvent(timeNanos, streamId, seq, call.method(), trailersOnly,
        trailersOnly ? call.httpStatus : -1, trailersOnly ? trailers.contentType() : null, status, message,
        trailers.statusDetails(), trailers.metadata()));
    if (status != null) {
      end(call, CallEnding.TRAILERS, status, true, message, null, null, seq, timeNanos);
    } else {
      end(call, CallEnding.END_STREAM_WITHOUT_STATUS, statusWithoutTrailers(call), false, message, null, null, seq,
          timeNanos);
    }
  }

  /** DATA on a call. */
  public void onData(Direction sender, int streamId, byte[] src, int offset, int length, boolean endStream,
      long seq, long timeNanos) {
    Call call = calls.get(streamId);
    if (call == null) {
      return;
    }
    MessageReassembler messages = sender == Direction.CLIENT ? call.client : call.server;
    messages.feed(src, offset, length, call.method(), seq, timeNanos, this);
    if (endStream) {
      messages.cut(MessageCut.END_STREAM, call.method(), seq, timeNanos, this);
      if (sender == Direction.SERVER) {
        end(call, CallEnding.END_STREAM_WITHOUT_STATUS, statusWithoutTrailers(call), false, null, null, null, seq,
            timeNanos);
      }
    }
  }

  /** RST_STREAM on a call. */
  public void onRstStream(Direction sender, int streamId, ErrorCode code, long seq, long timeNanos) {
    Call call = calls.get(streamId);
    if (call == null) {
      return;
    }
    GrpcStatus status = GrpcStatus.fromRstStream(code);
    long deadline = call.start.deadlineNanos();
    if (code.code() == ErrorCode.CANCEL.code() && deadline >= 0 && timeNanos >= deadline) {
      status = new GrpcStatus(4); // the client's deadline had passed: it reports DEADLINE_EXCEEDED
    }
    end(call, CallEnding.RST_STREAM, status, false, null, code, sender, seq, timeNanos);
  }

  /** A GOAWAY showed the server never processed the call. */
  public void onRefusedByGoAway(int streamId, long seq, long timeNanos) {
    Call call = calls.get(streamId);
    if (call != null) {
      end(call, CallEnding.GOAWAY, GrpcStatus.UNAVAILABLE, false, null, null, null, seq, timeNanos);
    }
  }

  /** The connection ended: every open call ends. */
  public void end(long timeNanos) {
    for (int id : calls.ids()) {
      end(calls.get(id), CallEnding.CONNECTION_CLOSED, GrpcStatus.UNAVAILABLE, false, null, null, null, -1,
          timeNanos);
    }
  }

  void message(MessageEvent message) {
    events.accept(message);
  }

  private static GrpcStatus statusWithoutTrailers(Call call) {
    if (call.httpStatus != -1 && call.httpStatus != 200) {
      return GrpcStatus.fromHttpStatus(call.httpStatus);
    }
    return GrpcStatus.INTERNAL; // "server closed the stream without sending trailers" / "missing grpc-status"
  }

  private void end(Call call, CallEnding ending, GrpcStatus status, boolean fromTrailers, String message,
      ErrorCode resetCode, Direction resetBy, long seq, long timeNanos) {
    MessageCut cut = ending == CallEnding.RST_STREAM ? MessageCut.RST_STREAM
        : ending == CallEnding.TRAILERS || ending == CallEnding.END_STREAM_WITHOUT_STATUS ? MessageCut.END_STREAM
        : MessageCut.CONNECTION_CLOSED;
    call.client.cut(cut, call.method(), seq, timeNanos, this);
    call.server.cut(cut, call.method(), seq, timeNanos, this);
    calls.remove(call.start.streamId());
    CallStartEvent start = call.start;
    events.accept(new CallEndEvent(timeNanos, start.streamId(), start.method(), start.authority(), ending, status,
        fromTrailers, message, call.httpStatus, call.trailersOnly, resetCode, resetBy, start.timeNanos(),
        timeNanos - start.timeNanos(), call.client.count(), call.server.count(), start.frameSeq(), seq));
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 4;
    }
  }

  /** One call in progress. */
  private static final class Call {
    final CallStartEvent start;
    final MessageReassembler client;
    final MessageReassembler server;
    boolean responseHeadersSeen;
    boolean trailersOnly;
    int httpStatus = -1;

    Call(CallStartEvent start, int maxMessageBytes) {
      this.start = start;
      this.client = new MessageReassembler(Direction.CLIENT, start.streamId(), maxMessageBytes);
      this.server = new MessageReassembler(Direction.SERVER, start.streamId(), maxMessageBytes);
    }

    String method() {
      return start.method();
    }
  }
}
