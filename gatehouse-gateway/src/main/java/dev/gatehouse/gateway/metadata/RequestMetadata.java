package dev.gatehouse.gateway.metadata;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.core.wellknown.Base64Text;
import io.grpc.Metadata;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the headers of an HTTP request into the metadata of its gRPC call:
 *
 * <ul>
 *   <li>{@code Authorization} as {@code authorization};
 *   <li>{@code Grpc-Metadata-<name>} as {@code <name>}, a {@code -bin} name with its value base64-decoded;
 *   <li>the other IANA permanent request headers as {@code <prefix><name>} ({@code grpcgateway-accept});
 *   <li>{@code X-Forwarded-For} with the client's address appended, and {@code X-Forwarded-Host} (the {@code Host}
 *       header when the request has none);
 *   <li>W3C {@code traceparent} and {@code tracestate} unchanged.
 * </ul>
 *
 * <p>Never forwarded: hop-by-hop headers and those the {@code Connection} header names, {@code Host},
 * {@code Content-Length}, client-supplied reserved {@code grpc-*} names (also through {@code Grpc-Metadata-}).
 * A key that is not a valid metadata key, or a value that is not printable ASCII, is skipped, not an error; a
 * {@code -bin} value that is not base64 is a 400.
 */
public final class RequestMetadata {
  private static final String GRPC_METADATA = "grpc-metadata-";

  /** IANA permanent request headers that grpc-gateway's default matcher forwards with its prefix. */
  private static final Set<String> PERMANENT = Set.of("accept", "accept-charset", "accept-language",
      "accept-ranges", "authorization", "cache-control", "content-type", "cookie", "date", "expect", "from",
      "if-match", "if-modified-since", "if-none-match", "if-schedule-tag-match", "if-unmodified-since",
      "max-forwards", "origin", "pragma", "referer", "user-agent", "via", "warning");

  /** Keys that belong to the transport or to HTTP/1.1 hops and must not reach the backend under their own name. */
  private static final Set<String> RESERVED = Set.of("connection", "keep-alive", "te", "transfer-encoding",
      "upgrade", "host", "content-length", "content-type", "user-agent", "trailer");

  private RequestMetadata() {
  }

  /**
   * The metadata for a call made on behalf of a request.
   *
   * @param prefix the prefix of forwarded standard headers, {@code grpcgateway-} by default
   * @param peer the client's address, appended to {@code X-Forwarded-For}
   * @throws StatusException INVALID_ARGUMENT for a {@code -bin} header whose value is not base64
   */
  public static Metadata of(HttpHeaders headers, String prefix, SocketAddress peer) {
    requireNonNull(headers, "headers");
    requireNonNull(prefix, "prefix");
    Metadata metadata = new Metadata();
    Set<String> connectionTokens = connectionTokens(headers);
    StringBuilder forwardedFor = null;
    String forwardedHost = null;
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      String value = header.getValue();
      if (connectionTokens.contains(name)) {
        continue;
      }
      switch (name) {
        case "x-forwarded-for" -> {
          forwardedFor = forwardedFor == null ? new StringBuilder() : forwardedFor.append(", ");
          forwardedFor.append(value.trim());
          continue;
        }
        case "x-forwarded-host" -> {
          forwardedHost = value;
          continue;
        }
        case "traceparent", "tracestate" -> {
          putAscii(metadata, name, value);
          continue;
        }
        case "authorization" -> putAscii(metadata, name, value);
        default -> {
          // Falls through to the prefix rules below.
        }
      }
      if (name.startsWith(GRPC_METADATA)) {
        String key = name.substring(GRPC_METADATA.length());
        if (!isReserved(key)) {
          put(metadata, key, header.getKey(), value);
        }
      } else if (PERMANENT.contains(name)) {
        putAscii(metadata, prefix + name, value);
      }
    }
    String peerAddress = peerAddress(peer);
    if (peerAddress != null) {
      forwardedFor = forwardedFor == null ? new StringBuilder() : forwardedFor.append(", ");
      forwardedFor.append(peerAddress);
    }
    if (forwardedFor != null) {
      putAscii(metadata, "x-forwarded-for", forwardedFor.toString());
    }
    if (forwardedHost == null) {
      forwardedHost = headers.get(HttpHeaderNames.HOST);
    }
    if (forwardedHost != null) {
      putAscii(metadata, "x-forwarded-host", forwardedHost);
    }
    return metadata;
  }

  private static boolean isReserved(String key) {
    return key.startsWith("grpc-") || key.startsWith("proxy-") || key.startsWith(":") || RESERVED.contains(key);
  }

  private static Set<String> connectionTokens(HttpHeaders headers) {
    List<String> values = headers.getAll(HttpHeaderNames.CONNECTION);
    if (values.isEmpty()) {
      return Set.of();
    }
    Set<String> tokens = new HashSet<>();
    for (String value : values) {
      for (String token : value.split(",")) {
        String name = token.trim().toLowerCase(Locale.ROOT);
        // Never let "Connection: authorization" strip a header this class must forward.
        if (!name.isEmpty() && !name.equals("authorization")) {
          tokens.add(name);
        }
      }
    }
    return tokens;
  }

  private static void put(Metadata metadata, String key, String headerName, String value) {
    if (!isValidKey(key)) {
      return;
    }
    if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
      metadata.put(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER), decodeBase64(headerName, value));
    } else {
      putAscii(metadata, key, value);
    }
  }

  private static void putAscii(Metadata metadata, String key, String value) {
    if (isValidKey(key) && !key.endsWith(Metadata.BINARY_HEADER_SUFFIX) && isPrintableAscii(value)) {
      metadata.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
    }
  }

  private static byte[] decodeBase64(String headerName, String value) {
    String text = value.trim();
    try {
      // Padded or not, standard or URL-safe alphabet: clients disagree, and the bytes are the same.
      return Base64Text.decode(text);
    } catch (IllegalArgumentException e) {
      throw StatusException.invalidArgument("invalid binary header " + headerName + ": \"" + abbreviate(text)
          + "\" (expected: base64)");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }

  /** Keys gRPC accepts: lower-case letters, digits, {@code -}, {@code _} and {@code .}. */
  static boolean isValidKey(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static boolean isPrintableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static String peerAddress(SocketAddress peer) {
    if (peer instanceof InetSocketAddress inet) {
      return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
    }
    return null;
  }
}
