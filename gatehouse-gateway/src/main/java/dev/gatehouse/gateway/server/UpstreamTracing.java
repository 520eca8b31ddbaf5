package dev.gatehouse.gateway.server;

import dev.gatehouse.gateway.trace.UpstreamTap;
import dev.gatehouse.gateway.upstream.UpstreamChannel;
import io.grpc.Metadata;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which upstream channel a request's call takes, and whether it is traced. Without a tap nothing is traced. With
 * {@code --trace} the one channel is tapped and every call is traced. Otherwise untraced calls take an untapped
 * channel, which costs nothing, and requests carrying {@code X-Gatehouse-Trace: 1} take a second, tapped channel to
 * the same backend, so only their connections are decoded. (HTTP/2 cannot be decoded from the middle of a
 * connection, because HPACK state builds up from its first header block, so "decode only the traced streams of a
 * shared connection" would mean decoding every connection all the time.)
 *
 * <p>A traced call sends its trace id upstream as metadata ({@link UpstreamTap#TRACE_ID_KEY}); the answer carries
 * it back in {@code X-Gatehouse-Trace-Id}, and, when the decoder saw the call, {@code X-Gatehouse-Trace-Stream:
 * CONN/STREAM}. Immutable and shared by every connection.
 */
final class UpstreamTracing {
  static final String TRACE_HEADER = "x-gatehouse-trace";
  static final String TRACE_ID_HEADER = "x-gatehouse-trace-id";
  static final String TRACE_STREAM_HEADER = "x-gatehouse-trace-stream";
  private static final Metadata.Key<String> TRACE_ID =
      Metadata.Key.of(UpstreamTap.TRACE_ID_KEY, Metadata.ASCII_STRING_MARSHALLER);

  private final UpstreamTap tap;
  private final boolean all;
  private final boolean onRequest;
  private final UpstreamChannel plain;
  private final UpstreamChannel traced;

  /**
   * @param plain the channel of untraced calls (tapped when {@code all})
   * @param onRequest whether a request may ask for a trace with {@code X-Gatehouse-Trace: 1}
   * @param traced the channel of calls traced on request, or {@code null} when none are
   */
  UpstreamTracing(UpstreamTap tap, boolean all, boolean onRequest, UpstreamChannel plain, UpstreamChannel traced) {
    this.tap = tap;
    this.all = all;
    this.onRequest = onRequest;
    this.plain = plain;
    this.traced = traced;
  }

  /** Whether the call made for a request with these headers is traced. */
  boolean traces(HttpHeaders headers) {
    return tap != null && (all || onRequest && headers.containsValue(TRACE_HEADER, "1", true));
  }

  /**
   * The channel for the call of {@code exchange}; when the call is traced, adds its trace id to {@code metadata}
   * and remembers it in the exchange for the answer.
   */
  UpstreamChannel channel(Exchange exchange, Metadata metadata) {
    if (!traces(exchange.headers())) {
      return plain;
    }
    String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    metadata.put(TRACE_ID, id);
    exchange.trace(this, id);
    return all ? plain : traced;
  }

  /** Adds the trace headers of a traced call's answer. */
  void addHeaders(String traceId, HttpHeaders headers) {
    headers.set(TRACE_ID_HEADER, traceId);
    String location = tap.locate(traceId);
    if (location != null) {
      headers.set(TRACE_STREAM_HEADER, location);
    }
  }
}
