package dev.gatehouse.cli.demo;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.server.GatewayListener;
import dev.gatehouse.gateway.server.GatewayServer;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The running demo: the bookstore gRPC service on a loopback port and the gateway in front of it. */
public final class Demo implements AutoCloseable {
  /** The demo's descriptor set, compiled into the jar from {@code gatehouse/demo/v1/bookstore.proto}. */
  public static final String DESCRIPTOR_SET = "/gatehouse/demo/v1/bookstore.desc";

  private final Server backend;
  private final GatewayServer gateway;

  private Demo(Server backend, GatewayServer gateway) {
    this.backend = backend;
    this.gateway = gateway;
  }

  /**
   * Starts the bookstore on {@code 127.0.0.1:backendPort} (0 picks a free port) and the gateway on {@code listen}.
   *
   * @throws IOException when the backend's port cannot be bound
   */
  public static Demo start(HostPort listen, int backendPort, GatewayListener listener) throws IOException {
    Server backend = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", backendPort))
        .addService(BookstoreService.withSampleData())
        .build()
        .start();
    GatewayServer gateway = new GatewayServer(GatewayConfig.builder()
        .listen(listen)
        .upstream(new HostPort("127.0.0.1", backend.getPort()))
        .catalog(catalog())
        .build(), listener);
    try {
      gateway.start();
    } catch (RuntimeException e) {
      backend.shutdownNow();
      throw e;
    }
    return new Demo(backend, gateway);
  }

  /** The bookstore's descriptors, as the gateway reads them. */
  public static ServiceCatalog catalog() {
    try (InputStream in = Demo.class.getResourceAsStream(DESCRIPTOR_SET)) {
      if (in == null) {
        throw new IllegalStateException("the demo descriptor set " + DESCRIPTOR_SET + " is missing from the jar");
      }
      return ServiceCatalog.parse(DESCRIPTOR_SET, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The gateway's base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    InetSocketAddress address = gateway.address();
    String host = address.getHostString();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** The bookstore's gRPC port. */
  public int backendPort() {
    return backend.getPort();
  }

  /** Stops the gateway gracefully, then the bookstore. */
  @Override
  public void close() {
    gateway.close();
    backend.shutdown();
    try {
      backend.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      backend.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
