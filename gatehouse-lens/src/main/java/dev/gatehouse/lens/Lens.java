package dev.gatehouse.lens;

import dev.gatehouse.lens.proxy.LensServer;
import java.util.concurrent.CountDownLatch;

/**
 * The entry point of {@code gatehouse lens}: starts the proxy of a {@link LensConfig} and runs it until the process
 * is stopped (Ctrl-C or SIGTERM close it cleanly, flushing the output).
 */
public final class Lens {

  private Lens() {}

  /** Starts the lens of {@code config}; the caller closes it. */
  public static LensServer start(LensConfig config) {
    return LensServer.builder(config).start();
  }

  /**
   * Starts the lens, prints where it listens to standard error, and blocks until the process is stopped.
   *
   * @throws java.io.UncheckedIOException when the listen address cannot be bound or the output cannot be opened
   * @throws dev.gatehouse.core.descriptor.DescriptorLoadException when the descriptor set cannot be loaded
   */
  public static void run(LensConfig config) throws InterruptedException {
    LensServer server = start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "gatehouse-lens-shutdown"));
    System.err.println("gatehouse lens: listening on " + server.localAddress() + ", forwarding to "
        + config.upstreamHost() + ":" + config.upstreamPort() + " (" + config.format().label() + " output to "
        + (config.output() == null ? "standard output" : config.output()) + ")");
    stopped.await();
  }
}
