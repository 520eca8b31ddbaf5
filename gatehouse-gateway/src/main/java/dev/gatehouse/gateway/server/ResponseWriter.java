package dev.gatehouse.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes an {@link Answer} to the connection: with {@code Content-Length} when it has no trailers, else chunked with
 * a {@code Trailer} announcement and the trailers after the last chunk. Does not flush: the connection flushes once
 * after writing every answer that is ready.
 *
 * <p>The body is wrapped, not copied, in a {@code ByteBuf} that the HTTP encoder releases once written (or once the
 * write fails).
 */
final class ResponseWriter {
  private ResponseWriter() {
  }

  static ChannelFuture write(ChannelHandlerContext ctx, Exchange exchange, boolean close) {
    Answer answer = exchange.answer();
    HttpVersion version = exchange.head().protocolVersion();
    HttpHeaders headers = answer.headers();
    exchange.addTraceHeaders(headers);
    if (close) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (!version.isKeepAliveDefault()) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    HttpHeaders trailers = answer.trailers();
    // HTTP/1.0 has no chunked encoding, so no trailers either.
    if (trailers == null || trailers.isEmpty() || !version.equals(HttpVersion.HTTP_1_1)) {
      DefaultFullHttpResponse response = new DefaultFullHttpResponse(version, answer.status(),
          Unpooled.wrappedBuffer(answer.body()), headers, EmptyHttpHeaders.INSTANCE);
      headers.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
      return ctx.write(response);
    }
    headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    Set<String> names = new LinkedHashSet<>();
    for (Map.Entry<String, String> trailer : trailers) {
      names.add(trailer.getKey());
    }
    headers.set(HttpHeaderNames.TRAILER, String.join(", ", names));
    ctx.write(new DefaultHttpResponse(version, answer.status(), headers));
    if (answer.body().length > 0) {
      ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(answer.body())));
    }
    DefaultLastHttpContent last = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
    last.trailingHeaders().set(trailers);
    return ctx.write(last);
  }
}
