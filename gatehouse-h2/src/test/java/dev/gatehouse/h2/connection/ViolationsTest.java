package dev.gatehouse.h2.connection;

import static dev.gatehouse.h2.connection.Http2Traffic.message;
import static dev.gatehouse.h2.event.Direction.CLIENT;
import static dev.gatehouse.h2.event.Direction.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.ViolationEvent;
import dev.gatehouse.h2.event.ViolationKind;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each state-machine and framing violation is reported by name, with the side that committed it. */
class ViolationsTest {

  @Test
  void dataAfterEndStreamIsBlamedOnItsSender() {
    assertViolation(Scenarios.handshake().headers(CLIENT, 1, Scenarios.request(), true)
        .data(CLIENT, 1, message(new byte[1]), 0, false), CLIENT, ViolationKind.FRAME_AFTER_END_STREAM);
  }

  @Test
  void framesAfterOwnResetAreViolationsButCrossingFramesAreTolerated() {
    Recorder crossing = Recorder.decode(Scenarios.deadline().segments(), 1000);
    assertThat(crossing.of(ViolationEvent.class)).extracting(ViolationEvent::kind)
        .containsExactly(ViolationKind.LATE_FRAME_AFTER_RESET);
    assertThat(ViolationKind.LATE_FRAME_AFTER_RESET.tolerated()).isTrue();
    assertViolation(Scenarios.handshake().headers(CLIENT, 1, Scenarios.request(), false).rst(CLIENT, 1, 8)
        .data(CLIENT, 1, message(new byte[1]), 0, false), CLIENT, ViolationKind.FRAME_AFTER_RST_STREAM);
  }

  @Test
  void headersOnAClosedStream() {
    assertViolation(Scenarios.unary().headers(CLIENT, 1, Scenarios.request(), true), CLIENT,
        ViolationKind.FRAME_AFTER_END_STREAM);
    assertViolation(Scenarios.unary().headers(SERVER, 1, Http2Traffic.trailers(0, null), true), SERVER,
        ViolationKind.FRAME_AFTER_END_STREAM);
  }

  @Test
  void evenAndDecreasingClientStreamIds() {
    assertViolation(Scenarios.handshake().headers(CLIENT, 2, Scenarios.request(), true), CLIENT,
        ViolationKind.EVEN_CLIENT_STREAM_ID);
    assertViolation(Scenarios.handshake().headers(CLIENT, 5, Scenarios.request(), false)
        .headers(CLIENT, 3, Scenarios.request(), false), CLIENT, ViolationKind.DECREASING_STREAM_ID);
  }

  @Test
  void dataOnAnIdleStream() {
    assertViolation(Scenarios.handshake().data(SERVER, 7, new byte[3], 0, false), SERVER,
        ViolationKind.FRAME_ON_IDLE_STREAM);
  }

  @Test
  void moreStreamsThanTheServerAllows() {
    Http2Traffic traffic = new Http2Traffic().clientPreface()
        .settings(SERVER, new Http2Settings().maxConcurrentStreams(1)).settingsAck(CLIENT).settingsAck(SERVER)
        .headers(CLIENT, 1, Scenarios.request(), false).headers(CLIENT, 3, Scenarios.request(), false);
    assertViolation(traffic, CLIENT, ViolationKind.TOO_MANY_CONCURRENT_STREAMS);
  }

  @Test
  void continuationInterleaving() {
    Http2Traffic traffic = Scenarios.handshake()
        .frame(CLIENT, (byte) 0x1, 1, 0x0, new byte[] {(byte) 0x82}) // HEADERS without END_HEADERS
        .ping(CLIENT, false, 1);
    assertViolation(traffic, CLIENT, ViolationKind.CONTINUATION_INTERLEAVED);
    assertViolation(Scenarios.handshake().frame(CLIENT, (byte) 0x9, 1, 0x4, new byte[] {(byte) 0x82}), CLIENT,
        ViolationKind.CONTINUATION_INTERLEAVED);
  }

  @Test
  void headerBlockSplitOverContinuationsIsDecodedOnce() {
    Recorder recorder = Recorder.decode(Scenarios.handshake()
        .frame(CLIENT, (byte) 0x1, 1, 0x1, new byte[] {(byte) 0x83, (byte) 0x86})
        .frame(CLIENT, (byte) 0x9, 1, 0x0, new byte[] {(byte) 0x84})
        .frame(CLIENT, (byte) 0x9, 1, 0x4, new byte[] {0x41, 0x01, 'h'}).segments(), 1000);
    assertThat(recorder.of(ViolationEvent.class)).isEmpty();
    assertThat(recorder.lines()).anyMatch(line -> line.contains("ContinuationFrame")
        && line.contains("headers=[:method: POST, :scheme: http, :path: /, :authority: h]"));
    assertThat(recorder.lines()).anyMatch(line -> line.startsWith("CallStartEvent") && line.contains("endStream=true"));
  }

  @Test
  void malformedFrameSizesAndWrongStreamIds() {
    assertViolation(Scenarios.handshake().frame(CLIENT, (byte) 0x6, 0, 0, new byte[7]), CLIENT,
        ViolationKind.MALFORMED_FRAME);
    assertViolation(Scenarios.handshake().frame(SERVER, (byte) 0x3, 1, 0, new byte[3]), SERVER,
        ViolationKind.MALFORMED_FRAME);
    assertViolation(Scenarios.handshake().frame(SERVER, (byte) 0x4, 0, 0, new byte[5]), SERVER,
        ViolationKind.MALFORMED_FRAME);
    assertViolation(Scenarios.handshake().frame(CLIENT, (byte) 0x6, 3, 0, new byte[8]), CLIENT,
        ViolationKind.WRONG_STREAM_ID);
    assertViolation(Scenarios.handshake().frame(CLIENT, (byte) 0x0, 0, 0, new byte[8]), CLIENT,
        ViolationKind.WRONG_STREAM_ID);
    assertViolation(Scenarios.handshake().frame(CLIENT, (byte) 0x0, 1, 0x8, new byte[] {9, 0}), CLIENT,
        ViolationKind.MALFORMED_FRAME);
  }

  @Test
  void frameOverMaxFrameSize() {
    assertViolation(Scenarios.handshake().headers(CLIENT, 1, Scenarios.request(), false)
        .frame(CLIENT, (byte) 0x0, 1, 0, new byte[20_000]), CLIENT, ViolationKind.FRAME_TOO_LARGE);
  }

  @Test
  void headerListOverThePeersLimit() {
    assertViolation(Scenarios.handshake().headers(CLIENT, 1,
        Scenarios.request().add("x-big", "x".repeat(9000)), true), CLIENT, ViolationKind.HEADER_LIST_TOO_LARGE);
  }

  @Test
  void hpackFailureIsACompressionError() {
    assertViolation(Scenarios.handshake().frame(CLIENT, (byte) 0x1, 1, 0x5, new byte[] {(byte) 0xff, 0x7f}),
        CLIENT, ViolationKind.COMPRESSION_ERROR);
  }

  @Test
  void firstFrameNotSettings() {
    assertViolation(new Http2Traffic().raw(CLIENT, FrameReader.CLIENT_MAGIC).ping(CLIENT, false, 1), CLIENT,
        ViolationKind.FIRST_FRAME_NOT_SETTINGS);
    assertViolation(new Http2Traffic().clientPreface().ping(SERVER, false, 1), SERVER,
        ViolationKind.FIRST_FRAME_NOT_SETTINGS);
  }

  @Test
  void flowControlWindowExceededOverflowedAndZeroIncrement() {
    Http2Traffic small = new Http2Traffic().clientPreface().settings(SERVER, new Http2Settings().initialWindowSize(10))
        .settingsAck(CLIENT).settingsAck(SERVER).headers(CLIENT, 1, Scenarios.request(), false)
        .data(CLIENT, 1, new byte[11], 0, false);
    assertViolation(small, CLIENT, ViolationKind.FLOW_CONTROL_EXCEEDED);
    assertViolation(Scenarios.handshake().windowUpdate(SERVER, 0, Integer.MAX_VALUE), SERVER,
        ViolationKind.WINDOW_OVERFLOW);
    assertViolation(Scenarios.handshake().frame(SERVER, (byte) 0x8, 0, 0, new byte[4]), SERVER,
        ViolationKind.ZERO_WINDOW_INCREMENT);
  }

  @Test
  void unexpectedSettingsAckAndInvalidSetting() {
    assertViolation(Scenarios.handshake().settingsAck(CLIENT), CLIENT, ViolationKind.UNEXPECTED_ACK);
    assertViolation(Scenarios.handshake().frame(SERVER, (byte) 0x4, 0, 0, new byte[] {0, 2, 0, 0, 0, 7}), SERVER,
        ViolationKind.INVALID_SETTING);
  }

  @Test
  void pushPromiseFromTheClientAndStreamsAfterGoAway() {
    assertViolation(Scenarios.handshake().headers(CLIENT, 1, Scenarios.request(), false)
        .frame(CLIENT, (byte) 0x5, 1, 0x4, new byte[] {0, 0, 0, 2, (byte) 0x82}), CLIENT,
        ViolationKind.PUSH_NOT_ALLOWED);
    assertViolation(Scenarios.handshake().goAway(SERVER, 0, 0, "").headers(CLIENT, 1, Scenarios.request(), true),
        CLIENT, ViolationKind.STREAM_AFTER_GOAWAY);
  }

  @Test
  void serverHeadersOnAnIdleStream() {
    assertViolation(Scenarios.handshake().headers(SERVER, 1, new DefaultHttp2Headers().status("200"), false),
        SERVER, ViolationKind.FRAME_ON_IDLE_STREAM);
  }

  private static void assertViolation(Http2Traffic traffic, Direction offender, ViolationKind kind) {
    List<ViolationEvent> violations = Recorder.decode(traffic.segments(), 100_000).of(ViolationEvent.class);
    assertThat(violations).as("violations").anySatisfy(v -> {
      assertThat(v.kind()).isEqualTo(kind);
      assertThat(v.offender()).isEqualTo(offender);
      assertThat(v.text()).isNotBlank();
    });
  }
}
