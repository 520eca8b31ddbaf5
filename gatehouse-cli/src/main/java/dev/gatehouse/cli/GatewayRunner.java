package dev.gatehouse.cli;

import dev.gatehouse.core.descriptor.DescriptorLoadException;
import dev.gatehouse.core.route.RouteLoadException;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.server.GatewayServer;
import java.io.PrintWriter;

/** Runs a gateway in the foreground until the process is told to stop. */
final class GatewayRunner {
  private GatewayRunner() {}

  /**
   * Starts the gateway and blocks until SIGTERM or SIGINT, then closes it gracefully.
   *
   * @return the exit code: 0 after a clean stop, 2 when the gateway could not start
   */
  static int runUntilStopped(GatewayConfig config, PrintWriter out, PrintWriter err) throws InterruptedException {
    GatewayServer server = new GatewayServer(config, new ConsolePrinter(out, err));
    try {
      server.start();
    } catch (DescriptorLoadException | RouteLoadException | IllegalStateException e) {
      err.println("gatehouse: " + e.getMessage());
      err.flush();
      server.close();
      return 2;
    }
    ConsolePrinter.awaitShutdownSignal(server);
    return 0;
  }
}
