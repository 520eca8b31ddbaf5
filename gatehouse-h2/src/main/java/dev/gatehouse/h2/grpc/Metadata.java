package dev.gatehouse.h2.grpc;

/**
 * One custom metadata entry (a header that is neither a pseudo-header nor one gRPC or HTTP/2 reserves).
 *
 * @param name the key
 * @param value the value as sent (base64 text for {@code -bin} keys, or a NUL byte then the raw bytes as ISO-8859-1
 *     characters for C-core's "true binary")
 * @param binary for a {@code -bin} key, the decoded bytes (base64 padded or unpadded, or "true binary", see {@link
 *     GrpcHeaders#binaryValue}); {@code null} for other keys or when the value is neither
 */
public record Metadata(String name, String value, byte[] binary) {

  public Metadata {
    binary = binary == null ? null : binary.clone();
  }

  @Override
  public byte[] binary() {
    return binary == null ? null : binary.clone();
  }

  /** Whether the key ends in {@code -bin}. */
  public boolean isBinary() {
    return name.endsWith("-bin");
  }
}
