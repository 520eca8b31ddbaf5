package dev.gatehouse.h2.hpack;

import java.util.Arrays;

/**
 * The last few header blocks of one direction that left the dynamic table as it was, kept with their bytes. gRPC
 * peers send the same blocks over and over (a unary call's request headers, response headers and trailers, all
 * indexed once the table is warm): the same bytes decoded against the same table give the same fields, so such a
 * block is decoded once and its {@link HeaderBlock} (immutable) handed out again.
 *
 * <p>A block qualifies only when decoding it changed nothing in the table (no insertion, size update or eviction)
 * and raised no error; it is reused only while the table's version is the one it was decoded against.
 */
final class RepeatedBlocks {

  /** Enough for the request, response and trailers blocks of a few methods in flight at once. */
  private static final int ENTRIES = 8;

  /** Longer blocks are not kept: they are rare, and comparing them costs what decoding them saves. */
  static final int MAX_BLOCK_BYTES = 512;

  private final byte[][] bytes = new byte[ENTRIES][];
  private final long[] versions = new long[ENTRIES];
  private final HeaderBlock[] blocks = new HeaderBlock[ENTRIES];
  private int next;
  private int lastHit;

  /** The block decoded earlier from the same bytes against table version {@code version}, or {@code null}. */
  HeaderBlock find(byte[] src, int offset, int length, long version) {
    if (length > MAX_BLOCK_BYTES) {
      return null;
    }
    // From the last hit on: a peer's blocks come round in the same order (request; response headers, trailers).
    for (int n = 0, i = lastHit; n < ENTRIES; n++, i = (i + 1) % ENTRIES) {
      byte[] kept = bytes[i];
      if (kept != null && kept.length == length && versions[i] == version && same(kept, src, offset)) {
        lastHit = i;
        return blocks[i];
      }
    }
    return null;
  }

  /** A plain loop: blocks of indexed fields are a few bytes long, too short for a vectorized comparison to pay. */
  private static boolean same(byte[] kept, byte[] src, int offset) {
    for (int i = 0; i < kept.length; i++) {
      if (kept[i] != src[offset + i]) {
        return false;
      }
    }
    return true;
  }

  /** Keeps a block that changed nothing in the table (version {@code version}), replacing the oldest one kept. */
  void remember(byte[] src, int offset, int length, long version, HeaderBlock block) {
    if (length > MAX_BLOCK_BYTES) {
      return;
    }
    bytes[next] = Arrays.copyOfRange(src, offset, offset + length);
    versions[next] = version;
    blocks[next] = block;
    next = (next + 1) % ENTRIES;
  }
}
