package dev.gatehouse.lens.binlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import com.google.rpc.ErrorInfo;
import dev.gatehouse.lens.proxy.LensServer;
import dev.gatehouse.lens.support.CancelledWatch;
import dev.gatehouse.lens.support.LensFixture;
import dev.gatehouse.testing.peer.JavaLibraryServer;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import dev.gatehouse.testing.v1.Shelf;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.binarylog.v1.Address;
import io.grpc.binarylog.v1.GrpcLogEntry;
import io.grpc.binarylog.v1.GrpcLogEntry.EventType;
import io.grpc.binarylog.v1.MetadataEntry;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.services.BinaryLogSink;
import io.grpc.protobuf.services.BinaryLogs;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lens's binary log, read back with {@code GrpcLogEntry.parseDelimitedFrom}: real grpc-java calls through the
 * lens, and the same calls as grpc-java's own client-side binary log records them.
 */
class BinaryLogOutputTest {
  private static final EventType CLIENT_HEADER = EventType.EVENT_TYPE_CLIENT_HEADER;
  private static final EventType CLIENT_MESSAGE = EventType.EVENT_TYPE_CLIENT_MESSAGE;
  private static final EventType HALF_CLOSE = EventType.EVENT_TYPE_CLIENT_HALF_CLOSE;
  private static final EventType SERVER_HEADER = EventType.EVENT_TYPE_SERVER_HEADER;
  private static final EventType SERVER_MESSAGE = EventType.EVENT_TYPE_SERVER_MESSAGE;
  private static final EventType SERVER_TRAILER = EventType.EVENT_TYPE_SERVER_TRAILER;

  private static JavaLibraryServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() {
    server = JavaLibraryServer.start(0);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** Runs {@code calls} through a lens writing a binary log, optionally with grpc-java's own log on the client. */
  private List<GrpcLogEntry> throughLens(Path grpcJavaLog, ClientCalls calls) throws Exception {
    Path lensLog = dir.resolve("lens.binlog");
    BinaryLogOutput binlog = BinaryLogOutput.open(lensLog);
    LensServer lens = LensFixture.start(server.port(), binlog);
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress("127.0.0.1", lens.port()).usePlaintext();
    FileSink sink = null;
    if (grpcJavaLog != null) {
      sink = new FileSink(Files.newOutputStream(grpcJavaLog));
      builder.setBinaryLog(BinaryLogs.createBinaryLog(sink, "*"));
    }
    ManagedChannel channel = builder.build();
    try {
      calls.run(channel);
    } finally {
      channel.shutdown().awaitTermination(10, TimeUnit.SECONDS);
      lens.close();
      binlog.close();
      if (sink != null) {
        sink.close();
      }
    }
    assertThat(binlog.dropped()).isZero();
    return read(lensLog);
  }

  @Test
  void aUnaryCallIsLoggedEventByEventAndReadsBackDelimited() throws Exception {
    List<GrpcLogEntry> entries = throughLens(null, channel -> LibraryGrpc.newBlockingStub(channel)
        .withDeadlineAfter(20, TimeUnit.SECONDS)
        .getShelf(GetShelfRequest.newBuilder().setName("shelves/7").build()));

    assertThat(entries).extracting(GrpcLogEntry::getType)
        .containsExactly(CLIENT_HEADER, CLIENT_MESSAGE, HALF_CLOSE, SERVER_HEADER, SERVER_MESSAGE, SERVER_TRAILER);
    assertThat(entries).extracting(GrpcLogEntry::getSequenceIdWithinCall).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(entries).allSatisfy(entry -> {
      assertThat(entry.getCallId()).isEqualTo(entries.get(0).getCallId()).isNotZero();
      assertThat(entry.getLogger()).isEqualTo(GrpcLogEntry.Logger.LOGGER_CLIENT);
      assertThat(entry.getTimestamp().getSeconds()).isPositive();
    });
    GrpcLogEntry header = entries.get(0);
    assertThat(header.getClientHeader().getMethodName()).isEqualTo("/gatehouse.testing.v1.Library/GetShelf");
    assertThat(header.getClientHeader().getAuthority()).startsWith("127.0.0.1:");
    assertThat(header.getClientHeader().getTimeout().getSeconds()).isBetween(15L, 20L);
    assertThat(GetShelfRequest.parseFrom(entries.get(1).getMessage().getData()).getName()).isEqualTo("shelves/7");
    assertThat(entries.get(1).getMessage().getLength()).isEqualTo(entries.get(1).getMessage().getData().size());
    assertThat(Shelf.parseFrom(entries.get(4).getMessage().getData()).getTheme()).isEqualTo("theme-7");
    // The peer (the server, for a client's log) goes on the first entry from the server, and only there.
    assertThat(entries).filteredOn(GrpcLogEntry::hasPeer).singleElement().satisfies(entry -> {
      assertThat(entry.getType()).isEqualTo(SERVER_HEADER);
      assertThat(entry.getPeer()).isEqualTo(Address.newBuilder().setType(Address.Type.TYPE_IPV4)
          .setAddress("127.0.0.1").setIpPort(server.port()).build());
    });
    assertThat(entries.get(5).getTrailer().getStatusCode()).isZero();
    assertThat(entries).noneMatch(GrpcLogEntry::getPayloadTruncated);
  }

  @Test
  void theLensLogsWhatGrpcJavasOwnBinaryLogRecordsForTheSameCalls() throws Exception {
    Path grpcJavaLog = dir.resolve("grpc-java.binlog");
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("x-echo-color", Metadata.ASCII_STRING_MARSHALLER), "blue");
    metadata.put(Metadata.Key.of("x-echo-blob-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] {0, 1, 2, -1});
    List<GrpcLogEntry> lens = throughLens(grpcJavaLog, channel -> {
      LibraryGrpc.LibraryBlockingStub stub = LibraryGrpc.newBlockingStub(channel);
      stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
          .echo(AllTypes.newBuilder().setStringValue("hello").setInt64Value(42).build());
      assertThatThrownBy(() -> stub.getShelf(GetShelfRequest.newBuilder().setName("shelves/missing").build()))
          .isInstanceOf(StatusRuntimeException.class);
      Iterator<Book> books = stub.watchShelf(GetShelfRequest.newBuilder().setName("shelves/3").build());
      books.forEachRemaining(book -> { });
    });
    // grpc-java's blocking stub cancels a call that failed after it closed, a local no-op that never reaches the
    // wire; its log still records it, after the trailer (the race gRFC A16 warns about), and the lens cannot.
    List<GrpcLogEntry> grpcJava = withoutCancelAfterTrailer(read(grpcJavaLog));

    assertThat(types(byCall(lens))).containsExactlyElementsOf(types(byCall(grpcJava)));
    assertThat(byCall(lens)).hasSize(3);
    assertThat(comparable(lens)).containsExactlyElementsOf(comparable(grpcJava));
    // Spot checks that the comparison compared something.
    GrpcLogEntry trailersOnly = byCall(lens).get(1).get(3);
    assertThat(trailersOnly.getType()).isEqualTo(SERVER_TRAILER);
    assertThat(trailersOnly.getTrailer().getStatusCode()).isEqualTo(5);
    assertThat(com.google.rpc.Status.parseFrom(trailersOnly.getTrailer().getStatusDetails()).getDetails(0)
        .unpack(ErrorInfo.class).getReason()).isEqualTo("SHELF_NOT_FOUND");
    assertThat(byCall(lens).get(0).get(0).getClientHeader().getMetadata().getEntryList())
        .contains(MetadataEntry.newBuilder().setKey("x-echo-blob-bin")
            .setValue(ByteString.copyFrom(new byte[] {0, 1, 2, -1})).build());
    assertThat(byCall(lens).get(2)).extracting(GrpcLogEntry::getType).containsExactly(CLIENT_HEADER,
        CLIENT_MESSAGE, HALF_CLOSE, SERVER_HEADER, SERVER_MESSAGE, SERVER_MESSAGE, SERVER_MESSAGE, SERVER_TRAILER);
  }

  @Test
  void aCallTheClientCancelsEndsWithCancelThenTheStatusTheClientReports() throws Exception {
    List<GrpcLogEntry> entries = throughLens(null, channel -> CancelledWatch.afterBooks(channel, 1));

    assertThat(entries).extracting(GrpcLogEntry::getType).startsWith(CLIENT_HEADER, CLIENT_MESSAGE, HALF_CLOSE,
        SERVER_HEADER, SERVER_MESSAGE).endsWith(EventType.EVENT_TYPE_CANCEL, SERVER_TRAILER);
    assertThat(entries.get(entries.size() - 1).getTrailer().getStatusCode()).isEqualTo(1); // CANCELLED
  }

  private static List<GrpcLogEntry> withoutCancelAfterTrailer(List<GrpcLogEntry> entries) {
    List<Long> ended = new ArrayList<>();
    List<GrpcLogEntry> kept = new ArrayList<>();
    for (GrpcLogEntry entry : entries) {
      if (entry.getType() == SERVER_TRAILER) {
        ended.add(entry.getCallId());
      }
      if (entry.getType() != EventType.EVENT_TYPE_CANCEL || !ended.contains(entry.getCallId())) {
        kept.add(entry);
      }
    }
    return kept;
  }

  private static List<List<EventType>> types(List<List<GrpcLogEntry>> calls) {
    return calls.stream().map(call -> call.stream().map(GrpcLogEntry::getType).toList()).toList();
  }

  /** The entries of each call, calls in order of their first entry. */
  private static List<List<GrpcLogEntry>> byCall(List<GrpcLogEntry> entries) {
    Map<Long, List<GrpcLogEntry>> calls = new LinkedHashMap<>();
    for (GrpcLogEntry entry : entries) {
      calls.computeIfAbsent(entry.getCallId(), id -> new ArrayList<>()).add(entry);
    }
    return List.copyOf(calls.values());
  }

  /**
   * Each call's entries without what legitimately differs between two logs of the same call: timestamps, call ids,
   * peer addresses (a client's log names the server it connected to: here the lens), the timeout's exact value
   * (taken at different moments), and the metadata keys gRFC A16 excludes but grpc-java logs anyway
   * ({@code content-type}, {@code grpc-accept-encoding}, …).
   */
  private static List<List<GrpcLogEntry>> comparable(List<GrpcLogEntry> entries) {
    List<List<GrpcLogEntry>> calls = new ArrayList<>();
    for (List<GrpcLogEntry> call : byCall(entries)) {
      List<GrpcLogEntry> normalized = new ArrayList<>();
      for (GrpcLogEntry entry : call) {
        GrpcLogEntry.Builder builder = entry.toBuilder().clearTimestamp().clearCallId();
        if (entry.hasPeer()) {
          builder.setPeer(Address.getDefaultInstance());
        }
        if (entry.hasClientHeader()) {
          builder.getClientHeaderBuilder().clearTimeout()
              .setMetadata(specMetadata(entry.getClientHeader().getMetadata()));
        }
        if (entry.hasServerHeader()) {
          builder.getServerHeaderBuilder().setMetadata(specMetadata(entry.getServerHeader().getMetadata()));
        }
        if (entry.hasTrailer()) {
          builder.getTrailerBuilder().setMetadata(specMetadata(entry.getTrailer().getMetadata()));
        }
        normalized.add(builder.build());
      }
      calls.add(normalized);
    }
    return calls;
  }

  private static io.grpc.binarylog.v1.Metadata specMetadata(io.grpc.binarylog.v1.Metadata metadata) {
    io.grpc.binarylog.v1.Metadata.Builder kept = io.grpc.binarylog.v1.Metadata.newBuilder();
    for (MetadataEntry entry : metadata.getEntryList()) {
      String key = entry.getKey();
      boolean transport = key.equals("content-type") || key.equals("te") || key.equals("user-agent")
          || key.startsWith("grpc-") && !key.equals("grpc-trace-bin");
      if (!transport) {
        kept.addEntry(entry);
      }
    }
    return kept.build();
  }

  private static List<GrpcLogEntry> read(Path file) throws IOException {
    List<GrpcLogEntry> entries = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (GrpcLogEntry entry; (entry = GrpcLogEntry.parseDelimitedFrom(in)) != null; ) {
        entries.add(entry);
      }
    }
    return entries;
  }

  @FunctionalInterface
  private interface ClientCalls {
    void run(ManagedChannel channel) throws Exception;
  }

  /** grpc-java's binary log to a file, framed as its own temp-file sink frames it. */
  private static final class FileSink implements BinaryLogSink {
    private final OutputStream out;

    FileSink(OutputStream out) {
      this.out = out;
    }

    @Override
    public synchronized void write(MessageLite message) {
      try {
        message.writeDelimitedTo(out);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public synchronized void close() throws IOException {
      out.close();
    }
  }
}
