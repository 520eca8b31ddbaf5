package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.hpack.HeaderBlock;
import dev.gatehouse.h2.hpack.HpackDecoder;
import dev.gatehouse.h2.stream.HeadersRole;
import java.util.Arrays;
import java.util.List;

/**
 * Collects one direction's header block across HEADERS/PUSH_PROMISE and CONTINUATION frames and decodes it when
 * END_HEADERS comes, with that direction's HPACK decoder. A block over the size cap is counted but not kept; it
 * is then reported undecoded, and since the dynamic table missed its insertions, later blocks may fail.
 */
final class HeaderBlockAssembler {

  private final HpackDecoder hpack = new HpackDecoder();
  private final int maxBlockBytes;
  private byte[] buffer = new byte[256];
  private int length;
  private long total;
  private boolean open;
  private int streamId;
  private HeadersRole role;
  private boolean endStream;
  private boolean push;

  HeaderBlockAssembler(int maxBlockBytes) {
    this.maxBlockBytes = maxBlockBytes;
  }

  HpackDecoder hpack() {
    return hpack;
  }

  boolean open() {
    return open;
  }

  int streamId() {
    return streamId;
  }

  HeadersRole role() {
    return role;
  }

  boolean endStream() {
    return endStream;
  }

  boolean push() {
    return push;
  }

  /**
   * A HEADERS or PUSH_PROMISE fragment: with END_HEADERS the whole block, decoded at once; without, the start of a
   * block that CONTINUATION frames go on ({@code null} until then).
   */
  HeaderBlock firstFragment(int streamId, boolean endStream, boolean push, boolean endHeaders, byte[] src,
      int fragmentOffset, int fragmentLength) {
    if (endHeaders) {
      return decodeInPlace(streamId, endStream, push, src, fragmentOffset, fragmentLength);
    }
    begin(streamId, endStream, push);
    append(src, fragmentOffset, fragmentLength);
    return null;
  }

  private void begin(int streamId, boolean endStream, boolean push) {
    context(streamId, endStream, push);
    this.open = true;
    this.length = 0;
    this.total = 0;
  }

  /** What the stream tracker made of the HEADERS frame that started the block. */
  void role(HeadersRole role) {
    this.role = role;
  }

  private void context(int streamId, boolean endStream, boolean push) {
    this.streamId = streamId;
    this.endStream = endStream;
    this.push = push;
    this.role = null;
  }

  void append(byte[] src, int offset, int fragmentLength) {
    total += fragmentLength;
    if (total > maxBlockBytes) {
      return;
    }
    if (length + fragmentLength > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(length + fragmentLength, buffer.length * 2));
    }
    System.arraycopy(src, offset, buffer, length, fragmentLength);
    length += fragmentLength;
  }

  /** Decodes a block that came in a single frame, without copying it. */
  private HeaderBlock decodeInPlace(int streamId, boolean endStream, boolean push, byte[] src, int offset,
      int fragmentLength) {
    context(streamId, endStream, push);
    open = false;
    if (fragmentLength > maxBlockBytes) {
      return tooLarge(fragmentLength);
    }
    return hpack.decode(src, offset, fragmentLength);
  }

  /** END_HEADERS: decodes the collected block. */
  HeaderBlock finish() {
    open = false;
    if (total > maxBlockBytes) {
      return tooLarge(total);
    }
    HeaderBlock block = hpack.decode(buffer, 0, length);
    if (buffer.length > 1 << 16) {
      buffer = new byte[256];
    }
    return block;
  }

  /** A block abandoned because another frame interrupted it. */
  void abandon() {
    open = false;
    if (buffer.length > 1 << 16) {
      buffer = new byte[256];
    }
  }

  private HeaderBlock tooLarge(long size) {
    return new HeaderBlock(List.of(), 0, (int) Math.min(size, Integer.MAX_VALUE), List.of(), List.of(),
        hpack.tableSize(), hpack.tableEntries(),
        "header block of " + size + " bytes exceeds the decoder's limit of " + maxBlockBytes + " bytes; not decoded");
  }
}
