package dev.gatehouse.h2.frame;

import java.util.ArrayList;
import java.util.List;

/**
 * A frame's flags byte: the raw value and the name of each set bit as RFC 9113 defines it for the frame type, in bit
 * order. A bit the type does not define is named by its value, e.g. {@code 0x40}, so nothing on the wire is hidden.
 *
 * @param raw the flags byte, 0..255
 * @param names the set bits' names
 */
public record Flags(int raw, List<String> names) {

  public static final int END_STREAM = 0x1;
  public static final int ACK = 0x1;
  public static final int END_HEADERS = 0x4;
  public static final int PADDED = 0x8;
  public static final int PRIORITY = 0x20;

  private static final Flags NONE = new Flags(0, List.of());

  /** Every (type, flags byte) pair, built once: frames are many, flag combinations few. */
  private static final Flags[][] CACHE = new Flags[FrameType.values().length][256];

  static {
    for (FrameType type : FrameType.values()) {
      for (int raw = 0; raw < 256; raw++) {
        CACHE[type.ordinal()][raw] = build(type, raw);
      }
    }
  }

  public Flags {
    if (raw < 0 || raw > 0xff) {
      throw new IllegalArgumentException("raw: " + raw + " (expected: 0..255)");
    }
    names = List.copyOf(names);
  }

  /** The flags byte of a frame of the given type, with its bits named. */
  public static Flags of(FrameType type, int raw) {
    if (raw >= 0 && raw <= 0xff) {
      return CACHE[type.ordinal()][raw];
    }
    return build(type, raw);
  }

  private static Flags build(FrameType type, int raw) {
    if (raw == 0) {
      return NONE;
    }
    List<String> names = new ArrayList<>(2);
    for (int bit = 1; bit <= 0x80; bit <<= 1) {
      if ((raw & bit) != 0) {
        String name = nameOf(type, bit);
        names.add(name != null ? name : String.format("0x%02x", bit));
      }
    }
    return new Flags(raw, names);
  }

  /** Whether the bit (or all bits of the mask) is set. */
  public boolean has(int mask) {
    return (raw & mask) == mask;
  }

  private static String nameOf(FrameType type, int bit) {
    switch (type) {
      case DATA:
        return bit == END_STREAM ? "END_STREAM" : bit == PADDED ? "PADDED" : null;
      case HEADERS:
        if (bit == END_STREAM) {
          return "END_STREAM";
        }
        return bit == END_HEADERS ? "END_HEADERS" : bit == PADDED ? "PADDED" : bit == PRIORITY ? "PRIORITY" : null;
      case PUSH_PROMISE:
        return bit == END_HEADERS ? "END_HEADERS" : bit == PADDED ? "PADDED" : null;
      case CONTINUATION:
        return bit == END_HEADERS ? "END_HEADERS" : null;
      case SETTINGS:
      case PING:
        return bit == ACK ? "ACK" : null;
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    return names.isEmpty() ? "[]" : names.toString();
  }
}
