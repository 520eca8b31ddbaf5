package dev.gatehouse.lens.detect;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.frame.ErrorCode;
import dev.gatehouse.h2.grpc.GrpcStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-call checks: the request and response headers gRPC requires, the messages (size, truncation, compression) and
 * how the call ended (status, resets, deadlines).
 */
final class CallDetector {

  private static final int DEADLINE_EXCEEDED = 4;

  private final DetectorOptions options;
  private final Consumer<Finding> findings;
  private final Map<Integer, CallStartEvent> starts = new HashMap<>();
  private final Map<Integer, ResponseHeadersEvent> responses = new HashMap<>();

  CallDetector(DetectorOptions options, Consumer<Finding> findings) {
    this.options = options;
    this.findings = findings;
  }

  void onEvent(Event event) {
    if (event instanceof CallStartEvent start) {
      onStart(start);
    } else if (event instanceof ResponseHeadersEvent response) {
      onResponse(response);
    } else if (event instanceof TrailersEvent trailers) {
      onTrailers(trailers);
    } else if (event instanceof MessageEvent message) {
      onMessage(message);
    } else if (event instanceof CallEndEvent end) {
      onEnd(end);
    }
  }

  private void onStart(CallStartEvent start) {
    starts.put(start.streamId(), start);
    String call = call(start.streamId(), start.method());
    if (!start.grpc()) {
      report(start.timeNanos(), Severity.ERROR, FindingCode.WRONG_CONTENT_TYPE, start.streamId(),
          "the request of " + call + " has content-type " + quoted(start.contentType())
              + ", not application/grpc: a gRPC server rejects it (HTTP 415, or INTERNAL/UNKNOWN)",
          "send content-type: application/grpc (or application/grpc+proto); check that no proxy rewrites it",
          start.frameSeq());
      return;
    }
    if (!"trailers".equals(start.te())) {
      report(start.timeNanos(), Severity.WARN, FindingCode.MISSING_TE_TRAILERS, start.streamId(),
          "the request of " + call + " has " + (start.te() == null ? "no te header" : "te: " + start.te())
              + "; gRPC requires te: trailers, and some servers (grpc-go, Envoy) reject the call without it",
          "an HTTP/1.x hop may have dropped it as hop-by-hop; send te: trailers or use an HTTP/2-aware proxy",
          start.frameSeq());
    }
  }

  private void onResponse(ResponseHeadersEvent response) {
    responses.put(response.streamId(), response);
    CallStartEvent start = starts.get(response.streamId());
    checkResponseContentType(response.timeNanos(), response.streamId(), response.method(), response.httpStatus(),
        response.contentType(), response.frameSeq());
    if (start == null) {
      return;
    }
    String call = call(response.streamId(), response.method());
    String sent = start.grpcEncoding();
    if (compresses(sent) && response.grpcAcceptEncoding() != null
        && !listed(response.grpcAcceptEncoding(), sent)) {
      report(response.timeNanos(), Severity.ERROR, FindingCode.COMPRESSION_MISMATCH, response.streamId(),
          "the client sends " + call + " with grpc-encoding " + sent + " but the server accepts only "
              + response.grpcAcceptEncoding() + "; the server fails such calls with UNIMPLEMENTED",
          "use a compressor the server has installed, or register " + sent + " on the server",
          start.frameSeq(), response.frameSeq());
    }
    String answered = response.grpcEncoding();
    if (compresses(answered) && start.grpcAcceptEncoding() != null
        && !listed(start.grpcAcceptEncoding(), answered)) {
      report(response.timeNanos(), Severity.ERROR, FindingCode.COMPRESSION_MISMATCH, response.streamId(),
          "the server answers " + call + " with grpc-encoding " + answered + " but the client accepts only "
              + start.grpcAcceptEncoding() + "; the client fails the call with INTERNAL",
          "configure the server to compress only with an encoding the client lists in grpc-accept-encoding",
          start.frameSeq(), response.frameSeq());
    }
  }

  private void onTrailers(TrailersEvent trailers) {
    if (trailers.trailersOnly()) {
      checkResponseContentType(trailers.timeNanos(), trailers.streamId(), trailers.method(), trailers.httpStatus(),
          trailers.contentType(), trailers.frameSeq());
    }
  }

  private void checkResponseContentType(long timeNanos, int streamId, String method, int httpStatus,
      String contentType, long frameSeq) {
    CallStartEvent start = starts.get(streamId);
    if (start == null || !start.grpc() || httpStatus != 200) {
      return; // a non-200 answer is reported with its status when the call ends
    }
    if (contentType == null || !contentType.startsWith("application/grpc")) {
      report(timeNanos, Severity.ERROR, FindingCode.WRONG_CONTENT_TYPE, streamId,
          "the response of " + call(streamId, method) + " has content-type " + quoted(contentType)
              + ", not application/grpc: the client fails the call (UNKNOWN or INTERNAL)",
          "check what answered: a proxy or web server in front of the gRPC server usually sends text/html",
          frameSeq);
    }
  }

  private void onMessage(MessageEvent message) {
    String call = call(message.streamId(), message.method());
    String who = message.direction().label();
    if (message.declaredLength() > options.maxMessageBytes()) {
      report(message.timeNanos(), Severity.WARN, FindingCode.MESSAGE_TOO_LARGE, message.streamId(),
          "the " + who + " sent a message of " + message.declaredLength() + " bytes on " + call
              + ", over the " + options.maxMessageBytes() + "-byte default receive limit: the receiver fails the "
              + "call with RESOURCE_EXHAUSTED unless its limit was raised",
          "raise the receiver's limit (grpc-java maxInboundMessageSize, grpc-go MaxRecvMsgSize, C-core "
              + "grpc.max_receive_message_length) or split the data into a stream of smaller messages",
          message.firstFrameSeq(), message.lastFrameSeq());
    }
    if (message.cut() != null) {
      report(message.timeNanos(), Severity.WARN, FindingCode.TRUNCATED_MESSAGE, message.streamId(),
          "message #" + message.index() + " from the " + who + " on " + call + " was cut off by "
              + message.cut().name().replace('_', ' ') + ": " + message.receivedLength() + " of "
              + (message.declaredLength() < 0 ? "?" : String.valueOf(message.declaredLength()))
              + " bytes arrived",
          "", message.firstFrameSeq(), message.lastFrameSeq());
    }
    if (message.flagByte() > 1) {
      report(message.timeNanos(), Severity.ERROR, FindingCode.COMPRESSION_MISMATCH, message.streamId(),
          "message #" + message.index() + " from the " + who + " on " + call + " has compressed-flag byte "
              + message.flagByte() + " (expected 0 or 1): the stream is corrupt or not gRPC framing",
          "", message.firstFrameSeq());
      return;
    }
    if (!message.compressed()) {
      return;
    }
    String encoding = encoding(message.direction(), message.streamId());
    if (!compresses(encoding)) {
      report(message.timeNanos(), Severity.ERROR, FindingCode.COMPRESSION_MISMATCH, message.streamId(),
          "message #" + message.index() + " from the " + who + " on " + call + " is flagged compressed but the "
              + who + "'s headers say " + (encoding == null ? "no grpc-encoding" : "grpc-encoding " + encoding)
              + "; the receiver fails the call with INTERNAL",
          "send grpc-encoding with the compressor's name whenever the compressed flag is set",
          message.firstFrameSeq());
    }
  }

  private String encoding(Direction sender, int streamId) {
    if (sender == Direction.CLIENT) {
      CallStartEvent start = starts.get(streamId);
      return start == null ? null : start.grpcEncoding();
    }
    ResponseHeadersEvent response = responses.get(streamId);
    return response == null ? null : response.grpcEncoding();
  }

  private void onEnd(CallEndEvent end) {
    CallStartEvent start = starts.remove(end.streamId());
    responses.remove(end.streamId());
    String call = call(end.streamId(), end.method());
    String after = " after " + Durations.text(end.durationNanos());
    if (end.httpStatus() != -1 && end.httpStatus() != 200) {
      if (start != null && !start.grpc()) {
        return;
      }
      GrpcStatus mapped = GrpcStatus.fromHttpStatus(end.httpStatus());
      report(end.timeNanos(), Severity.ERROR, FindingCode.HTTP_STATUS_NOT_200, end.streamId(),
          call + " got HTTP :status " + end.httpStatus() + " instead of 200; "
              + (end.statusFromTrailers() ? "the response also carries grpc-status " + end.status()
                  : "a gRPC client reports " + mapped.name() + " (from the HTTP status)")
              + ". Something other than the gRPC server answered, or the server rejected the request at the HTTP "
              + "level",
          fixForHttpStatus(end.httpStatus()), end.firstFrameSeq(), end.lastFrameSeq());
      return;
    }
    switch (end.ending()) {
      case TRAILERS:
        if (end.status() != null && end.status().code() == DEADLINE_EXCEEDED) {
          deadlineExceeded(end, start, "the server ended it with DEADLINE_EXCEEDED" + after);
        }
        break;
      case END_STREAM_WITHOUT_STATUS:
        report(end.timeNanos(), Severity.ERROR, FindingCode.MISSING_GRPC_STATUS, end.streamId(),
            "the server ended " + call + " without grpc-status (no trailers, or trailers without it); the "
                + "client reports " + (end.status() == null ? "INTERNAL or UNKNOWN" : end.status().name())
                + " (\"missing grpc-status\" / \"server closed the stream without sending trailers\")",
            "the server or a proxy in between must send trailers with grpc-status; an HTTP/1.x hop or a buffering "
                + "proxy often drops them",
            end.firstFrameSeq(), end.lastFrameSeq());
        break;
      case RST_STREAM:
        onReset(end, start, call, after);
        break;
      case GOAWAY:
        report(end.timeNanos(), Severity.INFO, FindingCode.CALL_REFUSED_BY_GOAWAY, end.streamId(),
            call + " was above the last stream id of the server's GOAWAY: the server never processed it, so the "
                + "client may retry it on a new connection (UNAVAILABLE)",
            "", end.firstFrameSeq(), end.lastFrameSeq());
        break;
      case CONNECTION_CLOSED:
        if (start != null && ClientStatus.closedAtDeadline(end, start.timeout())) {
          deadlineExceeded(end, start, "the client gave up at the deadline and closed the connection" + after);
          break;
        }
        report(end.timeNanos(), Severity.ERROR, FindingCode.CALL_INTERRUPTED, end.streamId(),
            "the connection ended while " + call + " was in flight" + after + "; the client reports UNAVAILABLE",
            "see why the connection closed (GOAWAY, idle timeout of a load balancer, a crash); give long calls "
                + "keepalive and a retry policy",
            end.firstFrameSeq());
        break;
      default:
        break;
    }
  }

  private void onReset(CallEndEvent end, CallStartEvent start, String call, String after) {
    ErrorCode code = end.resetCode();
    Direction by = end.resetBy();
    if (start != null && ClientStatus.resetAtDeadline(end, start.timeout())) {
      deadlineExceeded(end, start, "the " + (by == null ? "peer" : by.label()) + " gave up at the deadline and reset "
          + "the stream (RST_STREAM CANCEL)" + after);
      return;
    }
    if (by == Direction.CLIENT && ErrorCode.CANCEL.equals(code)) {
      report(end.timeNanos(), Severity.INFO, FindingCode.CALL_CANCELLED, end.streamId(),
          "the client cancelled " + call + after + " (RST_STREAM CANCEL before its deadline); the client "
              + "reports CANCELLED",
          "", end.firstFrameSeq(), end.lastFrameSeq());
      return;
    }
    GrpcStatus derived = end.status();
    boolean refused = ErrorCode.REFUSED_STREAM.equals(code);
    report(end.timeNanos(), refused ? Severity.WARN : Severity.ERROR, FindingCode.RST_BEFORE_TRAILERS,
        end.streamId(),
        "the " + (by == null ? "peer" : by.label()) + " reset " + call + " with RST_STREAM " + code + after
            + ", before any trailers; the client reports "
            + (derived == null ? "an error (STREAM_CLOSED has no gRPC mapping)" : derived.name())
            + resetMeaning(code),
        resetFix(code), end.firstFrameSeq(), end.lastFrameSeq());
  }

  private void deadlineExceeded(CallEndEvent end, CallStartEvent start, String how) {
    String call = call(end.streamId(), end.method());
    String budget = start == null || start.timeout() == null
        ? "the request carried no grpc-timeout, so the deadline was set elsewhere (a server-side limit or a "
            + "downstream hop)"
        : "the client sent grpc-timeout " + start.rawTimeout() + " (" + Durations.text(start.timeout().toNanos())
            + ")";
    report(end.timeNanos(), Severity.WARN, FindingCode.DEADLINE_EXCEEDED, end.streamId(),
        call + " exceeded its deadline: " + budget + "; " + how,
        "find what made the call slow (the server's handler, a downstream call, a flow-control stall), or give "
            + "the client a longer deadline; every hop should pass the remaining deadline on",
        start == null ? -1 : start.frameSeq(), end.lastFrameSeq());
  }

  private static String resetMeaning(ErrorCode code) {
    switch ((int) Math.min(code.code(), Integer.MAX_VALUE)) {
      case 0x0:
        return ". NO_ERROR without trailers means the server (or a proxy such as Envoy) closed the stream "
            + "without finishing the call";
      case 0x1:
        return ". PROTOCOL_ERROR usually means malformed headers (upper-case names, connection-specific headers, "
            + "bad pseudo-headers)";
      case 0x2:
        return ". INTERNAL_ERROR often comes from a proxy in between";
      case 0x7:
        return ". REFUSED_STREAM means the server did no work (too many streams, or going away): safe to retry";
      case 0x8:
        return ". CANCEL from the server means it abandoned the call";
      case 0xb:
        return ". ENHANCE_YOUR_CALM means the server considers the client abusive (rate or pings)";
      default:
        return "";
    }
  }

  private static String resetFix(ErrorCode code) {
    switch ((int) Math.min(code.code(), Integer.MAX_VALUE)) {
      case 0x7:
        return "retry the call; if it repeats, lower the client's concurrency or raise the server's "
            + "MAX_CONCURRENT_STREAMS";
      case 0xb:
        return "slow the client down (keepalive interval, request rate)";
      default:
        return "check the logs of the side that reset the stream, and of any proxy between client and server";
    }
  }

  private static String fixForHttpStatus(int httpStatus) {
    switch (httpStatus) {
      case 404:
        return "the method or service is not served at this address: check :path and the server's registered "
            + "services (or the proxy's routes)";
      case 401:
      case 403:
        return "check the credentials the client sends and what the proxy or server requires";
      case 415:
        return "send content-type: application/grpc";
      case 429:
      case 502:
      case 503:
      case 504:
        return "a proxy or load balancer could not reach a healthy gRPC backend: check its upstream health and "
            + "timeouts";
      default:
        return "look at the response headers: a proxy, load balancer or web server answered instead of gRPC";
    }
  }

  private static boolean compresses(String encoding) {
    return encoding != null && !encoding.isEmpty() && !"identity".equals(encoding);
  }

  private static boolean listed(String list, String encoding) {
    return Arrays.stream(list.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
        .anyMatch(encoding.toLowerCase(Locale.ROOT)::equals);
  }

  private static String call(int streamId, String method) {
    return "the call " + (method == null ? "" : method + " ") + "on stream " + streamId;
  }

  private static String quoted(String value) {
    return value == null ? "(none)" : "'" + value + "'";
  }

  private void report(long timeNanos, Severity severity, FindingCode code, int streamId, String text, String fix,
      long... evidence) {
    Long[] seqs = Arrays.stream(evidence).boxed().toArray(Long[]::new);
    findings.accept(new Finding(timeNanos, severity, code, streamId, text, fix, List.of(seqs)));
  }
}
