package dev.gatehouse.core.route;

import dev.gatehouse.core.status.StatusException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as routing needs it: checking a raw request path, comparing a raw segment with a template
 * literal, and decoding a captured variable once.
 *
 * <p>Literals compare in a normal form: an escape of an unreserved character ({@code %6F}) stands for the character
 * itself, any other escape is kept with upper-case hex ({@code %2f} and {@code %2F} are the same octet, and a slash
 * written {@code %2F} is data, never a separator). The methods that scan a request path never allocate.
 */
final class PercentEncoding {
  private PercentEncoding() {}

  /** Where the path ends: at the first {@code ?}, so a query left on the path is never matched as path text. */
  static int pathEnd(String rawPath) {
    int query = rawPath.indexOf('?');
    return query < 0 ? rawPath.length() : query;
  }

  /**
   * Counts the segments of {@code rawPath[0, end)}, which starts with a slash: {@code /} has none, {@code /a/b} two.
   *
   * @return the count, or -1 when a segment is empty ({@code //}, or a trailing slash after a segment)
   * @throws StatusException INVALID_ARGUMENT naming the segment of a malformed escape ({@code %zz}, {@code %4})
   */
  static int countSegments(String rawPath, int end) {
    if (end == 1) {
      return 0;
    }
    int count = 1;
    int segmentStart = 1;
    for (int i = 1; i < end; i++) {
      char c = rawPath.charAt(i);
      if (c == '/') {
        if (i == segmentStart) {
          return -1;
        }
        count++;
        segmentStart = i + 1;
      } else if (c == '%') {
        if (i + 2 >= end || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
          throw malformedEscape(rawPath, end, segmentStart, i);
        }
        i += 2;
      }
    }
    return segmentStart == end ? -1 : count;
  }

  private static StatusException malformedEscape(String rawPath, int end, int segmentStart, int at) {
    int segmentEnd = rawPath.indexOf('/', at);
    if (segmentEnd < 0 || segmentEnd > end) {
      segmentEnd = end;
    }
    String escape = rawPath.substring(at, Math.min(at + 3, segmentEnd));
    return StatusException.invalidArgument("path segment \"" + rawPath.substring(segmentStart, segmentEnd)
        + "\": malformed percent-escape \"" + escape + "\" (expected \"%\" and two hex digits)");
  }

  /** The normal form of a template literal, whose escapes the parser has already checked. */
  static String normalize(String literal) {
    if (literal.indexOf('%') < 0) {
      return literal;
    }
    StringBuilder out = new StringBuilder(literal.length());
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      char high = literal.charAt(i + 1);
      char low = literal.charAt(i + 2);
      int octet = hexValue(high) << 4 | hexValue(low);
      if (isUnreserved(octet)) {
        out.append((char) octet);
      } else {
        out.append('%').append(upperHex(high)).append(upperHex(low));
      }
      i += 2;
    }
    return out.toString();
  }

  /** Whether the raw text {@code path[from, to)} has the normal form {@code normalized}; escapes are well formed. */
  static boolean equalsNormalized(String path, int from, int to, String normalized) {
    int j = 0;
    int length = normalized.length();
    for (int i = from; i < to; i++) {
      char c = path.charAt(i);
      if (c == '%') {
        char high = path.charAt(i + 1);
        char low = path.charAt(i + 2);
        int octet = hexValue(high) << 4 | hexValue(low);
        i += 2;
        if (isUnreserved(octet)) {
          if (j >= length || normalized.charAt(j) != octet) {
            return false;
          }
          j++;
        } else {
          if (j + 2 >= length || normalized.charAt(j) != '%' || normalized.charAt(j + 1) != upperHex(high)
              || normalized.charAt(j + 2) != upperHex(low)) {
            return false;
          }
          j += 3;
        }
      } else {
        if (j >= length || normalized.charAt(j) != c) {
          return false;
        }
        j++;
      }
    }
    return j == length;
  }

  /**
   * A hash of the normal form of {@code text[from, to)}: equal for a raw segment and the literal it equals, so a
   * table keyed by literals can be probed with a raw segment without building a string.
   */
  static int hashNormalized(String text, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < to) {
        char high = text.charAt(i + 1);
        char low = text.charAt(i + 2);
        int octet = hexValue(high) << 4 | hexValue(low);
        i += 2;
        if (isUnreserved(octet)) {
          hash = 31 * hash + octet;
        } else {
          hash = 31 * (31 * (31 * hash + '%') + upperHex(high)) + upperHex(low);
        }
      } else {
        hash = 31 * hash + c;
      }
    }
    return hash;
  }

  /**
   * Decodes a captured variable once. With {@code keepReserved} (a multi-segment variable), escapes of RFC 6570
   * reserved characters ({@code !#$&'()*+,/:;=?@[]}) stay as written, so a {@code %2F} inside a segment stays
   * distinguishable from a separating slash; every other escape is decoded. Octets are read as UTF-8; {@code +} is
   * not a space in a path.
   *
   * @param field the variable's field path, named in the error
   * @throws StatusException INVALID_ARGUMENT when the octets are not UTF-8 or an escape is malformed
   */
  static String decode(String raw, boolean keepReserved, String field) {
    int first = raw.indexOf('%');
    if (first < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    out.append(raw, 0, first);
    byte[] octets = new byte[raw.length() / 3];
    int pending = 0;
    CharsetDecoder utf8 = null;
    for (int i = first; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
          throw StatusException.invalidArgument("path variable \"" + field + "\": \"" + raw
              + "\" has a malformed percent-escape (expected \"%\" and two hex digits)");
        }
        int octet = hexValue(raw.charAt(i + 1)) << 4 | hexValue(raw.charAt(i + 2));
        if (keepReserved && isReserved(octet)) {
          utf8 = flush(octets, pending, out, utf8, raw, field);
          pending = 0;
          out.append(raw, i, i + 3);
        } else {
          octets[pending++] = (byte) octet;
        }
        i += 2;
      } else {
        utf8 = flush(octets, pending, out, utf8, raw, field);
        pending = 0;
        out.append(c);
      }
    }
    flush(octets, pending, out, utf8, raw, field);
    return out.toString();
  }

  private static CharsetDecoder flush(byte[] octets, int count, StringBuilder out, CharsetDecoder decoder,
      String raw, String field) {
    if (count == 0) {
      return decoder;
    }
    CharsetDecoder utf8 = decoder != null ? decoder : StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(octets, 0, count));
      out.append(chars);
    } catch (CharacterCodingException e) {
      throw StatusException.invalidArgument("path variable \"" + field + "\": \"" + raw
          + "\" does not decode to UTF-8 (expected percent-escapes of UTF-8 octets)");
    }
    return utf8;
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static int hexValue(char c) {
    if (c <= '9') {
      return c - '0';
    }
    return (c | 0x20) - 'a' + 10;
  }

  private static char upperHex(char c) {
    return c >= 'a' && c <= 'f' ? (char) (c - 'a' + 'A') : c;
  }

  /** RFC 3986 unreserved: ALPHA, DIGIT, {@code - . _ ~}. */
  static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  /** RFC 6570 reserved: gen-delims {@code :/?#[]@} and sub-delims {@code !$&'()*+,;=}. */
  static boolean isReserved(int c) {
    switch (c) {
      case ':': case '/': case '?': case '#': case '[': case ']': case '@':
      case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';': case '=':
        return true;
      default:
        return false;
    }
  }

  /** An RFC 3986 pchar other than a percent-escape: unreserved, sub-delims, {@code :} and {@code @}. */
  static boolean isPathChar(char c) {
    return isUnreserved(c) || c == ':' || c == '@' || c == '!' || c == '$' || c == '&' || c == '\''
        || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '=';
  }
}
