package dev.gatehouse.bench;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.server.GatewayListener;
import dev.gatehouse.gateway.server.GatewayServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * The gateway under test in the W1/W2 benchmark, with the test Library's descriptors from the classpath, grpc-gateway's
 * JSON defaults, and the access log off (the benchmark measures the proxy, not a log printer).
 *
 * <p>{@code BenchGateway --upstream PORT [--port N] [--io-threads N]} prints {@code LISTENING <port>} once serving and
 * stops gracefully when its standard input ends.
 */
public final class BenchGateway {
  private static final String DESCRIPTOR_SET = "/gatehouse/testing/v1/testing.desc";

  private BenchGateway() {
  }

  public static void main(String[] args) throws IOException {
    BenchArguments arguments = BenchArguments.parse(args);
    GatewayConfig config = GatewayConfig.builder()
        .upstream(new HostPort("127.0.0.1", arguments.requiredInt("--upstream")))
        .catalog(loadCatalog())
        .listen(new HostPort("127.0.0.1", arguments.intValue("--port", 0)))
        .ioThreads(arguments.intValue("--io-threads", 1))
        .accessLog(false)
        .shutdownGrace(Duration.ofSeconds(1))
        .build();
    try (GatewayServer gateway = new GatewayServer(config, GatewayListener.NONE)) {
      gateway.start();
      System.out.println("LISTENING " + gateway.port());
      System.out.flush();
      BenchArguments.awaitEndOfInput();
    }
  }

  private static ServiceCatalog loadCatalog() throws IOException {
    try (InputStream in = BenchGateway.class.getResourceAsStream(DESCRIPTOR_SET)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DESCRIPTOR_SET + " not on the classpath");
      }
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    }
  }
}
