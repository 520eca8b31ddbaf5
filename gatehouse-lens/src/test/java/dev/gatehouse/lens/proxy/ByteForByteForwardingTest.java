package dev.gatehouse.lens.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.lens.detect.FindingCode;
import dev.gatehouse.lens.support.ByteRecorder;
import dev.gatehouse.lens.support.LensFixture;
import dev.gatehouse.lens.support.Recorder;
import dev.gatehouse.testing.peer.ClientRun;
import dev.gatehouse.testing.peer.ForeignPeer;
import dev.gatehouse.testing.peer.JavaLibraryServer;
import dev.gatehouse.testing.peer.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What arrives is what was sent, in both directions, whatever the bytes and whatever the decoder thinks of them. */
class ByteForByteForwardingTest {

  private static final int BYTES = 3 << 20;

  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void randomBytesArriveUnchangedBothWaysWithHalfClose() throws Exception {
    byte[] fromClient = random(1, BYTES);
    byte[] fromServer = random(2, BYTES);
    Recorder recorder = new Recorder();
    try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        LensServer lens = LensFixture.start(upstream.getLocalPort(), recorder)) {
      Future<byte[]> serverReceived = threads.submit(() -> {
        try (Socket socket = upstream.accept()) {
          socket.setSoTimeout(30_000);
          Future<?> writing = threads.submit(() -> writeAndHalfClose(socket, fromServer));
          byte[] received = readToEnd(socket.getInputStream());
          writing.get(30, TimeUnit.SECONDS);
          return received;
        }
      });
      byte[] clientReceived;
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), lens.port()));
        socket.setSoTimeout(30_000); // a lost half-close fails the test instead of hanging it
        Future<?> writing = threads.submit(() -> writeAndHalfClose(socket, fromClient));
        clientReceived = readToEnd(socket.getInputStream());
        writing.get(30, TimeUnit.SECONDS);
      }

      assertThat(serverReceived.get(30, TimeUnit.SECONDS)).isEqualTo(fromClient);
      assertThat(clientReceived).isEqualTo(fromServer);
      recorder.awaitClosed(1);
    }
    assertThat(recorder.findings(FindingCode.BAD_PREFACE)).isNotEmpty();
    assertThat(recorder.findings(FindingCode.DECODER_FAILURE)).isEmpty();
  }

  @Test
  void grpcJavaTrafficArrivesUnchangedThroughTheLens() throws Exception {
    ByteRecorder nearClient = new ByteRecorder();
    ByteRecorder nearServer = new ByteRecorder();
    Recorder recorder = new Recorder();
    try (JavaLibraryServer server = JavaLibraryServer.start(0);
        LensServer outer = LensFixture.start(server.port(), nearServer);
        LensServer lens = LensFixture.start(outer.port(), recorder);
        LensServer front = LensFixture.start(lens.port(), nearClient)) {
      for (Scenario scenario : new Scenario[] {Scenario.UNARY, Scenario.LARGE, Scenario.BIDI, Scenario.ERROR}) {
        ClientRun run = ForeignPeer.JAVA.runClient("127.0.0.1:" + front.port(), scenario);
        assertThat(run.passed()).as(run.describe()).isTrue();
      }
      recorder.awaitClosed(4);
    }

    assertThat(nearClient.connections()).hasSize(4).isEqualTo(nearServer.connections());
    long total = 0;
    for (long id : nearClient.connections()) {
      byte[] clientSent = nearClient.bytes(id, Direction.CLIENT);
      total += clientSent.length;
      assertThat(nearServer.bytes(id, Direction.CLIENT)).as("client bytes of connection %d", id)
          .isEqualTo(clientSent);
      assertThat(nearClient.bytes(id, Direction.SERVER)).as("server bytes of connection %d", id)
          .isEqualTo(nearServer.bytes(id, Direction.SERVER));
    }
    assertThat(total).isGreaterThan(1 << 20);
    assertThat(recorder.findings(FindingCode.PROTOCOL_VIOLATION)).as(recorder.summary()).isEmpty();
  }

  @Test
  void unreachableUpstreamClosesTheClientWithAFinding() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    Recorder recorder = new Recorder();
    try (LensServer lens = LensFixture.start(closedPort, recorder);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), lens.port())) {
      socket.setSoTimeout(30_000);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      recorder.awaitClosed(1);
    }
    assertThat(recorder.findings(FindingCode.UPSTREAM_UNREACHABLE)).singleElement()
        .satisfies(finding -> assertThat(finding.text()).contains("127.0.0.1:" + closedPort));
  }

  private static Void writeAndHalfClose(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    for (int offset = 0; offset < bytes.length; offset += 8192) {
      out.write(bytes, offset, Math.min(8192, bytes.length - offset));
    }
    out.flush();
    socket.shutdownOutput();
    return null;
  }

  private static byte[] readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  private static byte[] random(long seed, int length) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
