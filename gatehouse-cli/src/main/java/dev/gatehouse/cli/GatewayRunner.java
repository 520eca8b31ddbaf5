package dev.gatehouse.cli;

import dev.gatehouse.core.descriptor.DescriptorLoadException;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.route.RouteLoadException;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.server.GatewayServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Runs a gateway in the foreground until the process is told to stop. */
final class GatewayRunner {
  private GatewayRunner() {}

  /**
   * Starts the gateway, with the lens behind its upstream tap, and blocks until SIGTERM or SIGINT, then closes it
   * gracefully.
   *
   * @return the exit code: 0 after a clean stop, 2 when the gateway could not start
   */
  static int runUntilStopped(GatewayConfig config, PrintWriter out, PrintWriter err) throws InterruptedException {
    ServiceCatalog catalog;
    UpstreamTrace trace;
    try {
      catalog = config.catalog() != null ? config.catalog() : ServiceCatalog.load(config.descriptorSet());
      trace = UpstreamTrace.start(config.trace(), catalog, config.metadataPrefix());
    } catch (DescriptorLoadException | UncheckedIOException | IllegalArgumentException e) {
      err.println("gatehouse: " + e.getMessage());
      err.flush();
      return 2;
    }
    GatewayServer server = new GatewayServer(config.toBuilder().catalog(catalog).build(),
        new ConsolePrinter(out, err), trace);
    try {
      server.start();
    } catch (DescriptorLoadException | RouteLoadException | IllegalStateException e) {
      err.println("gatehouse: " + e.getMessage());
      err.flush();
      server.close();
      trace.close();
      return 2;
    }
    if (trace.viewUri() != null) {
      err.println("gatehouse: live view of the upstream HTTP/2 frames on " + trace.viewUri());
      err.flush();
    }
    ConsolePrinter.awaitShutdownSignal(() -> {
      server.close();
      trace.close();
    });
    return 0;
  }
}
