package dev.gatehouse.h2.protobuf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes protobuf wire format without a schema into JSON text keyed by field number, e.g.
 * {@code {"1":"hello","2":42,"3":{"1":1}}}. Pure and never throwing.
 *
 * <p>Choices, since the wire format does not say what a field is: a varint is shown as an unsigned number; fixed32
 * and fixed64 as unsigned numbers; a length-delimited field as a string when it is printable UTF-8 text, else as a
 * nested message when its bytes parse cleanly as one (every byte consumed, valid tags), else as hex
 * ({@code "0x0a1b"}); the empty field as {@code ""}. A field number seen more than once becomes an array. Groups
 * (wire types 3 and 4, deprecated) make the bytes "not a message". Nesting stops at depth 32.
 */
public final class SchemalessProtobuf {

  private static final int MAX_DEPTH = 32;

  private SchemalessProtobuf() {}

  /**
   * The JSON rendering of a message, or {@code null} when the bytes are not a protobuf message at all (then the
   * caller may show hex).
   */
  public static String toJson(byte[] bytes) {
    Map<Integer, List<String>> fields = parse(bytes, 0, bytes.length, 0);
    return fields == null ? null : render(fields);
  }

  /** {@link #toJson} when the bytes parse, else the bytes as a quoted hex string. */
  public static String toJsonOrHex(byte[] bytes) {
    String json = toJson(bytes);
    return json != null ? json : quote(hex(bytes, 0, bytes.length));
  }

  private static Map<Integer, List<String>> parse(byte[] src, int start, int end, int depth) {
    Map<Integer, List<String>> fields = new LinkedHashMap<>();
    int[] pos = {start};
    while (pos[0] < end) {
      long tag = varint(src, pos, end);
      if (pos[0] < 0) {
        return null;
      }
      long number = tag >>> 3;
      int wireType = (int) (tag & 7);
      if (number < 1 || number > 536_870_911) {
        return null;
      }
      String value;
      switch (wireType) {
        case 0: {
          long v = varint(src, pos, end);
          if (pos[0] < 0) {
            return null;
          }
          value = Long.toUnsignedString(v);
          break;
        }
        case 1:
          if (end - pos[0] < 8) {
            return null;
          }
          value = Long.toUnsignedString(fixed(src, pos[0], 8));
          pos[0] += 8;
          break;
        case 5:
          if (end - pos[0] < 4) {
            return null;
          }
          value = Long.toString(fixed(src, pos[0], 4));
          pos[0] += 4;
          break;
        case 2: {
          long length = varint(src, pos, end);
          if (pos[0] < 0 || length < 0 || length > end - pos[0]) {
            return null;
          }
          value = lengthDelimited(src, pos[0], pos[0] + (int) length, depth);
          pos[0] += (int) length;
          break;
        }
        default:
          return null;
      }
      fields.computeIfAbsent((int) number, k -> new ArrayList<>(1)).add(value);
    }
    return fields;
  }

  private static String lengthDelimited(byte[] src, int start, int end, int depth) {
    if (start == end) {
      return "\"\"";
    }
    String text = printableUtf8(src, start, end);
    if (text != null) {
      return quote(text);
    }
    if (depth < MAX_DEPTH) {
      Map<Integer, List<String>> nested = parse(src, start, end, depth + 1);
      if (nested != null) {
        return render(nested);
      }
    }
    return quote(hex(src, start, end));
  }

  private static String render(Map<Integer, List<String>> fields) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<Integer, List<String>> field : fields.entrySet()) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(field.getKey()).append("\":");
      List<String> values = field.getValue();
      if (values.size() == 1) {
        out.append(values.get(0));
      } else {
        out.append('[').append(String.join(",", values)).append(']');
      }
    }
    return out.append('}').toString();
  }

  /** A varint; on malformed input sets {@code pos[0]} to -1 and returns -1. */
  private static long varint(byte[] src, int[] pos, int end) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos[0] >= end) {
        pos[0] = -1;
        return -1;
      }
      byte b = src[pos[0]++];
      result |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return result;
      }
    }
    pos[0] = -1;
    return -1;
  }

  private static long fixed(byte[] src, int pos, int bytes) {
    long value = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      value = (value << 8) | (src[pos + i] & 0xff);
    }
    return value;
  }

  private static String printableUtf8(byte[] src, int start, int end) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(src, start, end - start))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
        return null;
      }
    }
    return text;
  }

  private static String hex(byte[] src, int start, int end) {
    StringBuilder out = new StringBuilder(2 + (end - start) * 2).append("0x");
    for (int i = start; i < end; i++) {
      out.append(Character.forDigit((src[i] >> 4) & 0xf, 16)).append(Character.forDigit(src[i] & 0xf, 16));
    }
    return out.toString();
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }
}
