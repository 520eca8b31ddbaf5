package dev.gatehouse.h2.grpc;

import dev.gatehouse.h2.hpack.HeaderBlock;
import dev.gatehouse.h2.hpack.HeaderField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Reading gRPC's headers: custom metadata, {@code -bin} values, the percent-encoded {@code grpc-message}. */
public final class GrpcHeaders {

  /** Headers gRPC or HTTP reserve; everything else is call metadata. */
  private static final Set<String> RESERVED = Set.of("content-type", "te", "user-agent", "grpc-timeout",
      "grpc-encoding", "grpc-accept-encoding", "grpc-status", "grpc-message", "grpc-status-details-bin",
      "content-length", "content-encoding", "accept-encoding", "host", "connection", "transfer-encoding");

  private GrpcHeaders() {}

  /**
   * The custom metadata of a header block, in order, with {@code -bin} values decoded (see {@link #binaryValue});
   * an immutable list.
   */
  public static List<Metadata> metadata(HeaderBlock block) {
    List<Metadata> metadata = null;
    for (HeaderField field : block.fields()) {
      metadata = addIfMetadata(metadata, field);
    }
    return immutable(metadata);
  }

  /**
   * Adds {@code field} to {@code metadata} (created when {@code null}) when it is custom metadata; returns the list.
   * For readers that go over a block once for their own fields too.
   */
  static List<Metadata> addIfMetadata(List<Metadata> metadata, HeaderField field) {
    String name = field.name();
    if (name.startsWith(":") || RESERVED.contains(name)) {
      return metadata;
    }
    List<Metadata> list = metadata == null ? new ArrayList<>(4) : metadata;
    list.add(new Metadata(name, field.value(), name.endsWith("-bin") ? binaryValue(field.value()) : null));
    return list;
  }

  /** What {@link #addIfMetadata} collected, as an immutable list. */
  static List<Metadata> immutable(List<Metadata> metadata) {
    return metadata == null ? List.of() : List.copyOf(metadata);
  }

  /**
   * Decodes a {@code -bin} value as sent: gRPC C-core peers that both advertise SETTINGS 0xfe03
   * (GRPC_ALLOW_TRUE_BINARY_METADATA) send the raw bytes after a NUL byte ("true binary"), which base64 never
   * starts with; anything else is base64 ({@link #base64}). Header values are decoded as ISO-8859-1, one char per
   * byte, so the raw bytes come back unchanged. Returns {@code null} for {@code null} or a value that is neither.
   */
  public static byte[] binaryValue(String value) {
    if (value != null && !value.isEmpty() && value.charAt(0) == '\0') {
      return value.substring(1).getBytes(StandardCharsets.ISO_8859_1);
    }
    return base64(value);
  }

  /**
   * Decodes a {@code -bin} value: base64 with or without padding; several values joined by commas are decoded one
   * by one and concatenated. Returns {@code null} when it is not base64.
   */
  public static byte[] base64(String value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.indexOf(',') < 0) {
        return Base64.getDecoder().decode(value.trim());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (String part : value.split(",", -1)) {
        out.writeBytes(Base64.getDecoder().decode(part.trim()));
      }
      return out.toByteArray();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Percent-decodes {@code grpc-message} (gRPC PROTOCOL-HTTP2.md: {@code %XX} escapes of UTF-8 bytes); a malformed
   * escape is kept as it is, as gRPC clients do.
   */
  public static String percentDecode(String value) {
    if (value == null || value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length()) {
        int hi = Character.digit(value.charAt(i + 1), 16);
        int lo = Character.digit(value.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write((hi << 4) | lo);
          i += 2;
          continue;
        }
      }
      out.write(c);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  /** A {@code :status} value as a number, or -1. */
  static int httpStatus(String status) {
    if (status == null || status.length() != 3) {
      return -1;
    }
    try {
      return Integer.parseInt(status);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
