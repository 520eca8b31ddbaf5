package dev.gatehouse.h2.connection;

import static dev.gatehouse.h2.connection.Http2Traffic.grpcRequest;
import static dev.gatehouse.h2.connection.Http2Traffic.grpcResponse;
import static dev.gatehouse.h2.connection.Http2Traffic.message;
import static dev.gatehouse.h2.connection.Http2Traffic.trailers;
import static dev.gatehouse.h2.event.Direction.CLIENT;
import static dev.gatehouse.h2.event.Direction.SERVER;

import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import java.nio.charset.StandardCharsets;

/** gRPC conversations used by several tests. Times are small numbers of nanoseconds, easy to read. */
final class Scenarios {

  static final String METHOD = "/gatehouse.testing.v1.Library/GetBook";

  private Scenarios() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Preface and SETTINGS both ways, with the ACKs. */
  static Http2Traffic handshake() {
    Http2Settings server = new Http2Settings().maxConcurrentStreams(100).maxHeaderListSize(8192);
    return new Http2Traffic().at(10).clientPreface()
        .at(20).settings(SERVER, server)
        .at(30).settingsAck(CLIENT)
        .at(40).settingsAck(SERVER);
  }

  /** One unary call: request message "hello", response message "world", status OK. */
  static Http2Traffic unary() {
    return handshake()
        .at(100).headers(CLIENT, 1, grpcRequest(METHOD).add("grpc-timeout", "5S").add("x-user", "ada")
            .add("trace-bin", "AQID"), false)
        .at(110).data(CLIENT, 1, message(new byte[] {0x0a, 0x05, 'h', 'e', 'l', 'l', 'o'}), 0, true)
        .at(200).headers(SERVER, 1, grpcResponse(), false)
        .at(210).data(SERVER, 1, message(new byte[] {0x0a, 0x05, 'w', 'o', 'r', 'l', 'd'}), 0, false)
        .at(220).headers(SERVER, 1, trailers(0, null), true);
  }

  /** A server stream of {@code count} messages of {@code size} bytes, several per DATA frame and split across. */
  static Http2Traffic serverStreaming(int count, int size) {
    Http2Traffic traffic = handshake()
        .at(100).headers(CLIENT, 1, grpcRequest("/gatehouse.testing.v1.Library/ListBooks"), false)
        .at(110).data(CLIENT, 1, message(utf8("shelf")), 0, true)
        .at(200).headers(SERVER, 1, grpcResponse(), false);
    byte[] all = new byte[0];
    for (int i = 0; i < count; i++) {
      byte[] body = new byte[size];
      body[0] = (byte) i;
      all = Http2Traffic.concat(all, message(body));
    }
    // Cut the stream of messages at a frame size that is no multiple of the message size.
    int frame = Math.max(7, (size + 5) * 5 / 2);
    long t = 300;
    for (int pos = 0; pos < all.length; pos += frame) {
      byte[] chunk = java.util.Arrays.copyOfRange(all, pos, Math.min(all.length, pos + frame));
      traffic.at(t++).data(SERVER, 1, chunk, pos == 0 ? 3 : 0, false);
    }
    return traffic.at(t + 100).headers(SERVER, 1, trailers(0, null), true);
  }

  /** A client with a 100 ns deadline cancels; the server's trailers-only DEADLINE_EXCEEDED crosses the reset. */
  static Http2Traffic deadline() {
    return handshake()
        .at(100).headers(CLIENT, 1, grpcRequest(METHOD).add("grpc-timeout", "100n"), false)
        .at(110).data(CLIENT, 1, message(utf8("slow")), 0, true)
        .at(200).rst(CLIENT, 1, 0x8)
        .at(201).headers(SERVER, 1, grpcResponse().add("grpc-status", "4")
            .add("grpc-message", "Deadline%20Exceeded"), true)
        .at(202).rst(SERVER, 1, 0x0);
  }

  /**
   * A flow-control stall: the client allows 300 bytes per stream and never updates; the server's message stops
   * mid-way, then after the deadline the server sends trailers and the client half of the stream ends.
   */
  static Http2Traffic stall() {
    Http2Settings client = new Http2Settings().initialWindowSize(300);
    Http2Settings server = new Http2Settings();
    byte[] big = message(new byte[400]);
    return new Http2Traffic().at(10).raw(CLIENT, FrameReader.CLIENT_MAGIC).settings(CLIENT, client)
        .at(20).settings(SERVER, server)
        .at(30).settingsAck(SERVER)
        .at(40).settingsAck(CLIENT)
        .at(100).headers(CLIENT, 1, grpcRequest(METHOD), false)
        .at(110).data(CLIENT, 1, message(utf8("feed")), 0, true)
        .at(200).headers(SERVER, 1, grpcResponse(), false)
        .at(210).data(SERVER, 1, java.util.Arrays.copyOfRange(big, 0, 150), 0, false)
        .at(220).data(SERVER, 1, java.util.Arrays.copyOfRange(big, 150, 300), 0, false)
        .at(2220).headers(SERVER, 1, trailers(4, "Deadline Exceeded"), true);
  }

  /** A graceful drain: GOAWAY(2^31-1) + PING, PING ACK, GOAWAY(last=1) while stream 3 was in flight. */
  static Http2Traffic goAway() {
    return handshake()
        .at(100).headers(CLIENT, 1, grpcRequest(METHOD), true)
        .at(150).headers(SERVER, 1, grpcResponse(), false)
        .at(160).headers(CLIENT, 3, grpcRequest(METHOD), true)
        .at(200).goAway(SERVER, Integer.MAX_VALUE, 0, "")
        .at(201).ping(SERVER, false, 0x97ACEF001L)
        .at(230).ping(CLIENT, true, 0x97ACEF001L)
        .at(231).goAway(SERVER, 1, 0, "server shutting down")
        .at(300).headers(SERVER, 1, trailers(0, null), true)
        .at(400).goAway(SERVER, 1, 0xb, "too_many_pings");
  }

  /** SETTINGS and PING round trips: a BDP probe, a keepalive and an unmatched ACK. */
  static Http2Traffic pings() {
    Http2Settings grpc = new Http2Settings().initialWindowSize(1 << 20);
    grpc.put((char) 0xfe03, Long.valueOf(1));
    return handshake()
        .at(1000).ping(CLIENT, false, 1234)
        .at(1500).ping(SERVER, true, 1234)
        .at(2000).ping(SERVER, false, 0xDEAD)
        .at(2100).ping(CLIENT, true, 0xDEAD)
        .at(3000).settings(SERVER, grpc)
        .at(3250).settingsAck(CLIENT)
        .at(4000).ping(CLIENT, true, 42);
  }

  static Http2Headers request() {
    return grpcRequest(METHOD);
  }
}
