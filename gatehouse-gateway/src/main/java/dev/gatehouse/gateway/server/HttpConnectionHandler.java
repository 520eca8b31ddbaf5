package dev.gatehouse.gateway.server;

import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One HTTP/1.1 connection: turns the decoded requests into {@link Exchange}s, hands each complete one to the
 * {@link RequestDispatcher}, and writes the answers strictly in request order, however the upstream calls of
 * pipelined requests finish.
 *
 * <p>Runs on the connection's event loop only. Every inbound message is released here after its bytes are copied
 * out. Reading stops while {@value #MAX_PIPELINED} requests await their answers or while the socket is not writable
 * (the client is not reading), so a client cannot make the gateway hold more than that per connection.
 */
final class HttpConnectionHandler extends ChannelInboundHandlerAdapter {
  static final int MAX_PIPELINED = 16;

  private final RequestDispatcher dispatcher;
  private final ServerState server;
  private final ArrayDeque<Exchange> exchanges = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  /** The exchange whose body is arriving, or {@code null}. */
  private Exchange receiving;
  /** After an answer that closes the connection, nothing more is read into an exchange. */
  private boolean discarding;
  private boolean draining;

  HttpConnectionHandler(RequestDispatcher dispatcher, ServerState server) {
    this.dispatcher = dispatcher;
    this.server = server;
  }

  Channel channel() {
    return ctx.channel();
  }

  ChannelHandlerContext context() {
    return ctx;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (discarding) {
        return;
      }
      if (msg instanceof HttpRequest request) {
        onHead(request);
      }
      if (msg instanceof HttpContent content) {
        onContent(content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onHead(HttpRequest request) {
    Exchange exchange = new Exchange(this, request, System.nanoTime());
    exchanges.add(exchange);
    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      reject(exchange, decodeError(result.cause()));
      return;
    }
    if (draining || server.isDraining()) {
      reject(exchange, server.errors().of(GrpcCode.UNAVAILABLE, "the gateway is shutting down; retry elsewhere"));
      return;
    }
    String expect = request.headers().get(HttpHeaderNames.EXPECT);
    if (expect != null && !expect.equalsIgnoreCase("100-continue")) {
      reject(exchange, server.errors().of(GrpcCode.INVALID_ARGUMENT, "unsupported Expect: " + expect
          + " (expected: 100-continue)").withStatus(HttpResponseStatus.EXPECTATION_FAILED));
      return;
    }
    // A streamed upload is limited per message, not as a whole.
    boolean streamedUpload = dispatcher.isStreamedUpload(exchange);
    int maxBody = server.config().maxBodyBytes();
    if (!streamedUpload && HttpUtil.getContentLength(request, -1L) > maxBody) {
      reject(exchange, bodyTooLarge(maxBody));
      return;
    }
    if (HttpUtil.is100ContinueExpected(request) && exchanges.size() == 1) {
      // Only when no earlier answer is pending: an interim response must not overtake one.
      ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
    receiving = exchange;
    if (streamedUpload) {
      try {
        dispatcher.dispatchStreamedUpload(exchange);
        giveTurnToStream(exchange);
      } catch (StatusException e) {
        exchange.complete(server.errors().of(e));
      } catch (RuntimeException e) {
        exchange.complete(server.errors().internal("the gateway failed to handle the request: " + e));
      }
    }
    updateAutoRead();
  }

  private void onContent(HttpContent content) {
    Exchange exchange = receiving;
    if (exchange == null) {
      return;
    }
    if (content.decoderResult().isFailure()) {
      receiving = null;
      Answer error = decodeError(content.decoderResult().cause());
      if (exchange.streamed() != null) {
        discarding = true;
        exchange.closeAfter(true);
        exchange.streamed().fail(new StatusException(GrpcCode.INVALID_ARGUMENT, "malformed HTTP request: "
            + content.decoderResult().cause().getMessage()));
        return;
      }
      reject(exchange, error);
      return;
    }
    StreamedCall streamed = exchange.streamed();
    if (streamed != null || exchange.answer() != null) {
      // A streamed upload goes to its call as it comes; the body of a request answered early is skipped.
      if (streamed != null) {
        streamed.onBodyChunk(content.content());
      }
      if (content instanceof LastHttpContent) {
        receiving = null;
        if (streamed != null) {
          streamed.onBodyEnd();
        }
      }
      updateAutoRead();
      return;
    }
    int maxBody = server.config().maxBodyBytes();
    if (!exchange.appendBody(content.content(), maxBody)) {
      receiving = null;
      reject(exchange, bodyTooLarge(maxBody));
      return;
    }
    if (content instanceof LastHttpContent) {
      receiving = null;
      try {
        dispatcher.dispatch(exchange);
        giveTurnToStream(exchange);
      } catch (StatusException e) {
        exchange.complete(server.errors().of(e));
      } catch (RuntimeException e) {
        exchange.complete(server.errors().internal("the gateway failed to handle the request: " + e));
      }
    }
  }

  /** A stream just started: when it is the exchange answering now, it may start asking for messages. */
  private void giveTurnToStream(Exchange exchange) {
    if (exchange.streamed() != null && exchanges.peek() == exchange) {
      exchange.streamed().onTurn();
    }
  }

  /** Answers with an error and closes the connection after it, since the rest of the input cannot be trusted. */
  private void reject(Exchange exchange, Answer answer) {
    discarding = true;
    exchange.closeAfter(true);
    exchange.complete(answer);
  }

  private Answer bodyTooLarge(int maxBody) {
    return server.errors().of(GrpcCode.RESOURCE_EXHAUSTED, "request body larger than " + maxBody + " bytes")
        .withStatus(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
  }

  private Answer decodeError(Throwable cause) {
    int maxHeader = server.config().maxHeaderBytes();
    if (cause instanceof TooLongHttpHeaderException) {
      return server.errors().of(GrpcCode.RESOURCE_EXHAUSTED, "request headers larger than " + maxHeader + " bytes")
          .withStatus(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
    }
    if (cause instanceof TooLongHttpLineException) {
      return server.errors().of(GrpcCode.INVALID_ARGUMENT, "request line longer than " + maxHeader + " bytes")
          .withStatus(HttpResponseStatus.REQUEST_URI_TOO_LONG);
    }
    return server.errors().of(GrpcCode.INVALID_ARGUMENT, "malformed HTTP request: " + cause.getMessage());
  }

  /** An exchange got its answer: write every answer that is now at the head of the queue. */
  void answerReady() {
    boolean wrote = false;
    while (!exchanges.isEmpty()) {
      Exchange exchange = exchanges.peek();
      ChannelFuture written;
      int status;
      int grpcStatus;
      if (exchange.answer() != null) {
        boolean close = exchange.closeAfter() || (draining && exchanges.size() == 1 && receiving == null);
        written = ResponseWriter.write(ctx, exchange, close);
        wrote = true;
        status = exchange.answer().status().code();
        grpcStatus = exchange.answer().grpcStatus();
      } else if (exchange.streamEnd() != null) {
        // A streamed response, already written and flushed to its end.
        written = exchange.streamEnd();
        status = HttpResponseStatus.OK.code();
        grpcStatus = exchange.streamGrpcStatus();
      } else {
        if (exchange.streamed() != null) {
          exchange.streamed().onTurn();
        }
        break;
      }
      exchanges.poll();
      boolean close = exchange.closeAfter() || (draining && exchanges.isEmpty() && receiving == null);
      written.addListener(future -> server.logAccess(exchange, status, grpcStatus));
      if (close) {
        written.addListener(ChannelFutureListener.CLOSE);
        discarding = true;
        abandonAll();
        break;
      }
    }
    if (wrote) {
      ctx.flush();
    }
    updateAutoRead();
  }

  /**
   * Hands the connection over to a WebSocket call: the handshake must be the only request in flight; this handler
   * leaves the pipeline, and the call starts once the handshake response is written.
   */
  void switchToWebSocket(Exchange exchange, WebSocketCall call, WebSocketServerHandshaker handshaker,
      FullHttpRequest request) {
    if (exchanges.size() != 1 || exchanges.peek() != exchange) {
      exchange.closeAfter(true);
      exchange.complete(server.errors().of(GrpcCode.INVALID_ARGUMENT,
          "a WebSocket handshake pipelined behind other requests (expected: alone on its connection)"));
      return;
    }
    exchanges.poll();
    server.logAccess(exchange, HttpResponseStatus.SWITCHING_PROTOCOLS.code(), 0);
    Channel channel = ctx.channel();
    ChannelPipeline pipeline = ctx.pipeline();
    pipeline.addAfter(ctx.name(), "websocket-call", call);
    pipeline.addAfter(ctx.name(), "websocket-frames", new WebSocketFrameAggregator(server.config().maxBodyBytes()));
    pipeline.remove(this);
    handshaker.handshake(channel, request).addListener(future -> {
      if (future.isSuccess()) {
        call.start();
      } else {
        channel.close();
      }
    });
  }

  /** Shutdown: answer what is in flight, then close; an idle connection closes at once. */
  void drain() {
    draining = true;
    if (exchanges.isEmpty() && receiving == null) {
      ctx.close();
    }
  }

  void updateAutoRead() {
    Channel channel = ctx.channel();
    boolean uploadPaused = receiving != null && receiving.streamed() != null && receiving.streamed().isUploadPaused();
    channel.config().setAutoRead(exchanges.size() < MAX_PIPELINED && channel.isWritable() && !uploadPaused);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    updateAutoRead();
    Exchange head = exchanges.peek();
    if (head != null && head.streamed() != null) {
      head.streamed().onWritabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof HttpServerUpgradeHandler.UpgradeEvent) {
      // h2c via Upgrade: the connection now speaks HTTP/2, whose streams have handlers of their own.
      ctx.pipeline().remove(this);
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    abandonAll();
    ctx.fireChannelInactive();
  }

  private void abandonAll() {
    for (Exchange exchange : exchanges) {
      exchange.abandon();
      // 499, nginx's "client closed request": the client left before its answer was written.
      server.logAccess(exchange, 499, GrpcCode.CANCELLED.value());
    }
    exchanges.clear();
    receiving = null;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset or broken socket: nothing can be answered on it any more; closing abandons what is in flight.
    ctx.close();
  }

}
