package dev.gatehouse.gateway.server;

import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.gateway.upstream.StreamingCall;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * The upstream side of a relayed streaming call, the same whether the client speaks through an HTTP body
 * ({@link StreamedCall}) or WebSocket frames ({@link WebSocketCall}): request messages go up as JSON values bound to
 * the route, response messages come back printed as stream JSON, and the first failure is kept and cancels the call,
 * so that the client sees that failure rather than the CANCELLED it causes upstream. It remembers when the input
 * ended and when the call closed, so nothing is sent, requested or cancelled after them. Framing the messages and
 * ending the client's side (HTTP body or WebSocket close) stay with each relay.
 *
 * <p>Lives on the connection's event loop, as do the call's callbacks.
 */
final class TranscodedCall {
  private final Transcoder transcoder;
  private final ErrorAnswers errors;
  private final RouteMatch match;
  private final String rawQuery;
  private StreamingCall call;
  private StatusException failure;
  private boolean inputEnded;
  private boolean closed;

  /**
   * @param rawQuery the query applied to every request message, or {@code null}
   * @param awaitsInput whether request messages are still to come from the client; {@code false} when the one
   *     request message is known before the call starts
   */
  TranscodedCall(Transcoder transcoder, ErrorAnswers errors, RouteMatch match, String rawQuery,
      boolean awaitsInput) {
    this.transcoder = transcoder;
    this.errors = errors;
    this.match = match;
    this.rawQuery = rawQuery;
    this.inputEnded = !awaitsInput;
  }

  /** Attaches the started call; until then nothing may be sent or requested. */
  void started(StreamingCall call) {
    this.call = call;
  }

  boolean isStarted() {
    return call != null;
  }

  /** Binds one JSON value of the client's to the route and sends it upstream. */
  void sendJson(byte[] json) {
    call.send(transcoder.bind(match, json, rawQuery));
  }

  /** Sends a request message already bound. */
  void send(byte[] message) {
    call.send(message);
  }

  /** Whether the backend takes another request message without it waiting in a buffer. */
  boolean isReady() {
    return call.isReady();
  }

  /** Asks the backend for {@code count} response messages, whatever the relay's reader. */
  void request(int count) {
    call.request(count);
  }

  /** The client sent its last request message. */
  void halfClose() {
    inputEnded = true;
    call.halfClose();
  }

  /** Whether no more request messages go upstream: the input ended or the call failed. */
  boolean isInputEnded() {
    return inputEnded;
  }

  /**
   * Tops up the response messages requested, unless the call ended or failed; the relay calls it only while its
   * reader can take more.
   */
  void requestMore() {
    if (closed || failure != null) {
      return;
    }
    call.requestMore();
  }

  /** Ends the call because of bad input or output; the client sees {@code e}, not the cancellation it causes. */
  void fail(StatusException e) {
    inputEnded = true;
    if (failure == null && !closed) {
      failure = e;
      call.cancel(e.getMessage());
    }
  }

  /** The client went away: cancels the call, if it started and is still open. */
  void cancel(String reason) {
    if (!closed && call != null) {
      call.cancel(reason);
    }
  }

  /** The failure the client is to see, or {@code null}. */
  StatusException failure() {
    return failure;
  }

  /**
   * A response message printed for a stream, or {@code null} when there is nothing to relay: the call failed
   * already, or fails now because the message cannot be printed.
   */
  byte[] responseJson(byte[] message) {
    if (failure != null) {
      return null;
    }
    try {
      return transcoder.toStreamJson(match.route(), message);
    } catch (RuntimeException e) {
      fail(new StatusException(GrpcCode.INTERNAL, "the backend's response could not be written as JSON: "
          + e.getMessage()));
      return null;
    }
  }

  /** The call ended ({@link StreamingCall.Listener#onClose}). */
  void markClosed() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  /** The gRPC code the client sees for a call that ended with {@code status}: the failure's, if any. */
  int code(Status status) {
    return failure != null ? failure.code().value() : status.getCode().value();
  }

  /**
   * The compact {@code google.rpc.Status} JSON that ends a stream after its messages, or {@code null} when the call
   * ended OK without failure.
   */
  byte[] errorStatus(Status status, Metadata trailers) {
    if (failure != null) {
      return errors.streamStatus(failure);
    }
    return status.isOk() ? null : errors.streamStatus(status, trailers);
  }
}
