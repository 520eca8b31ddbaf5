package dev.gatehouse.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackpressureTest {
  private static final long MIB = 1024 * 1024;
  private static final int BOOKS = 4096;
  /** A 256 KiB cover is 349,528 characters of base64 in JSON. */
  private static final long JSON_COVER_BYTES = 4 * ((FlowControlledBackend.COVER_BYTES + 2) / 3);

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  private long usedHeapAfterGc() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Test
  void aSlowReaderOfAGibibyteStreamSlowsTheBackendAndKeepsMemoryBounded() throws Exception {
    try (FlowControlledBackend backend = new FlowControlledBackend();
        StreamingGateway gateway = new StreamingGateway(backend.port());
        Socket socket = new Socket()) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()));
      long baseline = usedHeapAfterGc();
      OutputStream out = socket.getOutputStream();
      out.write(("GET /v1/shelves/big-" + BOOKS + ":watch HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[16 * 1024];

      // The client stops reading after 8 MiB: the backend must find the gateway not ready and stop sending.
      long read = 0;
      while (read < 8 * MIB) {
        int n = in.read(buffer);
        assertThat(n).isPositive();
        read += n;
      }
      long waitedFor = System.nanoTime();
      while (!backend.blocked && System.nanoTime() - waitedFor < TimeUnit.SECONDS.toNanos(20)) {
        Thread.onSpinWait();
      }
      assertThat(backend.blocked).as("the backend is held back while the client does not read").isTrue();
      assertBacklogBounded(backend, read);

      long maxHeapGrowth = 0;
      long maxDirect = 0;
      long nextSample = read + 64 * MIB;
      byte[] tail = new byte[0];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        read += n;
        tail = java.util.Arrays.copyOfRange(buffer, Math.max(0, n - 16), n);
        if (read >= nextSample) {
          nextSample += 64 * MIB;
          maxHeapGrowth = Math.max(maxHeapGrowth, usedHeapAfterGc() - baseline);
          maxDirect = Math.max(maxDirect, PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory());
          assertBacklogBounded(backend, read);
        }
      }

      assertThat(read).isGreaterThan(BOOKS * JSON_COVER_BYTES).isGreaterThan(1024 * MIB);
      assertThat(new String(tail, StandardCharsets.US_ASCII)).endsWith("}}\n\r\n0\r\n\r\n");
      assertThat(backend.sent.get()).isEqualTo(BOOKS);
      assertThat(maxHeapGrowth).as("heap growth while streaming %d MiB", read / MIB).isLessThan(96 * MIB);
      assertThat(maxDirect).as("pooled direct memory").isLessThan(64 * MIB);
    }
  }

  /** The backend is never far ahead of the reader: what it sent but the client has not read fits in windows. */
  private static void assertBacklogBounded(FlowControlledBackend backend, long readJsonBytes) {
    long sentJsonBytes = backend.sent.get() * JSON_COVER_BYTES;
    assertThat(sentJsonBytes - readJsonBytes).as("bytes sent by the backend but not yet read by the client")
        .isLessThan(48 * MIB);
  }
}
