package dev.gatehouse.cli;

import dev.gatehouse.gateway.server.AccessLogEntry;
import dev.gatehouse.gateway.server.GatewayListener;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Prints what the gateway reports on the terminal: where it listens on standard output, the access log and shutdown
 * on standard error. Called on event loops, so each print is one short synchronized write.
 */
final class ConsolePrinter implements GatewayListener {
  private final PrintWriter out;
  private final PrintWriter err;

  ConsolePrinter(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Blocks until the JVM is asked to stop (SIGTERM, SIGINT), then closes {@code running} before exiting. */
  static void awaitShutdownSignal(AutoCloseable running) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      } finally {
        closed.countDown();
      }
    }, "gatehouse-shutdown"));
    closed.await();
  }

  @Override
  public void serverStarted(InetSocketAddress address) {
    print(out, "gatehouse: gateway listening on http://" + address.getHostString() + ":" + address.getPort());
  }

  @Override
  public void requestCompleted(AccessLogEntry entry) {
    print(err, entry.toString());
  }

  @Override
  public void shutdownStarted(long graceMillis) {
    print(err, "gatehouse: shutting down; requests in flight have " + graceMillis + " ms to finish");
  }

  @Override
  public void serverStopped(int cutOffConnections) {
    print(err, "gatehouse: stopped" + (cutOffConnections == 0 ? ""
        : "; " + cutOffConnections + " connections were cut off at the end of the grace period"));
  }

  private static void print(PrintWriter writer, String line) {
    synchronized (writer) {
      writer.println(line);
      writer.flush();
    }
  }
}
