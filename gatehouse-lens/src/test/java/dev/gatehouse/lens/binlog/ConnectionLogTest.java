package dev.gatehouse.lens.binlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import dev.gatehouse.h2.grpc.Metadata;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.lens.support.FakeClock;
import io.grpc.binarylog.v1.Address;
import io.grpc.binarylog.v1.GrpcLogEntry;
import io.grpc.binarylog.v1.MetadataEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Entries for what real peers rarely send: truncated and compressed messages, gRPC-internal and binary keys. */
class ConnectionLogTest {
  private static final String METHOD = "/gatehouse.testing.v1.Library/GetShelf";

  private final List<GrpcLogEntry> entries = new ArrayList<>();
  private final AtomicLong callIds = new AtomicLong();
  private final ConnectionLog log = new ConnectionLog(
      new LensConnection(1, Instant.parse("2026-01-02T03:04:05Z"), 0, "127.0.0.1:5000", "[::1]:50051"),
      callIds::incrementAndGet, PayloadRenderer.create(null, 1 << 20), Redaction.DEFAULT, entries::add);

  private void feed(Event... events) {
    for (Event event : events) {
      log.onEvent(event);
    }
  }

  private static CallStartEvent start(String grpcEncoding, List<Metadata> metadata) {
    return new CallStartEvent(1_000, 3, 1, METHOD, "POST", "backend:50051", "http", "application/grpc", "trailers",
        "grpc-java", null, null, 0, grpcEncoding, "gzip", metadata, false);
  }

  private static MessageEvent message(Direction sender, boolean compressed, long declared, long received,
      byte[] data) {
    return new MessageEvent(2_000, sender, 3, METHOD, 0, compressed, compressed ? 1 : 0, declared, received, data,
        null, 2, 2);
  }

  @Test
  void aMessageLongerThanTheDecoderKeepsIsLoggedWithItsFullLengthAndMarkedTruncated() {
    feed(start(null, List.of()), message(Direction.CLIENT, false, 10_000, 10_000, new byte[16]));

    assertThat(entries.get(1).getPayloadTruncated()).isTrue();
    assertThat(entries.get(1).getMessage().getLength()).isEqualTo(10_000);
    assertThat(entries.get(1).getMessage().getData().size()).isEqualTo(16);
  }

  @Test
  void aGzipMessageIsLoggedInflatedAsTheApplicationSentIt() throws IOException {
    byte[] plain = "\n\tshelves/1".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(plain);
    }
    byte[] compressed = zipped.toByteArray();

    feed(start("gzip", List.of()), message(Direction.CLIENT, true, compressed.length, compressed.length, compressed));

    assertThat(entries.get(1).getMessage().getData()).isEqualTo(ByteString.copyFrom(plain));
    assertThat(entries.get(1).getMessage().getLength()).isEqualTo(plain.length);
    assertThat(entries.get(1).getPayloadTruncated()).isFalse();
  }

  @Test
  void grpcInternalKeysAreLeftOutButTraceBinAndBinaryValuesAreKept() {
    feed(start(null, List.of(
        new Metadata("x-team", "books", null),
        new Metadata("grpc-previous-rpc-attempts", "1", null),
        new Metadata("grpc-trace-bin", "AAE", new byte[] {0, 1}),
        new Metadata("x-blob-bin", "\0raw", null))));

    assertThat(entries.get(0).getClientHeader().getMetadata().getEntryList()).containsExactly(
        entry("x-team", "books".getBytes(StandardCharsets.US_ASCII)),
        entry("grpc-trace-bin", new byte[] {0, 1}),
        entry("x-blob-bin", "raw".getBytes(StandardCharsets.US_ASCII)));
    assertThat(entries.get(0).getClientHeader().getAuthority()).isEqualTo("backend:50051");
    assertThat(entries.get(0).getClientHeader().hasTimeout()).isFalse();
  }

  @Test
  void theServersIpv6AddressIsThePeerOfTheFirstEntryFromIt() {
    feed(start(null, List.of()),
        new ResponseHeadersEvent(3_000, 3, 4, METHOD, 200, "application/grpc", null, null, List.of()),
        message(Direction.SERVER, false, 2, 2, new byte[] {8, 1}));

    assertThat(entries.get(1).getPeer()).isEqualTo(Address.newBuilder().setType(Address.Type.TYPE_IPV6)
        .setAddress("::1").setIpPort(50051).build());
    assertThat(entries.get(2).hasPeer()).isFalse();
    assertThat(entries.get(1).getTimestamp().getNanos()).isEqualTo(3_000);
  }

  @Test
  void aRecordedConversationGivesEachCallItsEntriesAndAResetOneCancelThenTheClientsStatus() throws Exception {
    FakeClock clock = new FakeClock();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    BinaryLogOutput binlog = new BinaryLogOutput(file, false);
    Conversations.play(Conversations.observer(clock, List.of(binlog)), clock);
    binlog.close();
    List<GrpcLogEntry> read = new ArrayList<>();
    try (ByteArrayInputStream in = new ByteArrayInputStream(file.toByteArray())) {
      for (GrpcLogEntry entry; (entry = GrpcLogEntry.parseDelimitedFrom(in)) != null; ) {
        read.add(entry);
      }
    }

    assertThat(read).extracting(entry -> entry.getCallId() + " " + entry.getSequenceIdWithinCall() + " "
        + entry.getType().name().substring("EVENT_TYPE_".length())).containsExactly(
        "1 1 CLIENT_HEADER", "1 2 CLIENT_MESSAGE", "1 3 CLIENT_HALF_CLOSE", "1 4 SERVER_HEADER",
        "1 5 SERVER_MESSAGE", "1 6 SERVER_TRAILER",
        "2 1 CLIENT_HEADER", "2 2 CLIENT_MESSAGE", "2 3 CLIENT_HALF_CLOSE", "2 4 SERVER_TRAILER",
        "3 1 CLIENT_HEADER", "3 2 CANCEL", "3 3 SERVER_TRAILER");
    assertThat(read.get(6).getClientHeader().getTimeout().getSeconds()).isEqualTo(1);
    assertThat(read.get(9).getTrailer().getStatusMessage()).isEqualTo("shelf missing");
    assertThat(read.get(9).getTrailer().getStatusDetails()).isNotEmpty();
    assertThat(read.get(9).hasPeer()).isTrue();
    assertThat(read.get(12).getTrailer().getStatusCode()).isEqualTo(1); // CANCELLED, as the client reports it
    assertThat(read.get(12).hasPeer()).isTrue();
  }

  @Test
  void credentialsAndCookiesAreLoggedRedactedUnlessSecretsAreShown() throws Exception {
    List<GrpcLogEntry> hidden = recordedConversation(Redaction.DEFAULT);
    List<GrpcLogEntry> shown = recordedConversation(Redaction.NONE);

    assertThat(hidden.get(0).getClientHeader().getMetadata().getEntryList()).containsExactly(
        MetadataEntry.newBuilder().setKey("authorization")
            .setValue(ByteString.copyFromUtf8("<redacted: 19 bytes, Bearer …>")).build());
    assertThat(hidden.get(3).getServerHeader().getMetadata().getEntry(0).getValue().toStringUtf8())
        .isEqualTo("<redacted: 20 bytes>");
    assertThat(hidden).allSatisfy(entry -> assertThat(entry.toByteString().toStringUtf8())
        .doesNotContain(Conversations.SECRET));
    assertThat(shown.get(0).getClientHeader().getMetadata().getEntry(0).getValue().toStringUtf8())
        .isEqualTo("Bearer " + Conversations.SECRET);
    assertThat(shown.get(3).getServerHeader().getMetadata().getEntry(0).getValue().toStringUtf8())
        .isEqualTo("session=" + Conversations.SECRET);
  }

  private static List<GrpcLogEntry> recordedConversation(Redaction redaction) throws IOException {
    FakeClock clock = new FakeClock();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    BinaryLogOutput binlog = new BinaryLogOutput(file, false, redaction);
    Conversations.play(Conversations.observer(clock, List.of(binlog)), clock);
    binlog.close();
    List<GrpcLogEntry> read = new ArrayList<>();
    try (ByteArrayInputStream in = new ByteArrayInputStream(file.toByteArray())) {
      for (GrpcLogEntry entry; (entry = GrpcLogEntry.parseDelimitedFrom(in)) != null; ) {
        read.add(entry);
      }
    }
    return read;
  }

  @Test
  void aStreamThatIsNotGrpcIsNotLogged() {
    feed(new CallStartEvent(1_000, 3, 1, "/index.html", "GET", "backend", "http", "text/html", null, null, null,
        null, 0, null, null, List.of(), true));

    assertThat(entries).isEmpty();
  }

  private static MetadataEntry entry(String key, byte[] value) {
    return MetadataEntry.newBuilder().setKey(key).setValue(ByteString.copyFrom(value)).build();
  }
}
