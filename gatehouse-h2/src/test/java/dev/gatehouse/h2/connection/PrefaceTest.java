package dev.gatehouse.h2.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.MismatchKind;
import dev.gatehouse.h2.event.PrefaceEvent;
import dev.gatehouse.h2.event.ProtocolMismatchEvent;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The bytes that reveal a peer not speaking h2c. */
class PrefaceTest {

  @Test
  void http1RequestToAnH2cPort() {
    ProtocolMismatchEvent mismatch = only(Direction.CLIENT, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(mismatch.kind()).isEqualTo(MismatchKind.HTTP1_REQUEST);
    assertThat(mismatch.excerpt()).isEqualTo("GET / HTTP/1.1");
  }

  @Test
  void http1ResponseFromAServerThatDoesNotSpeakH2() {
    Recorder recorder = new Recorder();
    ConnectionDecoder decoder = new ConnectionDecoder(recorder);
    decoder.onBytes(Direction.CLIENT, new Http2Traffic().clientPreface().bytes(Direction.CLIENT), 1);
    decoder.onBytes(Direction.SERVER,
        "HTTP/1.1 505 HTTP Version Not Supported\r\n\r\n<html>".getBytes(StandardCharsets.US_ASCII), 2);
    decoder.onEnd(3);
    assertThat(recorder.of(PrefaceEvent.class)).extracting(PrefaceEvent::direction).containsExactly(Direction.CLIENT);
    ProtocolMismatchEvent mismatch = recorder.of(ProtocolMismatchEvent.class).get(0);
    assertThat(mismatch.kind()).isEqualTo(MismatchKind.HTTP1_RESPONSE);
    assertThat(mismatch.excerpt()).isEqualTo("HTTP/1.1 505 HTTP Version Not Supported");
  }

  @Test
  void tlsClientHelloOnAPlaintextPort() {
    ProtocolMismatchEvent mismatch = only(Direction.CLIENT, "\u0016\u0003\u0001\u0002\u0000\u0001");
    assertThat(mismatch.kind()).isEqualTo(MismatchKind.TLS);
    assertThat(mismatch.excerpt()).startsWith("160301");
  }

  @Test
  void tlsRecordFromTheServer() {
    assertThat(only(Direction.SERVER, "\u0015\u0003\u0003\u0000\u0002\u0002\u0046\u0000\u0000").kind())
        .isEqualTo(MismatchKind.TLS);
  }

  @Test
  void otherGarbageIsABadPreface() {
    ProtocolMismatchEvent mismatch = only(Direction.CLIENT, "PRI * HTTP/1.0\r\n");
    assertThat(mismatch.kind()).isEqualTo(MismatchKind.BAD_PREFACE);
  }

  @Test
  void decodingOfTheOtherDirectionGoesOn() {
    Recorder recorder = new Recorder();
    ConnectionDecoder decoder = new ConnectionDecoder(recorder);
    decoder.onBytes(Direction.CLIENT, "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII), 1);
    decoder.onBytes(Direction.CLIENT, new byte[100], 2);
    decoder.onBytes(Direction.SERVER, HexFormat.of().parseHex("000000040000000000"), 3);
    decoder.onEnd(4);
    assertThat(recorder.of(FrameEvent.class)).hasSize(1);
    assertThat(recorder.of(ProtocolMismatchEvent.class)).hasSize(1);
  }

  private static ProtocolMismatchEvent only(Direction direction, String bytes) {
    Recorder recorder = new Recorder();
    ConnectionDecoder decoder = new ConnectionDecoder(recorder);
    byte[] raw = bytes.getBytes(StandardCharsets.ISO_8859_1);
    for (byte b : raw) {
      decoder.onBytes(direction, new byte[] {b}, 1); // byte by byte: classification must not depend on chunking
    }
    decoder.onEnd(2);
    assertThat(recorder.of(ProtocolMismatchEvent.class)).hasSize(1);
    return recorder.of(ProtocolMismatchEvent.class).get(0);
  }
}
