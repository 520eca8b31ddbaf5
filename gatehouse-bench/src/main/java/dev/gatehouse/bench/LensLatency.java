package dev.gatehouse.bench;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.lens.LensConfig;
import dev.gatehouse.lens.OutputFormat;
import dev.gatehouse.lens.proxy.LensServer;
import dev.gatehouse.testing.peer.JavaLibraryServer;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The latency the lens adds to a unary grpc-java call on loopback: sequential GetShelf calls straight to the server
 * and through the lens (with its text output decoding every message, written to a discarding stream), in alternating
 * rounds so both paths see the same machine load. Prints p50/p90/p99 per path and the difference. Bounded: a fixed
 * number of calls, then it exits.
 *
 * <p>Run it with {@code gatehouse-bench/scripts/lens-latency.sh [calls]} (default 20 000 measured calls per path).
 */
public final class LensLatency {

  private static final int ROUNDS = 10;

  private LensLatency() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    boolean output = args.length < 2 || !"none".equals(args[1]);
    OutputFormat format = output && args.length > 1 ? OutputFormat.parse(args[1]) : OutputFormat.TEXT;
    ServiceCatalog catalog;
    try (InputStream in = LensLatency.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      catalog = ServiceCatalog.parse("testing.desc", in.readAllBytes());
    }
    try (JavaLibraryServer server = JavaLibraryServer.start(0);
        LensServer lens = lens(server.port(), format, output, catalog)) {
      ManagedChannel direct = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      ManagedChannel viaLens = NettyChannelBuilder.forAddress("127.0.0.1", lens.port()).usePlaintext().build();
      try {
        run(direct, calls / 2);
        run(viaLens, calls / 2);
        long[] straight = new long[calls];
        long[] lensed = new long[calls];
        int perRound = calls / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
          measure(direct, straight, round * perRound, perRound);
          measure(viaLens, lensed, round * perRound, perRound);
        }
        print(calls, output ? format.label() : "none (decoding and detectors only)", straight, lensed);
      } finally {
        direct.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        viaLens.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static LensServer lens(int port, OutputFormat format, boolean output, ServiceCatalog catalog) {
    LensServer.Builder builder = LensServer.builder(LensConfig.of("127.0.0.1:0", "127.0.0.1:" + port)
        .withFormat(format)).catalog(catalog).output(OutputStream.nullOutputStream());
    return (output ? builder : builder.noOutput()).start();
  }

  private static void run(ManagedChannel channel, int calls) {
    LibraryGrpc.LibraryBlockingStub stub = LibraryGrpc.newBlockingStub(channel);
    GetShelfRequest request = GetShelfRequest.newBuilder().setName("shelves/1").build();
    for (int i = 0; i < calls; i++) {
      stub.withDeadlineAfter(10, TimeUnit.SECONDS).getShelf(request);
    }
  }

  private static void measure(ManagedChannel channel, long[] into, int from, int count) {
    LibraryGrpc.LibraryBlockingStub stub = LibraryGrpc.newBlockingStub(channel);
    GetShelfRequest request = GetShelfRequest.newBuilder().setName("shelves/1").build();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      stub.withDeadlineAfter(10, TimeUnit.SECONDS).getShelf(request);
      into[from + i] = System.nanoTime() - start;
    }
  }

  private static void print(int calls, String output, long[] straight, long[] lensed) {
    Arrays.sort(straight);
    Arrays.sort(lensed);
    System.out.printf(Locale.ROOT, "unary GetShelf, grpc-java on loopback, %d calls per path, lens output %s%n",
        calls, output);
    System.out.printf(Locale.ROOT, "%-14s %10s %10s %10s%n", "path", "p50 µs", "p90 µs", "p99 µs");
    row("direct", straight);
    row("through lens", lensed);
    System.out.printf(Locale.ROOT, "%-14s %10.1f %10.1f %10.1f%n", "added",
        (pct(lensed, 50) - pct(straight, 50)) / 1e3, (pct(lensed, 90) - pct(straight, 90)) / 1e3,
        (pct(lensed, 99) - pct(straight, 99)) / 1e3);
  }

  private static void row(String name, long[] sorted) {
    System.out.printf(Locale.ROOT, "%-14s %10.1f %10.1f %10.1f%n", name, pct(sorted, 50) / 1e3,
        pct(sorted, 90) / 1e3, pct(sorted, 99) / 1e3);
  }

  private static double pct(long[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }
}
