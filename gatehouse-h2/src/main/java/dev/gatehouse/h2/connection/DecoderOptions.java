package dev.gatehouse.h2.connection;

/**
 * Memory bounds of a {@link ConnectionDecoder}.
 *
 * @param maxMessageBytes the bytes of each gRPC message kept for {@link dev.gatehouse.h2.event.MessageEvent#data()};
 *     longer messages are still counted and reported with their first bytes (default 4 MiB, gRPC's default receive
 *     limit)
 * @param maxHeaderBlockBytes the largest header block (HEADERS + CONTINUATION fragments) buffered for HPACK
 *     decoding; a larger block is reported as a violation and not decoded, and since the HPACK table can no longer
 *     be trusted, later blocks from that side may fail (default 1 MiB)
 * @param maxFrameBytes the largest frame (header + payload) buffered when it arrives in pieces; a larger frame is
 *     reported as malformed and skipped, its DATA not reassembled (default 16 MiB + 9, the largest frame RFC 9113
 *     allows)
 */
public record DecoderOptions(int maxMessageBytes, int maxHeaderBlockBytes, int maxFrameBytes) {

  /** 2^24 - 1 + 9: the largest possible frame. */
  public static final int LARGEST_FRAME = (1 << 24) - 1 + 9;

  public DecoderOptions {
    if (maxMessageBytes < 0) {
      throw new IllegalArgumentException("maxMessageBytes: " + maxMessageBytes + " (expected: >= 0)");
    }
    if (maxHeaderBlockBytes < 1024) {
      throw new IllegalArgumentException("maxHeaderBlockBytes: " + maxHeaderBlockBytes + " (expected: >= 1024)");
    }
    if (maxFrameBytes < 16384 + 9 || maxFrameBytes > LARGEST_FRAME) {
      throw new IllegalArgumentException(
          "maxFrameBytes: " + maxFrameBytes + " (expected: 16393.." + LARGEST_FRAME + ")");
    }
  }

  /** 4 MiB messages, 1 MiB header blocks, frames up to 16 MiB + 9. */
  public static DecoderOptions defaults() {
    return new DecoderOptions(4 << 20, 1 << 20, LARGEST_FRAME);
  }

  /** These options with another message cap. */
  public DecoderOptions withMaxMessageBytes(int bytes) {
    return new DecoderOptions(bytes, maxHeaderBlockBytes, maxFrameBytes);
  }

  /** These options with another header block cap. */
  public DecoderOptions withMaxHeaderBlockBytes(int bytes) {
    return new DecoderOptions(maxMessageBytes, bytes, maxFrameBytes);
  }

  /** These options with another frame buffer cap. */
  public DecoderOptions withMaxFrameBytes(int bytes) {
    return new DecoderOptions(maxMessageBytes, maxHeaderBlockBytes, bytes);
  }
}
