package dev.gatehouse.testing.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Starting and stopping peers: graceful shutdown, and failures that say what is missing and how to install it. */
class PeerLifecycleTest {

  private static final Object COMPLETED = new Object();

  @ParameterizedTest
  @EnumSource(ForeignPeer.class)
  void closingTheServerLetsTheCallInFlightFinish(ForeignPeer peer) throws InterruptedException {
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    ManagedChannel channel;
    try (PeerServer server = peer.startServer()) {
      channel = NettyChannelBuilder.forTarget(server.target()).usePlaintext().build();
      // Ten books 100 ms apart: the call is still streaming when the server is told to stop, and fits in the 2 s grace.
      LibraryGrpc.newStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS).watchShelf(
          GetShelfRequest.newBuilder().setName("shelves/slow-10").build(), new StreamObserver<>() {
            @Override
            public void onNext(Book book) {
              events.add(book.getName());
            }

            @Override
            public void onError(Throwable t) {
              events.add(t);
            }

            @Override
            public void onCompleted() {
              events.add(COMPLETED);
            }
          });
      assertThat(events.poll(20, TimeUnit.SECONDS)).isEqualTo("shelves/slow-10/books/1");
    }
    // The server has ended; the end of the call may still be on its way to the client.
    List<Object> received = new ArrayList<>(List.of("shelves/slow-10/books/1"));
    for (Object event = null; event != COMPLETED && !(event instanceof Throwable) && received.size() <= 10; ) {
      event = events.poll(20, TimeUnit.SECONDS);
      received.add(event);
    }
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

    assertThat(received).hasSize(11).endsWith("shelves/slow-10/books/10", COMPLETED);
  }

  @Test
  void missingPieceNamesItselfAndTheInstallCommand() {
    assertThatThrownBy(() -> PeerInstallation.require(ForeignPeer.NODE, false, "node not found on PATH"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Node @grpc/grpc-js peer unavailable: node not found on PATH; "
            + "run scripts/install-test-deps (as root; it uses apt-get and npm ci)");
  }

  @Test
  void serverThatExitsBeforeListeningFailsWithItsOutput() {
    List<String> command = List.of("bash", "-c", "echo 'ModuleNotFoundError: No module named grpc' >&2; exit 3");

    assertThatThrownBy(() -> PeerProcess.startServer(ForeignPeer.PYTHON, command))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Python grpcio server exited before listening (exit code 3")
        .hasMessageContaining("scripts/install-test-deps")
        .hasMessageContaining("ModuleNotFoundError: No module named grpc");
  }

  @Test
  void clientReportIsReadFromTheLineThePeerPrinted() {
    List<String> command = List.of("bash", "-c", "echo starting; echo '{\"peer\":\"go\",\"scenario\":\"unary\","
        + "\"ok\":true,\"code\":0,\"count\":1,\"details\":[],\"headers\":{\"x-peer\":\"go\"},\"extra\":1}'");

    ClientRun run = PeerProcess.runClient(ForeignPeer.GO, Scenario.UNARY, command);

    assertThat(run.passed()).as(run.describe()).isTrue();
    assertThat(run.report().headers()).containsEntry("x-peer", "go");
    assertThat(run.report().count()).isEqualTo(1);
  }

  @Test
  void clientThatPrintsNoReportFails() {
    ClientRun run = PeerProcess.runClient(ForeignPeer.NODE, Scenario.UNARY,
        List.of("bash", "-c", "echo 'Error: Cannot find module @grpc/grpc-js' >&2; exit 1"));

    assertThat(run.passed()).isFalse();
    assertThat(run.describe()).contains("exit code 1, no report").contains("Cannot find module @grpc/grpc-js");
  }
}
