package dev.gatehouse.core.json;

import com.google.protobuf.WireFormat;

/**
 * Reads protobuf wire primitives at offsets of a byte array. Values are decoded where they lie, so a scan can note
 * where each field is and print it later without copying. Malformed input throws {@link MalformedWireException}.
 */
final class WireReader {
  private WireReader() {}

  /** Thrown for bytes that are not valid wire format; the printer turns it into an error naming the type. */
  static final class MalformedWireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedWireException(String message) {
      super(message, null, false, false);
    }
  }

  static long varint(byte[] b, int p, int limit) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= limit) {
        throw new MalformedWireException("truncated varint");
      }
      byte current = b[p++];
      result |= (long) (current & 0x7F) << shift;
      if (current >= 0) {
        return result;
      }
    }
    throw new MalformedWireException("varint longer than 10 bytes");
  }

  /** The position right after the varint starting at {@code p}. */
  static int varintEnd(byte[] b, int p, int limit) {
    for (int i = 0; i < 10; i++) {
      if (p >= limit) {
        throw new MalformedWireException("truncated varint");
      }
      if (b[p++] >= 0) {
        return p;
      }
    }
    throw new MalformedWireException("varint longer than 10 bytes");
  }

  static int fixed32(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
  }

  static long fixed64(byte[] b, int p) {
    return (fixed32(b, p) & 0xFFFF_FFFFL) | (long) fixed32(b, p + 4) << 32;
  }

  /**
   * The end of the value of a field whose tag ended at {@code p}; for length-delimited values {@code valueStart[0]}
   * receives where the content begins (after the length).
   */
  static int valueEnd(byte[] b, int p, int limit, int tag, int[] valueStart) {
    int end;
    switch (WireFormat.getTagWireType(tag)) {
      case WireFormat.WIRETYPE_VARINT:
        end = varintEnd(b, p, limit);
        break;
      case WireFormat.WIRETYPE_FIXED64:
        end = p + 8;
        break;
      case WireFormat.WIRETYPE_FIXED32:
        end = p + 4;
        break;
      case WireFormat.WIRETYPE_LENGTH_DELIMITED:
        long length = varint(b, p, limit);
        p = varintEnd(b, p, limit);
        if (length < 0 || length > limit - p) {
          throw new MalformedWireException("length-delimited field " + WireFormat.getTagFieldNumber(tag)
              + " runs past the end of its message");
        }
        end = p + (int) length;
        break;
      case WireFormat.WIRETYPE_START_GROUP:
        end = groupEnd(b, p, limit, WireFormat.getTagFieldNumber(tag));
        break;
      default:
        throw new MalformedWireException("invalid wire type in tag " + tag);
    }
    if (end > limit) {
      throw new MalformedWireException("field " + WireFormat.getTagFieldNumber(tag) + " runs past the end of its message");
    }
    valueStart[0] = p;
    return end;
  }

  private static int groupEnd(byte[] b, int p, int limit, int number) {
    int[] ignored = new int[1];
    while (p < limit) {
      int tag = (int) varint(b, p, limit);
      p = varintEnd(b, p, limit);
      if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_END_GROUP) {
        if (WireFormat.getTagFieldNumber(tag) != number) {
          throw new MalformedWireException("group " + number + " ends with the end tag of another group");
        }
        return p;
      }
      p = valueEnd(b, p, limit, tag, ignored);
    }
    throw new MalformedWireException("group " + number + " has no end");
  }
}
