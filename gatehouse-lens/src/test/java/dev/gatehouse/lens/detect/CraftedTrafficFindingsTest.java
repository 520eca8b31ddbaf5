package dev.gatehouse.lens.detect;

import static dev.gatehouse.lens.support.Conversations.client;
import static dev.gatehouse.lens.support.Conversations.request;
import static dev.gatehouse.lens.support.Conversations.server;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.lens.observe.ConnectionObserver;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.lens.support.FakeClock;
import dev.gatehouse.lens.support.H2Bytes;
import dev.gatehouse.lens.support.Recorder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Findings for what real peers will not do on purpose, from crafted bytes and a fake clock. */
class CraftedTrafficFindingsTest {

  private final FakeClock clock = new FakeClock();
  private final Recorder recorder = new Recorder();
  private ConnectionObserver lens;

  @BeforeEach
  void open() {
    lens = Conversations.observer(clock, List.of(recorder));
  }

  private void handshake() {
    client(lens, clock, H2Bytes.of().preface().settings());
    server(lens, clock, H2Bytes.of().settings(0x3, 100));
    client(lens, clock, H2Bytes.of().settingsAck());
    server(lens, clock, H2Bytes.of().settingsAck());
  }

  private void end() {
    lens.onClose(Direction.SERVER, clock.advanceMicros(100));
    lens.onClose(Direction.CLIENT, clock.advanceMicros(100));
  }

  @Test
  void http1RequestToTheH2cPortIsExplained() {
    client(lens, clock, H2Bytes.of().raw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    end();

    assertThat(recorder.findings(FindingCode.HTTP1_ON_HTTP2_PORT)).singleElement().satisfies(finding -> {
      assertThat(finding.severity()).isEqualTo(Severity.ERROR);
      assertThat(finding.text()).contains("HTTP/1.x").contains("GET / HTTP/1.1");
    });
  }

  @Test
  void http1ResponseFromUpstreamIsExplained() {
    client(lens, clock, H2Bytes.of().preface().settings());
    server(lens, clock, H2Bytes.of().raw("HTTP/1.1 505 HTTP Version Not Supported\r\n\r\n".getBytes(
        StandardCharsets.US_ASCII)));
    end();

    assertThat(recorder.findings(FindingCode.HTTP1_ON_HTTP2_PORT)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("upstream answered in HTTP/1.x"));
  }

  @Test
  void tlsBytesOnThePlaintextPortAreExplained() {
    client(lens, clock, H2Bytes.of().raw(new byte[] {0x16, 0x03, 0x01, 0x00, 0x20, 0x01, 0x00, 0x00, 0x1c, 0x03,
        0x03}));
    end();

    assertThat(recorder.findings(FindingCode.TLS_ON_PLAINTEXT_PORT)).hasSize(1);
  }

  @Test
  void dataEndStreamWithoutTrailersIsMissingGrpcStatus() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, true, request()));
    server(lens, clock, H2Bytes.of().headers(1, false, ":status", "200", "content-type", "application/grpc"));
    server(lens, clock, H2Bytes.of().data(1, true, H2Bytes.grpcMessage(false, new byte[0])));
    end();

    assertThat(recorder.findings(FindingCode.MISSING_GRPC_STATUS)).singleElement().satisfies(finding -> {
      assertThat(finding.severity()).isEqualTo(Severity.ERROR);
      assertThat(finding.streamId()).isEqualTo(1);
      assertThat(finding.evidence()).contains(5L, 7L);
    });
  }

  @Test
  void trailersWithoutGrpcStatusAreMissingGrpcStatus() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, true, request()));
    server(lens, clock, H2Bytes.of().headers(1, false, ":status", "200", "content-type", "application/grpc"));
    server(lens, clock, H2Bytes.of().headers(1, true, "x-other", "1"));
    end();

    assertThat(recorder.findings(FindingCode.MISSING_GRPC_STATUS)).hasSize(1);
  }

  @Test
  void non200StatusNamesTheGrpcStatusItMapsTo() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, true, request()));
    server(lens, clock, H2Bytes.of().headers(1, true, ":status", "503", "content-type", "text/html"));
    client(lens, clock, H2Bytes.of().headers(3, true, request()));
    server(lens, clock, H2Bytes.of().headers(3, true, ":status", "401"));
    client(lens, clock, H2Bytes.of().headers(5, true, request()));
    server(lens, clock, H2Bytes.of().headers(5, true, ":status", "404"));
    client(lens, clock, H2Bytes.of().headers(7, true, request()));
    server(lens, clock, H2Bytes.of().headers(7, true, ":status", "418"));
    end();

    assertThat(recorder.findings(FindingCode.HTTP_STATUS_NOT_200)).extracting(Finding::text)
        .satisfiesExactly(
            text -> assertThat(text).contains(":status 503").contains("UNAVAILABLE"),
            text -> assertThat(text).contains(":status 401").contains("UNAUTHENTICATED"),
            text -> assertThat(text).contains(":status 404").contains("UNIMPLEMENTED"),
            text -> assertThat(text).contains(":status 418").contains("UNKNOWN"));
    assertThat(recorder.findings(FindingCode.MISSING_GRPC_STATUS)).isEmpty();
  }

  @Test
  void serverResetBeforeTrailersNamesWhoCodeAndDerivedStatus() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, true, request()));
    server(lens, clock, H2Bytes.of().headers(1, false, ":status", "200", "content-type", "application/grpc"));
    server(lens, clock, H2Bytes.of().rst(1, 0x0));
    client(lens, clock, H2Bytes.of().headers(3, true, request()));
    server(lens, clock, H2Bytes.of().rst(3, 0x7));
    end();

    assertThat(recorder.findings(FindingCode.RST_BEFORE_TRAILERS)).satisfiesExactly(
        first -> {
          assertThat(first.severity()).isEqualTo(Severity.ERROR);
          assertThat(first.text()).contains("server reset").contains("NO_ERROR").contains("reports INTERNAL");
        },
        second -> {
          assertThat(second.severity()).isEqualTo(Severity.WARN);
          assertThat(second.text()).contains("REFUSED_STREAM").contains("reports UNAVAILABLE");
        });
  }

  @Test
  void clientResetAtTheDeadlineIsDeadlineExceededWithTheTimeout() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, false, request()));
    clock.advanceMicros(999_000);
    client(lens, clock, H2Bytes.of().rst(1, 0x8));
    end();

    assertThat(recorder.findings(FindingCode.DEADLINE_EXCEEDED)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("grpc-timeout 1S").contains("RST_STREAM CANCEL"));
    assertThat(recorder.findings(FindingCode.CALL_CANCELLED)).isEmpty();
  }

  @Test
  void serverResetAtTheDeadlineIsDeadlineExceededNotARejection() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, true, request()));
    clock.advanceMicros(1_000_000);
    server(lens, clock, H2Bytes.of().rst(1, 0x8));
    end();

    assertThat(recorder.findings(FindingCode.DEADLINE_EXCEEDED)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("the server gave up at the deadline"));
    assertThat(recorder.findings(FindingCode.RST_BEFORE_TRAILERS)).isEmpty();
  }

  @Test
  void missingTeAndWrongContentTypeAreRequestLint() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, true, ":method", "POST", ":scheme", "http", ":path", "/a.B/C",
        ":authority", "x", "content-type", "application/grpc"));
    client(lens, clock, H2Bytes.of().headers(3, true, ":method", "POST", ":scheme", "http", ":path", "/a.B/C",
        ":authority", "x", "content-type", "application/json", "te", "trailers"));
    end();

    assertThat(recorder.findings(FindingCode.MISSING_TE_TRAILERS)).singleElement()
        .extracting(Finding::streamId).isEqualTo(1);
    assertThat(recorder.findings(FindingCode.WRONG_CONTENT_TYPE)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("'application/json'"));
  }

  @Test
  void compressedMessageWithoutGrpcEncodingIsACompressionMismatch() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, false, request()));
    client(lens, clock, H2Bytes.of().data(1, true, H2Bytes.grpcMessage(true, new byte[] {1, 2, 3})));
    end();

    assertThat(recorder.findings(FindingCode.COMPRESSION_MISMATCH)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("no grpc-encoding"));
  }

  @Test
  void encodingTheServerDoesNotAcceptIsACompressionMismatch() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, true, request("grpc-encoding", "snappy")));
    server(lens, clock, H2Bytes.of().headers(1, false, ":status", "200", "content-type", "application/grpc",
        "grpc-accept-encoding", "gzip,identity"));
    end();

    assertThat(recorder.findings(FindingCode.COMPRESSION_MISMATCH)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("snappy").contains("gzip,identity"));
  }

  @Test
  void messageOverFourMebibytesIsReportedWithItsLength() {
    handshake();
    client(lens, clock, H2Bytes.of().windowUpdate(0, 16 << 20));
    client(lens, clock, H2Bytes.of().headers(1, false, request()));
    byte[] prefix = {0, 0, 0x50, 0, 0}; // 5 MiB declared
    client(lens, clock, H2Bytes.of().data(1, false, prefix));
    client(lens, clock, H2Bytes.of().data(1, true, new byte[16]));
    end();

    assertThat(recorder.findings(FindingCode.MESSAGE_TOO_LARGE)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("5242880 bytes"));
    assertThat(recorder.findings(FindingCode.TRUNCATED_MESSAGE)).hasSize(1);
  }

  @Test
  void pingWithoutAckIsReportedAfterTheTimeoutOnTheInjectedClock() {
    handshake();
    client(lens, clock, H2Bytes.of().ping(false, 0x1111));
    lens.onTick(clock.advanceMicros(19_000_000));
    assertThat(recorder.findings(FindingCode.UNANSWERED_PING)).isEmpty();

    lens.onTick(clock.advanceMicros(1_000_000));

    assertThat(recorder.findings(FindingCode.UNANSWERED_PING)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("client's PING 0000000000001111"));
    end();
    assertThat(recorder.findings(FindingCode.UNANSWERED_PING)).hasSize(1);
  }

  @Test
  void pingStillUnansweredAtTheEndIsReported() {
    handshake();
    server(lens, clock, H2Bytes.of().ping(false, 0xDEAD));
    end();

    assertThat(recorder.findings(FindingCode.UNANSWERED_PING)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("before the connection ended"));
  }

  @Test
  void tooManyPingsGoAwayGivesKeepaliveAdvice() {
    handshake();
    for (int i = 0; i < 3; i++) {
      clock.advanceMicros(1_000_000);
      client(lens, clock, H2Bytes.of().ping(false, i));
      server(lens, clock, H2Bytes.of().ping(true, i));
    }
    server(lens, clock, H2Bytes.of().goAway(0, 0xb, "too_many_pings"));
    end();

    assertThat(recorder.findings(FindingCode.TOO_MANY_PINGS)).singleElement().satisfies(finding -> {
      assertThat(finding.text()).contains("3 PINGs").contains("every 1000 ms");
      assertThat(finding.fix()).contains("keepalive");
    });
  }

  @Test
  void closeWithoutGoAwayByTheServerIsAWarning() {
    handshake();
    lens.onClose(Direction.SERVER, clock.advanceMicros(100));
    lens.onClose(Direction.CLIENT, clock.advanceMicros(100));

    assertThat(recorder.findings(FindingCode.CLOSED_WITHOUT_GOAWAY)).singleElement()
        .extracting(Finding::severity).isEqualTo(Severity.WARN);
  }

  @Test
  void dataAfterEndStreamIsAProtocolViolationNamingTheOffender() {
    handshake();
    client(lens, clock, H2Bytes.of().headers(1, true, request()));
    client(lens, clock, H2Bytes.of().data(1, false, new byte[] {0, 0, 0, 0, 0}));
    end();

    assertThat(recorder.findings(FindingCode.PROTOCOL_VIOLATION)).isNotEmpty()
        .allSatisfy(finding -> assertThat(finding.text()).contains("by the client"));
  }

  @Test
  void streamsReachingMaxConcurrentStreamsAreReported() {
    client(lens, clock, H2Bytes.of().preface().settings());
    server(lens, clock, H2Bytes.of().settings(0x3, 2));
    client(lens, clock, H2Bytes.of().settingsAck());
    client(lens, clock, H2Bytes.of().headers(1, false, request()));
    client(lens, clock, H2Bytes.of().headers(3, false, request()));
    end();

    assertThat(recorder.findings(FindingCode.STREAMS_AT_LIMIT)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("2 streams open"));
  }

  @Test
  void headersOverThePeersLimitAreReported() {
    client(lens, clock, H2Bytes.of().preface().settings());
    server(lens, clock, H2Bytes.of().settings(0x6, 200));
    client(lens, clock, H2Bytes.of().settingsAck());
    client(lens, clock, H2Bytes.of().headers(1, true, request("x-big", "y".repeat(300))));
    end();

    assertThat(recorder.findings(FindingCode.HEADERS_TOO_LARGE)).singleElement()
        .satisfies(finding -> assertThat(finding.fix()).contains("metadata"));
  }

  @Test
  void longFlowControlStallNamesWhoIsNotReading() {
    client(lens, clock, H2Bytes.of().preface().settings(0x4, 10));
    server(lens, clock, H2Bytes.of().settings());
    client(lens, clock, H2Bytes.of().settingsAck());
    server(lens, clock, H2Bytes.of().settingsAck());
    client(lens, clock, H2Bytes.of().headers(1, true, request()));
    server(lens, clock, H2Bytes.of().headers(1, false, ":status", "200", "content-type", "application/grpc"));
    server(lens, clock, H2Bytes.of().data(1, false, new byte[10]));
    clock.advanceMicros(2_000_000);
    client(lens, clock, H2Bytes.of().windowUpdate(1, 100));
    end();

    assertThat(recorder.findings(FindingCode.FLOW_CONTROL_STALL)).singleElement().satisfies(finding -> {
      assertThat(finding.text()).contains("the server could not send DATA").contains("client was not reading");
      assertThat(finding.streamId()).isEqualTo(1);
    });
  }

  @Test
  void decoderStopsCleanlyButObserverKeepsAcceptingBytes() {
    handshake();
    client(lens, clock, H2Bytes.of().frame(0x1, 0x4, 1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff}));
    client(lens, clock, H2Bytes.of().ping(false, 1));
    end();

    assertThat(lens.decoding()).isTrue();
    assertThat(recorder.findings(FindingCode.PROTOCOL_VIOLATION)).isNotEmpty();
    assertThat(recorder.findings(FindingCode.DECODER_FAILURE)).isEmpty();
  }
}
