package dev.gatehouse.lens;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code gatehouse lens} was asked to do.
 *
 * @param listenHost the address to accept clients on, e.g. {@code 127.0.0.1}
 * @param listenPort the port to accept clients on; 0 picks a free one
 * @param upstreamHost the gRPC server's host
 * @param upstreamPort the gRPC server's port
 * @param descriptorSet a descriptor set ({@code protoc --include_imports --descriptor_set_out}) to decode messages
 *     as JSON, or {@code null}
 * @param format the output format
 * @param output the file to write the output to (created or truncated), or {@code null} for standard output
 */
public record LensConfig(String listenHost, int listenPort, String upstreamHost, int upstreamPort, Path descriptorSet,
    OutputFormat format, Path output) {

  public LensConfig {
    Objects.requireNonNull(listenHost, "listenHost");
    Objects.requireNonNull(upstreamHost, "upstreamHost");
    Objects.requireNonNull(format, "format");
    if (listenHost.isEmpty()) {
      throw new IllegalArgumentException("listenHost: empty (expected: a host name or address)");
    }
    if (upstreamHost.isEmpty()) {
      throw new IllegalArgumentException("upstreamHost: empty (expected: a host name or address)");
    }
    if (listenPort < 0 || listenPort > 65_535) {
      throw new IllegalArgumentException("listenPort: " + listenPort + " (expected: 0..65535)");
    }
    if (upstreamPort < 1 || upstreamPort > 65_535) {
      throw new IllegalArgumentException("upstreamPort: " + upstreamPort + " (expected: 1..65535)");
    }
  }

  /**
   * The configuration of {@code --listen HOST:PORT --upstream HOST:PORT}, text to standard output, no descriptors.
   * IPv6 addresses go in brackets: {@code [::1]:8080}.
   */
  public static LensConfig of(String listen, String upstream) {
    String[] in = hostAndPort("listen", listen);
    String[] up = hostAndPort("upstream", upstream);
    return new LensConfig(in[0], Integer.parseInt(in[1]), up[0], Integer.parseInt(up[1]), null, OutputFormat.TEXT,
        null);
  }

  /** This configuration with a descriptor set. */
  public LensConfig withDescriptorSet(Path file) {
    return new LensConfig(listenHost, listenPort, upstreamHost, upstreamPort, file, format, output);
  }

  /** This configuration with another output format. */
  public LensConfig withFormat(OutputFormat value) {
    return new LensConfig(listenHost, listenPort, upstreamHost, upstreamPort, descriptorSet, value, output);
  }

  /** This configuration writing to a file ({@code null}: standard output). */
  public LensConfig withOutput(Path file) {
    return new LensConfig(listenHost, listenPort, upstreamHost, upstreamPort, descriptorSet, format, file);
  }

  private static String[] hostAndPort(String option, String value) {
    Objects.requireNonNull(value, option);
    int colon = value.lastIndexOf(':');
    String host = colon < 0 ? "" : value.substring(0, colon);
    String port = colon < 0 ? "" : value.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535) {
      throw new IllegalArgumentException(option + ": " + value + " (expected: HOST:PORT, e.g. 127.0.0.1:50051)");
    }
    return new String[] {host, port};
  }
}
