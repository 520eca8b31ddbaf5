package dev.gatehouse.gateway.trace;

import java.net.InetSocketAddress;

/**
 * Receives the raw bytes of the gateway's upstream HTTP/2 connections, to decode them elsewhere. The gateway knows
 * nothing of HTTP/2 decoding: the CLI puts the lens's decoder behind this interface, tests a recorder.
 *
 * <p>Threading: {@link #open} and every call on the {@link TapConnection} it returns run on that connection's event
 * loop, one at a time, and must not block (forwarding waits for them). {@link #locate} may be called from any event
 * loop.
 */
public interface UpstreamTap {

  /**
   * The metadata key the gateway sends on every traced call, with the call's trace id as value, so the decoder can
   * tell which upstream stream carried which REST request.
   */
  String TRACE_ID_KEY = "gatehouse-trace-id";

  /**
   * A connection to the backend is up; nothing has been sent on it yet.
   *
   * @param gateway the gateway's end of the connection
   * @param backend the backend's end
   * @return where the connection's bytes go
   */
  TapConnection open(InetSocketAddress gateway, InetSocketAddress backend);

  /**
   * Where the call that carried {@code traceId} went, as {@code CONN/STREAM} (the decoder's connection id and the
   * HTTP/2 stream id), or {@code null} when unknown. Asked once, when the REST answer is written.
   */
  default String locate(String traceId) {
    return null;
  }
}
