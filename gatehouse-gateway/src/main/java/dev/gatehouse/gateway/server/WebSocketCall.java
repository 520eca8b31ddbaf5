package dev.gatehouse.gateway.server;

import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.gateway.upstream.StreamingCall;
import dev.gatehouse.gateway.upstream.UpstreamChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * One gRPC call over one WebSocket connection, full duplex: each text frame from the client is one JSON request
 * message (bound like a body, with the path variables and query applied), each response message one text frame
 * {@code {"result":…}}; an empty text frame or a close frame from the client ends its input (half-close). When the
 * call ends the gateway sends, for a failure, a last text frame {@code {"error":<google.rpc.Status>}}, then a close
 * frame: code 1000 for OK, {@code 4000 + gRPC code} otherwise, with the status message as reason.
 *
 * <p>For a method taking one request message, the request is bound from the path and query at the handshake when
 * the route has no body, else it is the first text frame. Flow control as over HTTP: response messages are requested
 * while the socket is writable, and reading stops while the backend is not ready for more request messages.
 * Runs on the connection's event loop.
 */
final class WebSocketCall extends ChannelInboundHandlerAdapter implements StreamingCall.Listener {
  /** Private-use close codes (RFC 6455 §7.4.2) carry the gRPC status: 4000 + code. */
  static final int CLOSE_CODE_BASE = 4000;
  private static final int MAX_REASON_BYTES = 123;

  private final UpstreamChannel channel;
  private final MethodDescriptor<byte[], byte[]> method;
  private final Metadata metadata;
  private final long timeoutNanos;
  private final boolean clientStreaming;
  private final TranscodedCall upstream;
  private byte[] request;
  private boolean awaitingRequest;
  private ChannelHandlerContext ctx;

  /**
   * @param request the request message bound at the handshake, or {@code null} when frames carry it
   */
  WebSocketCall(ServerState server, Transcoder transcoder, UpstreamChannel channel,
      MethodDescriptor<byte[], byte[]> method, RouteMatch match, String rawQuery, Metadata metadata,
      long timeoutNanos, byte[] request) {
    this.channel = channel;
    this.method = method;
    this.metadata = metadata;
    this.timeoutNanos = timeoutNanos;
    this.clientStreaming = !method.getType().clientSendsOneMessage();
    this.upstream = new TranscodedCall(transcoder, server.errors(), match, rawQuery, true);
    this.request = request;
    this.awaitingRequest = !clientStreaming && request == null;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /** The handshake response is written: the call starts. */
  void start() {
    upstream.started(StreamingCall.start(channel, method, metadata, timeoutNanos, ctx.channel().eventLoop(), this));
    if (request != null) {
      upstream.send(request);
      upstream.halfClose();
      request = null;
    }
    ctx.channel().config().setAutoRead(true);
    requestMore();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (!upstream.isStarted() || upstream.isClosed()) {
        return;
      }
      if (msg instanceof TextWebSocketFrame text) {
        onText(ByteBufUtil.getBytes(text.content()));
      } else if (msg instanceof PingWebSocketFrame ping) {
        ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
      } else if (msg instanceof CloseWebSocketFrame) {
        endInput();
      } else if (msg instanceof BinaryWebSocketFrame) {
        upstream.fail(StatusException.invalidArgument("binary WebSocket frame (expected: text frames holding JSON)"));
      }
    } catch (StatusException e) {
      upstream.fail(e);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onText(byte[] json) {
    if (json.length == 0) {
      endInput();
      return;
    }
    if (upstream.isInputEnded()) {
      throw StatusException.invalidArgument("a text frame after the end of the input (method "
          + method.getFullMethodName() + " takes " + (clientStreaming ? "no more" : "one") + " request message)");
    }
    upstream.sendJson(json);
    if (awaitingRequest) {
      awaitingRequest = false;
      upstream.halfClose();
      return;
    }
    if (!upstream.isReady()) {
      // The backend reads slower than the client writes: stop reading until it is ready again.
      ctx.channel().config().setAutoRead(false);
    }
  }

  private void endInput() {
    if (upstream.isInputEnded()) {
      return;
    }
    if (awaitingRequest) {
      upstream.fail(StatusException.invalidArgument("the input ended before the request message (expected: one"
          + " text frame holding the request body)"));
      return;
    }
    upstream.halfClose();
  }

  @Override
  public void onReady() {
    if (!upstream.isClosed()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void onHeaders(Metadata headers) {
    // Header metadata has no place in WebSocket frames; the status at the end does.
  }

  @Override
  public void onMessage(byte[] message) {
    byte[] json = upstream.responseJson(message);
    if (json == null) {
      return;
    }
    byte[] frame = new byte[json.length + 11];
    System.arraycopy("{\"result\":".getBytes(StandardCharsets.US_ASCII), 0, frame, 0, 10);
    System.arraycopy(json, 0, frame, 10, json.length);
    frame[frame.length - 1] = '}';
    ctx.writeAndFlush(new TextWebSocketFrame(ctx.alloc().buffer(frame.length).writeBytes(frame)));
    requestMore();
  }

  @Override
  public void onClose(Status status, Metadata trailers) {
    upstream.markClosed();
    if (!ctx.channel().isActive()) {
      return;
    }
    byte[] error = upstream.errorStatus(status, trailers);
    if (error != null) {
      ctx.write(errorFrame(error));
    }
    int code = upstream.code(status);
    int closeCode = code == 0 ? 1000 : CLOSE_CODE_BASE + code;
    ctx.writeAndFlush(new CloseWebSocketFrame(closeCode, reason(closeMessage(status))))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private String closeMessage(Status status) {
    StatusException failure = upstream.failure();
    if (failure != null) {
      return failure.getMessage();
    }
    if (status.isOk()) {
      return "OK";
    }
    return status.getDescription() != null ? status.getDescription() : status.getCode().name();
  }

  private TextWebSocketFrame errorFrame(byte[] status) {
    byte[] prefix = "{\"error\":".getBytes(StandardCharsets.US_ASCII);
    return new TextWebSocketFrame(ctx.alloc().buffer(prefix.length + status.length + 1)
        .writeBytes(prefix).writeBytes(status).writeByte('}'));
  }

  /** The status message cut to what a close frame's reason holds (123 bytes of UTF-8), on a character boundary. */
  static String reason(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_REASON_BYTES) {
      return message;
    }
    int end = MAX_REASON_BYTES;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private void requestMore() {
    if (ctx.channel().isWritable()) {
      upstream.requestMore();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    requestMore();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    upstream.cancel("the WebSocket client went away");
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
