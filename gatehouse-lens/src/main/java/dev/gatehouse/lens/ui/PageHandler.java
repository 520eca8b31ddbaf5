package dev.gatehouse.lens.ui;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Answers one HTTP connection of the web view: {@code GET /events} becomes an {@link EventStream}, other paths are the
 * page's files. One instance per channel.
 */
final class PageHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  /**
   * The page runs only its own scripts and styles, and talks only to its own server: a captured header value is
   * shown as text and can never run as code.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final PageResources resources;
  private final EventLog log;
  private final String instance;
  private EventStream stream;

  PageHandler(PageResources resources, EventLog log, String instance) {
    this.resources = resources;
    this.log = log;
    this.instance = instance;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (stream != null) {
      ctx.close(); // nothing may follow an event stream on its connection
      return;
    }
    if (!request.decoderResult().isSuccess()) {
      plain(ctx, request, HttpResponseStatus.BAD_REQUEST, "malformed request\n");
      return;
    }
    boolean head = request.method().equals(HttpMethod.HEAD);
    if (!request.method().equals(HttpMethod.GET) && !head) {
      FullHttpResponse response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET and HEAD\n");
      response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      send(ctx, request, response);
      return;
    }
    String uri = request.uri();
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    if (path.equals("/events") && !head) {
      stream = new EventStream(ctx.channel(), log, instance);
      stream.start(request.headers().get("Last-Event-ID"));
      return;
    }
    PageResources.Resource resource = resources.find(path);
    if (resource == null) {
      plain(ctx, request, HttpResponseStatus.NOT_FOUND, "not found: " + path + "\n");
      return;
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(resource.bytes()));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, resource.contentType())
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY)
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer");
    HttpUtil.setContentLength(response, resource.bytes().length);
    send(ctx, request, response);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (stream != null) {
      stream.writabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (stream != null) {
      stream.stop();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a browser that went away mid-write; the page reconnects by itself
  }

  private static void plain(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
      String body) {
    send(ctx, request, text(status, body));
  }

  private static FullHttpResponse text(HttpResponseStatus status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    HttpUtil.setContentLength(response, bytes.length);
    return response;
  }

  private static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    var written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }
}
