package dev.gatehouse.lens.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.lens.LensConfig;
import dev.gatehouse.lens.OutputFormat;
import dev.gatehouse.lens.proxy.LensServer;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web view in headless Chromium (Playwright scripts in {@code src/test/browser/}): live, fed by a real grpc-java
 * backend and client through the lens, and offline, from a saved JSON Lines file. Screenshots go to the build
 * folder's {@code screenshots/}.
 */
class LensUiBrowserTest {

  private static Server backend;

  @BeforeAll
  static void startBackend() throws IOException {
    BrowserScript.checkPrerequisites();
    backend = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(new StallingLibrary())
        .build()
        .start();
  }

  @AfterAll
  static void stopBackend() throws InterruptedException {
    backend.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void pageShowsARealDeadlineExceededDuringAStallLiveAndLinksTheFindingToItsFrames() throws Exception {
    Path screenshots = BrowserScript.screenshots();
    Path saved = screenshots.resolve("live-capture.jsonl");
    LensConfig config = LensConfig.of("127.0.0.1:0", "127.0.0.1:" + backend.getPort())
        .withFormat(OutputFormat.JSONL).withOutput(saved);
    try (LensUi ui = LensUi.start("127.0.0.1:0", Conversations.catalog());
        LensServer lens = LensServer.builder(config).catalog(Conversations.catalog()).listener(ui.listener())
            .eventLoops(1).start();
        BrowserScript browser = BrowserScript.start("live.mjs", ui.uri().toString(), screenshots.toString())) {
      browser.awaitReady(); // the page is open before the call: what it shows arrives live
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", lens.port()).usePlaintext()
          .flowControlWindow(65_535).build();
      try {
        makeCalls(channel);
      } finally {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }
      browser.send("CALLS DONE");
      int exit = browser.awaitExit();
      assertThat(exit).as("the live browser checks:\n%s", browser.output()).isZero();
      assertThat(ui.eventsSeen()).isPositive();
    }
    assertThat(Files.readString(saved)).contains("\"code\":\"DEADLINE_EXCEEDED\"");
  }

  @Test
  void pageOpensASavedJsonLinesFileByPickerAndByDrop() throws Exception {
    Path screenshots = BrowserScript.screenshots();
    Path capture = screenshots.resolve("saved-deadline-during-stall.jsonl");
    try (InputStream in = LensUiBrowserTest.class.getResourceAsStream("/ui/deadline-during-stall.jsonl")) {
      Files.write(capture, in.readAllBytes());
    }
    try (LensUi ui = LensUi.start("127.0.0.1:0", null);
        BrowserScript browser = BrowserScript.start("offline.mjs", ui.uri().toString(), screenshots.toString(),
            capture.toString())) {
      int exit = browser.awaitExit();
      assertThat(exit).as("the offline browser checks:\n%s", browser.output()).isZero();
      assertThat(ui.eventsSeen()).isZero();
    }
  }

  /** A unary call that succeeds, one that fails with details, and a stream whose deadline passes while stalled. */
  static void makeCalls(ManagedChannel channel) {
    LibraryGrpc.newBlockingStub(channel).getShelf(GetShelfRequest.newBuilder().setName("shelves/1").build());
    assertThatThrownBy(() -> LibraryGrpc.newBlockingStub(channel)
        .getShelf(GetShelfRequest.newBuilder().setName("shelves/missing").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    CompletableFuture<Status> ended = new CompletableFuture<>();
    LibraryGrpc.newStub(channel).withDeadlineAfter(800, TimeUnit.MILLISECONDS)
        .watchShelf(GetShelfRequest.newBuilder().setName("shelves/poetry").build(),
            new ClientResponseObserver<GetShelfRequest, Book>() {
              @Override
              public void beforeStart(ClientCallStreamObserver<GetShelfRequest> call) {
                call.disableAutoRequestWithInitial(1); // read one book, then stop: the windows run out
              }

              @Override
              public void onNext(Book book) {}

              @Override
              public void onError(Throwable t) {
                ended.complete(Status.fromThrowable(t));
              }

              @Override
              public void onCompleted() {
                ended.complete(Status.OK);
              }
            });
    assertThat(ended.orTimeout(30, TimeUnit.SECONDS).join().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }
}
