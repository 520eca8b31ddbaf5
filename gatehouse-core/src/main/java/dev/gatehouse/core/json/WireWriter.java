package dev.gatehouse.core.json;

import java.util.Arrays;

/**
 * A growable protobuf wire-format buffer that can write a length-delimited value before knowing its length.
 *
 * <p>JSON gives a nested message's content before its length, so {@link #beginLength} reserves one byte for the
 * length and {@link #endLength} fills it in, moving the content right in the rare case the length needs more than
 * one varint byte (over 127 bytes). Measured against a size pre-pass and a stack of scratch buffers this is the
 * cheapest: one pass over the JSON, one buffer, and a copy only for large nested messages, which are dominated by
 * their own content anyway.
 */
final class WireWriter {
  private byte[] buffer;
  private int position;

  WireWriter(int initialCapacity) {
    buffer = new byte[Math.max(16, initialCapacity)];
  }

  int position() {
    return position;
  }

  /** Drops everything written after {@code mark}, to take back a value that turned out to be skipped. */
  void truncate(int mark) {
    position = mark;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  byte[] buffer() {
    return buffer;
  }

  private void ensure(int extra) {
    if (position + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + extra));
    }
  }

  void writeTag(int tag) {
    writeVarint32(tag);
  }

  void writeVarint32(int value) {
    ensure(5);
    byte[] b = buffer;
    int p = position;
    while ((value & ~0x7F) != 0) {
      b[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[p++] = (byte) value;
    position = p;
  }

  void writeVarint64(long value) {
    ensure(10);
    byte[] b = buffer;
    int p = position;
    while ((value & ~0x7FL) != 0) {
      b[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[p++] = (byte) value;
    position = p;
  }

  void writeFixed32(int value) {
    ensure(4);
    byte[] b = buffer;
    int p = position;
    b[p] = (byte) value;
    b[p + 1] = (byte) (value >> 8);
    b[p + 2] = (byte) (value >> 16);
    b[p + 3] = (byte) (value >> 24);
    position = p + 4;
  }

  void writeFixed64(long value) {
    writeFixed32((int) value);
    writeFixed32((int) (value >>> 32));
  }

  void writeBytes(byte[] bytes, int offset, int length) {
    writeVarint32(length);
    ensure(length);
    System.arraycopy(bytes, offset, buffer, position, length);
    position += length;
  }

  /** Writes chars as a length-prefixed UTF-8 string; an unpaired surrogate becomes '?', as String.getBytes does. */
  void writeString(char[] chars, int offset, int length) {
    int end = offset + length;
    int utf8Length = length;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c >= 0x80) {
        utf8Length = utf8Length(chars, offset, end);
        break;
      }
    }
    writeVarint32(utf8Length);
    ensure(utf8Length);
    byte[] b = buffer;
    int p = position;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
          int codePoint = Character.toCodePoint(c, chars[++i]);
          b[p++] = (byte) (0xF0 | (codePoint >> 18));
          b[p++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
          b[p++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
          b[p++] = (byte) (0x80 | (codePoint & 0x3F));
        } else {
          b[p++] = '?';
        }
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    position = p;
  }

  private static int utf8Length(char[] chars, int offset, int end) {
    int length = 0;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        length++;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
          length += 4;
          i++;
        } else {
          length++;
        }
      } else {
        length += 3;
      }
    }
    return length;
  }

  /** Reserves the length byte of a length-delimited value; pass the result to {@link #endLength}. */
  int beginLength() {
    ensure(1);
    return position++;
  }

  /** Fills in the length of everything written since {@code mark}. */
  void endLength(int mark) {
    int length = position - mark - 1;
    if (length < 0x80) {
      buffer[mark] = (byte) length;
      return;
    }
    int size = varintSize(length);
    ensure(size - 1);
    System.arraycopy(buffer, mark + 1, buffer, mark + size, length);
    position += size - 1;
    int p = mark;
    int value = length;
    while ((value & ~0x7F) != 0) {
      buffer[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[p] = (byte) value;
  }

  private static int varintSize(int value) {
    if ((value & (~0 << 7)) == 0) {
      return 1;
    }
    if ((value & (~0 << 14)) == 0) {
      return 2;
    }
    if ((value & (~0 << 21)) == 0) {
      return 3;
    }
    if ((value & (~0 << 28)) == 0) {
      return 4;
    }
    return 5;
  }
}
