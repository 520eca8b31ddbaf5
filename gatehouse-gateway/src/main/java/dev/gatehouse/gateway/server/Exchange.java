package dev.gatehouse.gateway.server;

import dev.gatehouse.core.route.RouteLookup;
import dev.gatehouse.gateway.upstream.UnaryCall;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.Arrays;
import java.util.Locale;

/**
 * One request and its answer on an HTTP connection: the head, the body as it arrives chunk by chunk, the upstream
 * call made for it, and the answer once known. Lives on its connection's event loop and is touched by no other
 * thread.
 */
final class Exchange {
  private static final byte[] EMPTY = new byte[0];

  private final HttpConnectionHandler connection;
  private final HttpRequest head;
  private final String path;
  private final String rawQuery;
  private final long startNanos;
  private byte[] body = EMPTY;
  private int bodyLength;
  private Answer answer;
  private UnaryCall call;
  private StreamedCall streamed;
  private RouteLookup lookup;
  private ChannelFuture streamEnd;
  private int streamGrpcStatus;
  private String grpcMethod;
  private boolean closeAfter;
  private boolean abandoned;
  private UpstreamTracing tracing;
  private String traceId;

  Exchange(HttpConnectionHandler connection, HttpRequest head, long startNanos) {
    this.connection = connection;
    this.head = head;
    this.startNanos = startNanos;
    String uri = head.uri();
    int question = uri.indexOf('?');
    this.path = question < 0 ? uri : uri.substring(0, question);
    this.rawQuery = question < 0 ? null : uri.substring(question + 1);
    this.closeAfter = !HttpUtil.isKeepAlive(head);
  }

  String method() {
    return head.method().name();
  }

  /** The path of the request target, still percent-encoded; the absolute form's scheme and authority included. */
  String path() {
    return path;
  }

  /** The query without {@code ?}, still percent-encoded, or {@code null}. */
  String rawQuery() {
    return rawQuery;
  }

  HttpHeaders headers() {
    return head.headers();
  }

  HttpRequest head() {
    return head;
  }

  /** The route found for this request when it was looked up before its body arrived, else {@code null}. */
  RouteLookup lookup() {
    return lookup;
  }

  void lookup(RouteLookup lookup) {
    this.lookup = lookup;
  }

  Channel channel() {
    return connection.channel();
  }

  HttpConnectionHandler connection() {
    return connection;
  }

  long startNanos() {
    return startNanos;
  }

  /** Whether the client asked for trailers ({@code TE: trailers}), so trailer metadata may go as HTTP trailers. */
  boolean acceptsTrailers() {
    // One hashed lookup; most requests send no TE at all. (containsValue walked every header on every answer.)
    String te = head.headers().get(HttpHeaderNames.TE);
    return te != null && te.toLowerCase(Locale.ROOT).contains(HttpHeaderValues.TRAILERS);
  }

  /**
   * Whether trailers may follow a streamed response, whose headers are gone: always on HTTP/2, where every response
   * can end with trailers; on HTTP/1.1 when the client asked for them. A buffered answer follows
   * {@link #acceptsTrailers()} instead, so that clients that cannot read trailers get the metadata as headers.
   */
  boolean canSendTrailers() {
    return channel() instanceof Http2StreamChannel || acceptsTrailers();
  }

  /**
   * Appends a body chunk, copying it (the caller keeps ownership of {@code content} and releases it).
   *
   * @return false, appending nothing, when the body would grow past {@code maxBytes}
   */
  boolean appendBody(ByteBuf content, int maxBytes) {
    int readable = content.readableBytes();
    if (readable == 0) {
      return true;
    }
    if ((long) bodyLength + readable > maxBytes) {
      return false;
    }
    if (bodyLength + readable > body.length) {
      long announced = HttpUtil.getContentLength(head, -1L);
      int capacity = announced >= bodyLength + readable && announced <= maxBytes
          ? (int) announced
          : (int) Math.min(maxBytes, Math.max(bodyLength + readable, 2L * body.length));
      body = Arrays.copyOf(body, capacity);
    }
    content.getBytes(content.readerIndex(), body, bodyLength, readable);
    bodyLength += readable;
    return true;
  }

  /** The whole body, once the last chunk is in. */
  byte[] body() {
    return bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength);
  }

  int bodyLength() {
    return bodyLength;
  }

  void upstreamCall(UnaryCall call, String grpcMethod) {
    this.call = call;
    this.grpcMethod = grpcMethod;
  }

  /** The upstream call of this exchange is traced under {@code id}. */
  void trace(UpstreamTracing tracing, String id) {
    this.tracing = tracing;
    this.traceId = id;
  }

  /** Adds the trace headers to the answer's {@code headers} when the upstream call was traced. */
  void addTraceHeaders(HttpHeaders headers) {
    if (tracing != null) {
      tracing.addHeaders(traceId, headers);
    }
  }

  /** A streaming call answers this exchange: its response is written as it comes, not as one {@link Answer}. */
  void streamedCall(StreamedCall streamed, String grpcMethod) {
    this.streamed = streamed;
    this.grpcMethod = grpcMethod;
  }

  /** The streaming call answering this exchange, or {@code null}. */
  StreamedCall streamed() {
    return streamed;
  }

  /**
   * The streamed response was written to its end by {@code lastWrite}; the connection may go on with the next
   * exchange.
   */
  void finishStream(ChannelFuture lastWrite, int grpcStatus) {
    if (abandoned || streamEnd != null) {
      return;
    }
    this.streamEnd = lastWrite;
    this.streamGrpcStatus = grpcStatus;
    connection.answerReady();
  }

  /** The last write of a streamed response, once it was written to its end; else {@code null}. */
  ChannelFuture streamEnd() {
    return streamEnd;
  }

  int streamGrpcStatus() {
    return streamGrpcStatus;
  }

  String grpcMethod() {
    return grpcMethod;
  }

  Answer answer() {
    return answer;
  }

  boolean closeAfter() {
    return closeAfter;
  }

  /** Closes the connection once this answer is written: the request was malformed, or asked for it. */
  void closeAfter(boolean closeAfter) {
    this.closeAfter |= closeAfter;
  }

  /** Records the answer and lets the connection write it when its turn comes; later answers are ignored. */
  void complete(Answer answer) {
    if (this.answer != null || abandoned) {
      return;
    }
    this.answer = answer;
    connection.answerReady();
  }

  boolean isAbandoned() {
    return abandoned;
  }

  /** The client went away: cancel the upstream call, whose result will then be ignored. */
  void abandon() {
    if (abandoned) {
      return;
    }
    abandoned = true;
    body = EMPTY;
    if (call != null && answer == null) {
      call.cancel("the HTTP client closed the connection");
    }
    if (streamed != null && answer == null && streamEnd == null) {
      streamed.cancel("the HTTP client went away");
    }
  }
}
