package dev.gatehouse.testing.peer;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The grpc-java peer's Library server (grpc-netty, 127.0.0.1 only), in this JVM, with the behaviour every peer
 * shares (docs/testing.md) and {@code grpc.health.v1.Health}. {@link #close()} shuts down gracefully: no new calls,
 * GOAWAY, up to 2 s for the calls in flight, then the rest are cancelled.
 */
public final class JavaLibraryServer implements PeerServer {

  private static final long GRACE_MILLIS = 2_000;

  private final Server server;
  private final ScheduledExecutorService scheduler;

  private JavaLibraryServer(Server server, ScheduledExecutorService scheduler) {
    this.server = server;
    this.scheduler = scheduler;
  }

  /**
   * Starts a server on {@code port} of 127.0.0.1; port 0 picks a free one.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static JavaLibraryServer start(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0..65535)");
    }
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "java-peer-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    HealthStatusManager health = new HealthStatusManager();
    Server server = NettyServerBuilder
        .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
        .addService(ServerInterceptors.intercept(new LibraryService(scheduler), new EchoMetadataInterceptor()))
        .addService(health.getHealthService())
        .build();
    try {
      server.start();
    } catch (IOException e) {
      scheduler.shutdownNow();
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    return new JavaLibraryServer(server, scheduler);
  }

  @Override
  public ForeignPeer peer() {
    return ForeignPeer.JAVA;
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public String output() {
    return "";
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        server.shutdownNow().awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "grpc-java server on " + target();
  }
}
