package dev.gatehouse.h2.connection;

import static dev.gatehouse.h2.connection.Http2Traffic.concat;
import static dev.gatehouse.h2.connection.Http2Traffic.message;
import static dev.gatehouse.h2.event.Direction.CLIENT;
import static dev.gatehouse.h2.event.Direction.SERVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallEnding;
import dev.gatehouse.h2.event.MessageCut;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.event.StallEndEvent;
import dev.gatehouse.h2.event.StallStartEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.event.WindowCause;
import dev.gatehouse.h2.event.WindowEvent;
import dev.gatehouse.h2.grpc.Metadata;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The gRPC layer: messages, trailers, call endings. */
class GrpcCallsTest {

  @Test
  void trailersOnlyErrorWithDetailsAndPercentEncodedMessage() {
    Recorder recorder = Recorder.decode(Scenarios.handshake()
        .headers(CLIENT, 1, Scenarios.request(), true)
        .headers(SERVER, 1, new DefaultHttp2Headers().status("200").add("content-type", "application/grpc")
            .add("grpc-status", "9").add("grpc-message", "caf%C3%A9 %25 closed")
            .add("grpc-status-details-bin", "CAkSBmNsb3NlZA"), true).segments(), 1000);
    TrailersEvent trailers = recorder.of(TrailersEvent.class).get(0);
    assertThat(trailers.trailersOnly()).isTrue();
    assertThat(trailers.httpStatus()).isEqualTo(200);
    assertThat(trailers.status().name()).isEqualTo("FAILED_PRECONDITION");
    assertThat(trailers.message()).isEqualTo("café % closed");
    assertThat(trailers.statusDetails()).containsExactly(0x08, 0x09, 0x12, 0x06, 'c', 'l', 'o', 's', 'e', 'd');
    CallEndEvent end = recorder.of(CallEndEvent.class).get(0);
    assertThat(end.trailersOnly()).isTrue();
    assertThat(end.ending()).isEqualTo(CallEnding.TRAILERS);
  }

  @Test
  void trueBinaryMetadataOfCCorePeersIsDecodedAsRawBytes() {
    // With SETTINGS 0xfe03 on both sides, C-core sends -bin values as a NUL byte then the raw bytes.
    String rawDetails = "\0" + "\u0008\u0009\u0012\u0006closed";
    String rawTrace = "\0" + "\u0000\u00ff\n";
    Recorder recorder = Recorder.decode(Scenarios.handshake()
        .headers(CLIENT, 1, Scenarios.request(), true)
        .headers(SERVER, 1, new DefaultHttp2Headers().status("200").add("content-type", "application/grpc")
            .add("grpc-status", "9").add("grpc-status-details-bin", rawDetails).add("trace-bin", rawTrace)
            .add("plain-bin", "AP8K"), true).segments(), 1000);
    TrailersEvent trailers = recorder.of(TrailersEvent.class).get(0);
    assertThat(trailers.statusDetails()).containsExactly(0x08, 0x09, 0x12, 0x06, 'c', 'l', 'o', 's', 'e', 'd');
    assertThat(trailers.metadata()).extracting(Metadata::name).containsExactly("trace-bin", "plain-bin");
    assertThat(trailers.metadata().get(0).binary()).containsExactly(0x00, 0xff, '\n');
    assertThat(trailers.metadata().get(1).binary()).containsExactly(0x00, 0xff, '\n');
  }

  @Test
  void repeatedHeaderBlocksStillMakeOneEventPerCall() {
    Http2Traffic traffic = Scenarios.handshake();
    for (int stream = 1; stream <= 5; stream += 2) {
      traffic.headers(CLIENT, stream, Scenarios.request(), true)
          .headers(SERVER, stream, new DefaultHttp2Headers().status("200").add("content-type", "application/grpc"),
              false)
          .headers(SERVER, stream, new DefaultHttp2Headers().add("grpc-status", "5").add("grpc-message", "gone"),
              true);
    }
    Recorder recorder = Recorder.decode(traffic.segments(), 1000);
    assertThat(recorder.of(TrailersEvent.class)).extracting(TrailersEvent::streamId).containsExactly(1, 3, 5);
    assertThat(recorder.of(CallEndEvent.class)).extracting(end -> end.status().name() + " " + end.message())
        .containsOnly("NOT_FOUND gone");
    assertThat(recorder.of(CallEndEvent.class)).extracting(CallEndEvent::ending)
        .containsOnly(CallEnding.TRAILERS);
  }

  @Test
  void severalMessagesInOneFrameAndOneMessageOverManyFrames() {
    byte[] three = concat(message(new byte[] {1}), message(new byte[] {2, 2}), message(new byte[] {3, 3, 3}));
    byte[] big = message(new byte[40_000]);
    Recorder recorder = Recorder.decode(Scenarios.handshake()
        .headers(CLIENT, 1, Scenarios.request(), false)
        .data(CLIENT, 1, three, 0, false)
        .data(CLIENT, 1, Arrays.copyOfRange(big, 0, 3), 0, false)
        .data(CLIENT, 1, Arrays.copyOfRange(big, 3, big.length), 7, true).segments(), 1000);
    assertThat(recorder.of(MessageEvent.class)).extracting(MessageEvent::declaredLength)
        .containsExactly(1L, 2L, 3L, 40_000L);
    MessageEvent last = recorder.of(MessageEvent.class).get(3);
    assertThat(last.complete()).isTrue();
    assertThat(last.index()).isEqualTo(3);
    assertThat(last.firstFrameSeq()).isLessThan(last.lastFrameSeq());
  }

  @Test
  void messageOverTheCapKeepsItsPrefixAndLength() {
    Recorder recorder = Recorder.decode(Scenarios.handshake()
        .headers(CLIENT, 1, Scenarios.request(), false)
        .data(CLIENT, 1, message(new byte[5000]), 0, true).segments(), 1000,
        DecoderOptions.defaults().withMaxMessageBytes(1024));
    MessageEvent message = recorder.of(MessageEvent.class).get(0);
    assertThat(message.data()).hasSize(1024);
    assertThat(message.receivedLength()).isEqualTo(5000);
    assertThat(message.dataTruncated()).isTrue();
    assertThat(message.complete()).isTrue();
  }

  @Test
  void messageCutByRstStreamIsFlaggedWithMissingBytes() {
    Recorder recorder = Recorder.decode(Scenarios.handshake()
        .headers(CLIENT, 1, Scenarios.request(), false)
        .data(CLIENT, 1, Arrays.copyOf(message(new byte[100]), 30), 0, false)
        .rst(CLIENT, 1, 8).segments(), 1000);
    MessageEvent cut = recorder.of(MessageEvent.class).get(0);
    assertThat(cut.cut()).isEqualTo(MessageCut.RST_STREAM);
    assertThat(cut.missingBytes()).isEqualTo(75);
    CallEndEvent end = recorder.of(CallEndEvent.class).get(0);
    assertThat(end.ending()).isEqualTo(CallEnding.RST_STREAM);
    assertThat(end.resetCode().name()).isEqualTo("CANCEL");
    assertThat(end.status().name()).isEqualTo("CANCELLED");
  }

  @Test
  void callsOpenAtTheEndAreClosedWithTheConnection() {
    Recorder recorder = Recorder.decode(Scenarios.handshake()
        .headers(CLIENT, 1, Scenarios.request(), false)
        .data(CLIENT, 1, new byte[] {0, 0}, 0, false).segments(), 1000);
    assertThat(recorder.of(MessageEvent.class).get(0).declaredLength()).isEqualTo(-1);
    assertThat(recorder.of(MessageEvent.class).get(0).cut()).isEqualTo(MessageCut.CONNECTION_CLOSED);
    assertThat(recorder.of(CallEndEvent.class).get(0).ending()).isEqualTo(CallEnding.CONNECTION_CLOSED);
  }

  @Test
  void responseEndedWithoutTrailersDerivesTheStatusFromHttp() {
    Recorder recorder = Recorder.decode(Scenarios.handshake()
        .headers(CLIENT, 1, Scenarios.request(), true)
        .headers(SERVER, 1, new DefaultHttp2Headers().status("503").add("content-type", "text/html"), false)
        .data(SERVER, 1, new byte[] {'<', 'h'}, 0, true).segments(), 1000);
    CallEndEvent end = recorder.of(CallEndEvent.class).get(0);
    assertThat(end.ending()).isEqualTo(CallEnding.END_STREAM_WITHOUT_STATUS);
    assertThat(end.status().name()).isEqualTo("UNAVAILABLE");
    assertThat(end.statusFromTrailers()).isFalse();
  }

  @Test
  void initialWindowChangeAppliesToOpenStreamsWhenAcknowledged() {
    Recorder recorder = Recorder.decode(Scenarios.handshake()
        .headers(CLIENT, 1, Scenarios.request(), false)
        .at(500).settings(SERVER, new Http2Settings().initialWindowSize(0))
        .at(510).data(CLIENT, 1, new byte[5], 0, false) // before the ACK: still the old window
        .at(520).settingsAck(CLIENT)
        .at(900).windowUpdate(SERVER, 1, 100).segments(), 1000);
    WindowEvent settings = recorder.of(WindowEvent.class).stream().filter(w -> w.cause() == WindowCause.SETTINGS)
        .findFirst().orElseThrow();
    assertThat(settings.timeNanos()).isEqualTo(520);
    assertThat(settings.before()).isEqualTo(65_530);
    assertThat(settings.after()).isEqualTo(-5);
    StallStartEvent start = recorder.of(StallStartEvent.class).get(0);
    assertThat(start.streamId()).isEqualTo(1);
    StallEndEvent end = recorder.of(StallEndEvent.class).get(0);
    assertThat(end.durationNanos()).isEqualTo(380);
    assertThat(end.window()).isEqualTo(95);
    assertThat(end.reason()).isEqualTo("WINDOW_UPDATE");
  }
}
