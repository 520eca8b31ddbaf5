package dev.gatehouse.core.binding;

import dev.gatehouse.core.status.StatusException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code key=value} pairs of a raw query string, split on {@code &} and decoded the way HTML forms encode them:
 * {@code %XX} escapes are UTF-8 bytes and {@code +} is a space.
 */
final class QueryString {
  private QueryString() {}

  /**
   * One decoded pair, in the order the client sent it.
   *
   * @param key the decoded key, possibly with a {@code [mapKey]} suffix
   * @param value the decoded value; empty when the pair had no {@code =}
   */
  record Parameter(String key, String value) {}

  /**
   * Splits and decodes {@code rawQuery} (without the leading {@code ?}); empty pieces ({@code a=1&&b=2}) are skipped.
   *
   * @throws StatusException when an escape is malformed or the decoded bytes are not UTF-8
   */
  static List<Parameter> parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return List.of();
    }
    List<Parameter> parameters = new ArrayList<>();
    int start = 0;
    int length = rawQuery.length();
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int equals = rawQuery.indexOf('=', start);
        if (equals < 0 || equals > end) {
          parameters.add(new Parameter(decode(rawQuery, start, end), ""));
        } else {
          parameters.add(new Parameter(decode(rawQuery, start, equals), decode(rawQuery, equals + 1, end)));
        }
      }
      start = end + 1;
    }
    return parameters;
  }

  private static String decode(String raw, int start, int end) {
    boolean plain = true;
    for (int i = start; i < end && plain; i++) {
      char c = raw.charAt(i);
      plain = c != '%' && c != '+';
    }
    if (plain) {
      return raw.substring(start, end);
    }
    // Escapes are bytes of one UTF-8 sequence, so decode into bytes first and only then into characters.
    byte[] bytes = new byte[(end - start) * 3];
    int size = 0;
    for (int i = start; i < end; i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes[size++] = ' ';
      } else if (c == '%') {
        int high = i + 2 < end ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (low < 0 || !isAscii(raw.charAt(i + 1)) || !isAscii(raw.charAt(i + 2))) {
          throw StatusException.invalidArgument("invalid query string: malformed percent-encoding in \""
              + BindingErrors.excerpt(raw.substring(start, end)) + "\" (expected: % followed by two hex digits)");
        }
        bytes[size++] = (byte) ((high << 4) | low);
        i += 2;
      } else if (c < 0x80) {
        bytes[size++] = (byte) c;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < end) {
          utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, size))
          .toString();
    } catch (CharacterCodingException e) {
      String excerpt = BindingErrors.excerpt(raw.substring(start, end));
      throw StatusException.invalidArgument(
          "invalid query string: \"" + excerpt + "\" does not decode to UTF-8 (expected: percent-encoded UTF-8)");
    }
  }

  private static boolean isAscii(char c) {
    return c < 0x80;
  }
}
