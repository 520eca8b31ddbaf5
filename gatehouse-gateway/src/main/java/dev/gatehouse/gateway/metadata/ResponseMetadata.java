package dev.gatehouse.gateway.metadata;

import dev.gatehouse.core.wellknown.Base64Text;
import io.grpc.Metadata;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Turns the backend's metadata into HTTP response headers: header metadata as {@code Grpc-Metadata-<name>}, trailer
 * metadata as {@code Grpc-Trailer-<name>}. Binary ({@code -bin}) values are written base64-encoded, the form they
 * arrive in, since raw bytes are not valid in an HTTP/1.1 header.
 *
 * <p>The transport's own keys ({@code content-type}, {@code grpc-*} such as {@code grpc-status-details-bin}, which
 * the error body already renders) are not copied: they describe the gRPC hop, not the response.
 */
public final class ResponseMetadata {
  public static final String HEADER_PREFIX = "Grpc-Metadata-";
  public static final String TRAILER_PREFIX = "Grpc-Trailer-";
  private static final Metadata.Key<String> WWW_AUTHENTICATE =
      Metadata.Key.of("www-authenticate", Metadata.ASCII_STRING_MARSHALLER);

  private ResponseMetadata() {
  }

  /** Adds each header metadata entry to {@code out} as {@code Grpc-Metadata-<name>}. */
  public static void addHeaders(Metadata headers, HttpHeaders out) {
    add(headers, HEADER_PREFIX, out);
  }

  /** Adds each trailer metadata entry to {@code out} as {@code Grpc-Trailer-<name>}. */
  public static void addTrailers(Metadata trailers, HttpHeaders out) {
    add(trailers, TRAILER_PREFIX, out);
  }

  /** The {@code WWW-Authenticate} challenge the backend sent, from its trailers or headers, or {@code null}. */
  public static String wwwAuthenticate(Metadata headers, Metadata trailers) {
    String challenge = trailers.get(WWW_AUTHENTICATE);
    return challenge != null ? challenge : headers.get(WWW_AUTHENTICATE);
  }

  private static void add(Metadata metadata, String prefix, HttpHeaders out) {
    for (String key : metadata.keys()) {
      if (key.startsWith("grpc-") || key.equals("content-type") || !RequestMetadata.isValidKey(key)) {
        continue;
      }
      String name = prefix + key;
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        for (byte[] value : metadata.getAll(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER))) {
          out.add(name, Base64Text.encode(value));
        }
      } else {
        for (String value : metadata.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER))) {
          if (RequestMetadata.isPrintableAscii(value)) {
            out.add(name, value);
          }
        }
      }
    }
  }
}
