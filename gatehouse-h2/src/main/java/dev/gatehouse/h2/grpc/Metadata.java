package dev.gatehouse.h2.grpc;

/**
 * One custom metadata entry (a header that is neither a pseudo-header nor one gRPC or HTTP/2 reserves).
 *
 * @param name the key
 * @param value the value as sent (base64 text for {@code -bin} keys)
 * @param binary for a {@code -bin} key, the base64-decoded bytes (padded or unpadded); {@code null} for other keys
 *     or when the value is not valid base64
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
