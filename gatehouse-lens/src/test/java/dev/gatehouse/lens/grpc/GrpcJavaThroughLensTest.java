package dev.gatehouse.lens.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.event.PingEvent;
import dev.gatehouse.h2.event.PingKind;
import dev.gatehouse.h2.event.StallStartEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.frame.GoAwayFrame;
import dev.gatehouse.lens.detect.FindingCode;
import dev.gatehouse.lens.proxy.LensServer;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.support.CancelledWatch;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.lens.support.LensFixture;
import dev.gatehouse.lens.support.Recorder;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import dev.gatehouse.testing.v1.Shelf;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Detectors driven by real grpc-java traffic through the lens: a server in this JVM with small flow-control windows
 * and a fast keepalive, so windows run out and pings flow without waiting.
 */
class GrpcJavaThroughLensTest {

  private static Server server;
  private final Recorder recorder = new Recorder();
  private LensServer lens;
  private ManagedChannel channel;

  @BeforeAll
  static void startServer() throws IOException {
    server = startLibrary(0);
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  static Server startLibrary(int port) throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
        .addService(new SmallLibrary())
        .flowControlWindow(65_535)
        .keepAliveTime(200, TimeUnit.MILLISECONDS)
        .build()
        .start();
  }

  @BeforeEach
  void startLens() {
    lens = LensFixture.start(server.getPort(), recorder);
    channel = channel(lens.port());
  }

  @AfterEach
  void stopLens() {
    channel.shutdownNow();
    lens.close();
  }

  private static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().flowControlWindow(65_535).build();
  }

  private void closeChannel() throws InterruptedException {
    channel.shutdown().awaitTermination(10, TimeUnit.SECONDS);
    recorder.awaitClosed(1);
  }

  @Test
  void exceededDeadlineIsExplainedWithTheCallsTimeout() throws InterruptedException {
    assertThatThrownBy(() -> LibraryGrpc.newBlockingStub(channel).withDeadlineAfter(300, TimeUnit.MILLISECONDS)
        .getShelf(GetShelfRequest.newBuilder().setName("shelves/slow").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    closeChannel();

    assertThat(recorder.findings(FindingCode.DEADLINE_EXCEEDED)).as(recorder.summary()).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("/gatehouse.testing.v1.Library/GetShelf")
            .containsPattern("grpc-timeout \\d+[mu]"));
  }

  @Test
  void cancelledStreamIsReportedAsCancelledByTheClient() throws InterruptedException {
    CancelledWatch.afterBooks(channel, 2);
    closeChannel();

    assertThat(recorder.findings(FindingCode.CALL_CANCELLED)).as(recorder.summary()).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("WatchShelf"));
    assertThat(recorder.events(CallEndEvent.class)).singleElement()
        .satisfies(end -> assertThat(end.status().name()).isEqualTo("CANCELLED"));
  }

  @Test
  void errorWithDetailsCarriesTheDecodedStatus() throws InterruptedException {
    assertThatThrownBy(() -> LibraryGrpc.newBlockingStub(channel)
        .getShelf(GetShelfRequest.newBuilder().setName("shelves/missing").build()))
        .isInstanceOf(StatusRuntimeException.class);
    closeChannel();

    TrailersEvent trailers = recorder.events(TrailersEvent.class).get(0);
    assertThat(trailers.status().name()).isEqualTo("NOT_FOUND");
    assertThat(trailers.trailersOnly()).isTrue();
    String details = PayloadRenderer.create(null, 1 << 20).statusDetails(trailers.statusDetails()).json();
    assertThat(details).contains("\"code\":5").contains("google.rpc.ErrorInfo").contains("SHELF_NOT_FOUND");
  }

  @Test
  void largeMessageExhaustsTheSixtyFourKibWindow() throws InterruptedException {
    byte[] large = new byte[1 << 20];
    AllTypes echoed = LibraryGrpc.newBlockingStub(channel)
        .echo(AllTypes.newBuilder().setBytesValue(ByteString.copyFrom(large)).build());
    assertThat(echoed.getBytesValue().size()).isEqualTo(large.length);
    closeChannel();

    assertThat(recorder.events(MessageEvent.class)).hasSize(2)
        .allSatisfy(message -> assertThat(message.declaredLength()).isGreaterThan(1 << 20));
    assertThat(recorder.events(StallStartEvent.class)).isNotEmpty();
    assertThat(recorder.findings(FindingCode.FLOW_CONTROL_WINDOW_EXHAUSTED).size()
        + recorder.findings(FindingCode.FLOW_CONTROL_STALL).size()).as(recorder.summary()).isPositive();
  }

  @Test
  void serverKeepalivePingsAreAnsweredAndClassified() throws InterruptedException {
    LibraryGrpc.newBlockingStub(channel).getShelf(GetShelfRequest.newBuilder().setName("shelves/1").build());
    // grpc-java clamps keepalive to at least 10 s, so this test waits that long for one ping.
    recorder.awaitItem("an answered server keepalive ping",
        item -> item instanceof PingEvent ping && ping.ack() && ping.kind() == PingKind.KEEPALIVE);
    closeChannel();

    assertThat(recorder.events(PingEvent.class)).filteredOn(ping -> !ping.ack() && ping.kind() == PingKind.KEEPALIVE)
        .isNotEmpty().allSatisfy(ping -> assertThat(ping.fingerprint()).contains("grpc-java"));
    assertThat(recorder.findings(FindingCode.UNANSWERED_PING)).isEmpty();
  }

  @Test
  void serverShutdownSendsAGracefulGoAway() throws Exception {
    Server own = startLibrary(0);
    try (LensServer ownLens = LensFixture.start(own.getPort(), recorder)) {
      ManagedChannel ownChannel = channel(ownLens.port());
      Shelf shelf = LibraryGrpc.newBlockingStub(ownChannel)
          .getShelf(GetShelfRequest.newBuilder().setName("shelves/1").build());
      assertThat(shelf.getTheme()).isEqualTo("theme-1");
      own.shutdown();
      recorder.awaitItem("a GOAWAY from the server", item -> item instanceof FrameEvent frame
          && frame.frame() instanceof GoAwayFrame);
      own.awaitTermination(10, TimeUnit.SECONDS);
      ownChannel.shutdown().awaitTermination(10, TimeUnit.SECONDS);
      recorder.awaitClosed(1);
    }

    assertThat(recorder.findings(FindingCode.GOAWAY_GRACEFUL)).as(recorder.summary()).isNotEmpty()
        .allSatisfy(finding -> assertThat(finding.text()).contains("server sent GOAWAY NO_ERROR"));
    assertThat(recorder.findings(FindingCode.CLOSED_WITHOUT_GOAWAY)).isEmpty();
  }

  /** GetShelf (shelves/missing fails with details, shelves/slow never answers), WatchShelf slow-N, Echo. */
  static final class SmallLibrary extends LibraryGrpc.LibraryImplBase {
    private final java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
          Thread thread = new Thread(task, "small-library");
          thread.setDaemon(true);
          return thread;
        });

    @Override
    public void getShelf(GetShelfRequest request, StreamObserver<Shelf> response) {
      if (request.getName().equals("shelves/slow")) {
        return; // the deadline ends it
      }
      if (request.getName().equals("shelves/missing")) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(5).setMessage("no such shelf")
            .addDetails(com.google.protobuf.Any.pack(com.google.rpc.ErrorInfo.newBuilder()
                .setReason("SHELF_NOT_FOUND").setDomain("library.test").build()))
            .build();
        response.onError(io.grpc.protobuf.StatusProto.toStatusRuntimeException(status));
        return;
      }
      response.onNext(Shelf.newBuilder().setName(request.getName()).setTheme("theme-1").build());
      response.onCompleted();
    }

    @Override
    public void watchShelf(GetShelfRequest request, StreamObserver<Book> response) {
      AtomicInteger sent = new AtomicInteger();
      java.util.concurrent.ScheduledFuture<?>[] task = new java.util.concurrent.ScheduledFuture<?>[1];
      io.grpc.stub.ServerCallStreamObserver<Book> call = (io.grpc.stub.ServerCallStreamObserver<Book>) response;
      task[0] = timer.scheduleAtFixedRate(() -> {
        if (call.isCancelled() || sent.get() >= 50) {
          task[0].cancel(false);
          return;
        }
        call.onNext(Book.newBuilder().setName("book-" + sent.incrementAndGet()).build());
      }, 0, 20, TimeUnit.MILLISECONDS);
    }

    @Override
    public void echo(AllTypes request, StreamObserver<AllTypes> response) {
      response.onNext(request);
      response.onCompleted();
    }
  }
}
