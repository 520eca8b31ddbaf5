package dev.gatehouse.gateway.config;

import static java.util.Objects.requireNonNull;

/**
 * A host and a port, as given on the command line: {@code 127.0.0.1:8080}, {@code localhost:50051},
 * {@code [::1]:8080}.
 *
 * @param host a host name or an IP literal, without brackets
 * @param port 0 (any free port, for listening) to 65535
 */
public record HostPort(String host, int port) {

  public HostPort {
    requireNonNull(host, "host");
    if (host.isEmpty()) {
      throw new IllegalArgumentException("host: \"\" (expected: a host name or an IP address)");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0 to 65535)");
    }
  }

  /** Parses {@code host:port}, with an IPv6 literal in brackets. */
  public static HostPort parse(String text) {
    requireNonNull(text, "text");
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("address: \"" + text + "\" (expected: HOST:PORT, e.g. 127.0.0.1:8080)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("address: \"" + text
          + "\" (expected: an IPv6 host in brackets, e.g. [::1]:8080)");
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("address: \"" + text + "\" (expected: a numeric port after the last ':')");
    }
    return new HostPort(host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
