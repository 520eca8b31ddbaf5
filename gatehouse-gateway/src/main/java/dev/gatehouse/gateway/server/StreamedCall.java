package dev.gatehouse.gateway.server;

import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.gateway.metadata.ResponseMetadata;
import dev.gatehouse.gateway.stream.JsonSequenceSplitter;
import dev.gatehouse.gateway.stream.StreamFraming;
import dev.gatehouse.gateway.upstream.StreamingCall;
import dev.gatehouse.gateway.upstream.UnaryResult;
import io.grpc.Metadata;
import io.grpc.Status;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.function.Function;

/**
 * A streaming gRPC call serving one HTTP exchange, in both directions with flow control:
 *
 * <ul>
 *   <li>request: the body's JSON values, split as the chunks arrive, each bound and sent upstream at once; when the
 *       call is not ready (the backend reads slower than the client uploads) the connection stops reading;
 *   <li>response: for a server stream, the messages framed as the client asked ({@link StreamFormat}), requested
 *       from the backend only while this exchange is the one answering on its connection and the connection is
 *       writable, so a slow reader slows the backend; headers wait for the first message or the end, so a call that
 *       fails before any message gets its real status and an error body. A client stream's single response is
 *       answered like a unary call's.
 * </ul>
 *
 * <p>Lives on the connection's event loop, as do the call's callbacks.
 */
final class StreamedCall implements StreamingCall.Listener {

  private final Exchange exchange;
  private final ServerState server;
  private final StreamFormat format;
  private final Function<UnaryResult, Answer> unaryAnswer;
  private final JsonSequenceSplitter splitter;
  private final TranscodedCall upstream;
  private Metadata headers = new Metadata();
  private byte[] unaryMessage;
  private boolean turn;
  private boolean headersSent;
  private boolean framedAny;
  private boolean flushScheduled;

  /**
   * @param format the layout of a server stream's response, or {@code null} when the method answers one message
   * @param unaryAnswer turns the outcome of a call answering one message into the HTTP answer
   * @param streamingInput whether the request body is a sequence of messages (client and bidi streaming)
   */
  StreamedCall(Exchange exchange, ServerState server, Transcoder transcoder, RouteMatch match, StreamFormat format,
      Function<UnaryResult, Answer> unaryAnswer, boolean streamingInput) {
    this.exchange = exchange;
    this.server = server;
    this.format = format;
    this.unaryAnswer = unaryAnswer;
    this.splitter = streamingInput ? new JsonSequenceSplitter(server.config().maxBodyBytes()) : null;
    this.upstream = new TranscodedCall(transcoder, server.errors(), match, exchange.rawQuery(), streamingInput);
  }

  /** Attaches the started call; {@code request} is the one request message of a server stream, else null. */
  void started(StreamingCall call, byte[] request) {
    upstream.started(call);
    if (request != null) {
      upstream.send(request);
      upstream.halfClose();
    }
    if (format == null) {
      // One response message; two so that grpc-java catches a backend sending a second one.
      upstream.request(2);
    }
  }

  /** Whether the connection should stop reading: the backend does not take request messages as fast as they come. */
  boolean isUploadPaused() {
    return !upstream.isInputEnded() && upstream.isStarted() && !upstream.isClosed() && !upstream.isReady();
  }

  /** The next chunk of the request body; the caller keeps ownership of {@code content}. */
  void onBodyChunk(ByteBuf content) {
    if (upstream.isInputEnded() || upstream.isClosed() || content.readableBytes() == 0) {
      return;
    }
    byte[] bytes;
    int offset;
    if (content.hasArray()) {
      bytes = content.array();
      offset = content.arrayOffset() + content.readerIndex();
    } else {
      bytes = new byte[content.readableBytes()];
      content.getBytes(content.readerIndex(), bytes);
      offset = 0;
    }
    try {
      splitter.feed(bytes, offset, content.readableBytes(), upstream::sendJson);
    } catch (StatusException e) {
      upstream.fail(e);
    }
  }

  /** The request body ended: the last message, if any, goes upstream, then the half-close. */
  void onBodyEnd() {
    if (upstream.isInputEnded() || upstream.isClosed()) {
      return;
    }
    try {
      splitter.end(upstream::sendJson);
      upstream.halfClose();
    } catch (StatusException e) {
      upstream.fail(e);
    }
  }

  /** Ends the call because of bad input; the client sees {@code e}, not the cancellation it causes upstream. */
  void fail(StatusException e) {
    upstream.fail(e);
  }

  /** This exchange is now the one answering on its connection. */
  void onTurn() {
    turn = true;
    requestMore();
  }

  /** The connection's writability changed: resume asking for messages once the client has read enough. */
  void onWritabilityChanged() {
    requestMore();
  }

  /** The client went away: cancel the call, whose outcome is then ignored. */
  void cancel(String reason) {
    upstream.cancel(reason);
  }

  private void requestMore() {
    if (format == null || !turn || exchange.isAbandoned() || !exchange.channel().isWritable()) {
      return;
    }
    upstream.requestMore();
  }

  @Override
  public void onHeaders(Metadata headers) {
    this.headers = headers;
  }

  @Override
  public void onReady() {
    exchange.connection().updateAutoRead();
  }

  @Override
  public void onMessage(byte[] message) {
    if (upstream.failure() != null || exchange.isAbandoned()) {
      return;
    }
    if (format == null) {
      unaryMessage = message;
      return;
    }
    byte[] json = upstream.responseJson(message);
    if (json == null) {
      return;
    }
    ChannelHandlerContext ctx = exchange.connection().context();
    sendHeaders(ctx);
    write(ctx, format.framing().message(json, !framedAny));
    framedAny = true;
    scheduleFlush(ctx);
    requestMore();
  }

  @Override
  public void onClose(Status status, Metadata trailers) {
    upstream.markClosed();
    if (exchange.isAbandoned()) {
      return;
    }
    StatusException failure = upstream.failure();
    if (!upstream.isInputEnded() || failure != null) {
      // The client is still uploading a body nobody will read: close the connection once answered.
      exchange.closeAfter(true);
    }
    if (format == null) {
      exchange.complete(failure != null ? server.errors().of(failure)
          : unaryAnswer.apply(unaryResult(status, trailers)));
      return;
    }
    if (!headersSent) {
      exchange.complete(headersOnlyAnswer(status, trailers));
      return;
    }
    ChannelHandlerContext ctx = exchange.connection().context();
    byte[] error = upstream.errorStatus(status, trailers);
    if (error != null) {
      write(ctx, format.framing().error(error, !framedAny));
      framedAny = true;
    }
    byte[] end = format.framing().end(!framedAny);
    DefaultLastHttpContent last = new DefaultLastHttpContent(Unpooled.wrappedBuffer(end));
    if (exchange.canSendTrailers()) {
      ResponseMetadata.addTrailers(trailers, last.trailingHeaders());
    }
    exchange.finishStream(ctx.writeAndFlush(last), upstream.code(status));
  }

  private UnaryResult unaryResult(Status status, Metadata trailers) {
    if (status.isOk() && unaryMessage == null) {
      status = Status.INTERNAL.withDescription("the backend closed the call with OK but sent no response message");
    }
    return new UnaryResult(status, headers, status.isOk() ? unaryMessage : null, trailers);
  }

  /** A stream that ended before its first message: answered whole, with its real status when it failed. */
  private Answer headersOnlyAnswer(Status status, Metadata trailers) {
    Answer answer;
    StatusException failure = upstream.failure();
    if (failure != null) {
      answer = server.errors().of(failure);
    } else if (!status.isOk()) {
      answer = server.errors().ofCall(status, trailers);
      String challenge = ResponseMetadata.wwwAuthenticate(headers, trailers);
      if (status.getCode() == Status.Code.UNAUTHENTICATED && challenge != null) {
        answer.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
      }
    } else {
      answer = Answer.of(HttpResponseStatus.OK, format.contentType(), format.framing().end(true), 0);
    }
    ResponseMetadata.addHeaders(headers, answer.headers());
    if (exchange.acceptsTrailers()) {
      HttpHeaders httpTrailers = new DefaultHttpHeaders();
      ResponseMetadata.addTrailers(trailers, httpTrailers);
      return answer.withTrailers(httpTrailers);
    }
    ResponseMetadata.addTrailers(trailers, answer.headers());
    return answer;
  }

  private void sendHeaders(ChannelHandlerContext ctx) {
    if (headersSent) {
      return;
    }
    headersSent = true;
    HttpHeaders httpHeaders = new DefaultHttpHeaders();
    httpHeaders.set(HttpHeaderNames.CONTENT_TYPE, format.contentType());
    if (format.framing() == StreamFraming.SSE) {
      httpHeaders.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    }
    ResponseMetadata.addHeaders(headers, httpHeaders);
    exchange.addTraceHeaders(httpHeaders);
    HttpVersion version = exchange.head().protocolVersion();
    if (version.equals(HttpVersion.HTTP_1_1)) {
      httpHeaders.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    } else {
      // HTTP/1.0 has no chunks: the end of the body is the end of the connection.
      exchange.closeAfter(true);
    }
    if (exchange.closeAfter()) {
      httpHeaders.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    ctx.write(new DefaultHttpResponse(version, HttpResponseStatus.OK, httpHeaders));
  }

  private static void write(ChannelHandlerContext ctx, byte[] bytes) {
    ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
  }

  /** One flush for every message that arrived in the same event-loop turn, instead of one per message. */
  private void scheduleFlush(ChannelHandlerContext ctx) {
    if (flushScheduled) {
      return;
    }
    flushScheduled = true;
    ctx.executor().execute(() -> {
      flushScheduled = false;
      ctx.flush();
    });
  }
}
