package dev.gatehouse.lens.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallEnding;
import dev.gatehouse.h2.event.ConnectionEndEvent;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.event.WindowCause;
import dev.gatehouse.h2.event.WindowEvent;
import dev.gatehouse.h2.frame.GoAwayFrame;
import dev.gatehouse.h2.grpc.Metadata;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.detect.FindingCode;
import dev.gatehouse.lens.detect.Severity;
import dev.gatehouse.lens.proxy.LensServer;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Rendered;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.lens.support.LensFixture;
import dev.gatehouse.lens.support.Recorder;
import dev.gatehouse.testing.peer.ClientRun;
import dev.gatehouse.testing.peer.ForeignPeer;
import dev.gatehouse.testing.peer.PeerServer;
import dev.gatehouse.testing.peer.Scenario;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One gRPC implementation's client and server talking through the lens, scenario by scenario, with the lens's events
 * and findings checked. The server starts once per class; each test gets its own lens. A missing runtime fails the
 * class with the command that installs it ({@code scripts/install-test-deps}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PeerThroughLensTest {

  private static final PayloadRenderer RENDERER = PayloadRenderer.create(Conversations.catalog(), 4 << 20);

  private PeerServer server;
  private Recorder recorder;
  private LensServer lens;

  abstract ForeignPeer peer();

  @BeforeAll
  void startServer() {
    server = peer().startServer();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void startLens() {
    recorder = new Recorder();
    lens = LensFixture.start(server.port(), recorder);
  }

  @AfterEach
  void stopLens() {
    lens.close();
  }

  private void run(Scenario scenario) throws InterruptedException {
    ClientRun run = peer().runClient("127.0.0.1:" + lens.port(), scenario);
    assertThat(run.passed()).as(run.describe()).isTrue();
    recorder.awaitAllClosed();
  }

  private CallEndEvent onlyCall(String method) {
    List<CallEndEvent> calls = recorder.events(CallEndEvent.class).stream()
        .filter(call -> method.equals(call.method())).toList();
    assertThat(calls).as(recorder.summary()).hasSize(1);
    return calls.get(0);
  }

  private void noErrors() {
    assertThat(recorder.findings()).as(recorder.summary())
        .noneMatch(finding -> finding.severity() == Severity.ERROR);
  }

  private List<String> json(Direction sender) {
    return recorder.events(MessageEvent.class).stream().filter(message -> message.direction() == sender)
        .map(message -> RENDERER.message(message.method(), sender, message.compressed(), null, message.data()))
        .map(Rendered::json).toList();
  }

  @Test
  void unary() throws InterruptedException {
    run(Scenario.UNARY);

    CallEndEvent call = onlyCall("/gatehouse.testing.v1.Library/GetShelf");
    assertThat(call.status().name()).isEqualTo("OK");
    assertThat(call.statusFromTrailers()).isTrue();
    assertThat(json(Direction.CLIENT)).contains("{\"name\":\"shelves/1\"}");
    assertThat(json(Direction.SERVER)).anySatisfy(json -> assertThat(json).contains("\"theme\":\"theme-1\""));
    noErrors();
  }

  @Test
  void serverStreaming() throws InterruptedException {
    run(Scenario.SERVER_STREAM);

    CallEndEvent call = onlyCall("/gatehouse.testing.v1.Library/WatchShelf");
    assertThat(call.status().name()).isEqualTo("OK");
    assertThat(call.responseMessages()).isEqualTo(5);
    noErrors();
  }

  @Test
  void clientStreaming() throws InterruptedException {
    run(Scenario.CLIENT_STREAM);

    CallEndEvent call = onlyCall("/gatehouse.testing.v1.Library/BulkCreateBooks");
    assertThat(call.requestMessages()).isEqualTo(5);
    assertThat(call.responseMessages()).isEqualTo(1);
    noErrors();
  }

  @Test
  void bidiStreaming() throws InterruptedException {
    run(Scenario.BIDI);

    CallEndEvent call = onlyCall("/gatehouse.testing.v1.Library/Chat");
    assertThat(call.requestMessages()).isEqualTo(3);
    assertThat(call.responseMessages()).isEqualTo(3);
    assertThat(call.status().name()).isEqualTo("OK");
    noErrors();
  }

  @Test
  void errorWithDetails() throws InterruptedException {
    run(Scenario.ERROR);

    CallEndEvent call = onlyCall("/gatehouse.testing.v1.Library/GetShelf");
    assertThat(call.status().name()).isEqualTo("NOT_FOUND");
    TrailersEvent trailers = recorder.events(TrailersEvent.class).get(0);
    FrameEvent frame = recorder.events(FrameEvent.class).stream().filter(f -> f.seq() == trailers.frameSeq())
        .findFirst().orElseThrow();
    // Python (C-core) sends it as "true binary" (SETTINGS 0xfe03), the others as base64: the decoder reads both.
    byte[] bytes = trailers.statusDetails();
    assertThat(bytes).as("grpc-status-details-bin in %s", frame.headerBlock()).isNotNull();
    Rendered details = RENDERER.statusDetails(bytes);
    assertThat(details.json()).as(String.valueOf(details.note())).contains("google.rpc.ErrorInfo")
        .contains("google.rpc.ResourceInfo").contains("SHELF_NOT_FOUND");
    noErrors();
  }

  @Test
  void exceededDeadline() throws InterruptedException {
    run(Scenario.DEADLINE);

    assertThat(recorder.findings(FindingCode.DEADLINE_EXCEEDED)).as(recorder.summary()).singleElement()
        .extracting(Finding::text).asString().contains("GetShelf").contains("grpc-timeout");
  }

  @Test
  void cancelledCall() throws InterruptedException {
    run(Scenario.CANCEL);

    CallEndEvent call = onlyCall("/gatehouse.testing.v1.Library/WatchShelf");
    if (call.ending() == CallEnding.CONNECTION_CLOSED) {
      // The client process may exit before its transport sends the RST_STREAM: then the client's close ends the
      // call, and the lens says so.
      assertThat(recorder.events(ConnectionEndEvent.class)).as(recorder.summary()).singleElement()
          .extracting(ConnectionEndEvent::closedBy).isEqualTo(Direction.CLIENT);
      assertThat(recorder.findings(FindingCode.CALL_INTERRUPTED)).hasSize(1);
      return;
    }
    assertThat(call.resetBy()).as(recorder.summary()).isEqualTo(Direction.CLIENT);
    assertThat(recorder.findings(FindingCode.CALL_CANCELLED)).as(recorder.summary()).hasSize(1);
  }

  @Test
  void largeMessageNeedsWindowUpdates() throws InterruptedException {
    run(Scenario.LARGE);

    assertThat(recorder.events(MessageEvent.class)).as(recorder.summary())
        .filteredOn(message -> message.declaredLength() > 1 << 20).hasSize(2);
    assertThat(recorder.events(WindowEvent.class)).filteredOn(window -> window.cause() == WindowCause.WINDOW_UPDATE)
        .isNotEmpty();
    assertThat(onlyCall("/gatehouse.testing.v1.Library/Echo").status().name()).isEqualTo("OK");
    noErrors();
  }

  @Test
  void metadataIsShownBothWays() throws InterruptedException {
    run(Scenario.METADATA);

    assertThat(recorder.events(CallStartEvent.class)).flatMap(CallStartEvent::metadata)
        .extracting(Metadata::name, Metadata::value).contains(org.assertj.core.groups.Tuple.tuple("x-echo-id", "7"));
    assertThat(recorder.events(ResponseHeadersEvent.class)).flatMap(ResponseHeadersEvent::metadata)
        .extracting(Metadata::name).isNotEmpty();
    noErrors();
  }

  @Test
  void serverShutdownSendsGoAway() throws InterruptedException {
    PeerServer own = peer().startServer();
    try (LensServer ownLens = LensFixture.start(own.port(), recorder)) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", ownLens.port()).usePlaintext().build();
      try {
        LibraryGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
            .getShelf(GetShelfRequest.newBuilder().setName("shelves/1").build());
        own.close();
        recorder.awaitItem("a GOAWAY from the " + peer().implementation() + " server",
            item -> item instanceof FrameEvent frame && frame.frame() instanceof GoAwayFrame
                && frame.direction() == Direction.SERVER);
      } finally {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }
      recorder.awaitAllClosed();
    } finally {
      own.close();
    }

    assertThat(recorder.findings(FindingCode.GOAWAY_GRACEFUL)).as(recorder.summary()).isNotEmpty();
    assertThat(recorder.findings(FindingCode.GOAWAY_ERROR)).isEmpty();
  }
}
