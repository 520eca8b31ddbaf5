package dev.gatehouse.core.wellknown;

import java.util.Arrays;
import java.util.Base64;

/**
 * The JSON form of {@code bytes}: base64 in either the standard or the URL-safe alphabet, padding optional, on input;
 * standard alphabet with padding on output, as JsonFormat prints.
 */
public final class Base64Text {
  /** What bytes must look like, for error messages. */
  public static final String EXPECTED = "base64 (standard or URL-safe alphabet, padding optional)";

  private static final byte STANDARD = 1;
  private static final byte URL_SAFE = 2;
  private static final byte BOTH = STANDARD | URL_SAFE;
  private static final byte[] VALUES = new byte[128];
  private static final byte[] ALPHABETS = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String common = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < common.length(); i++) {
      VALUES[common.charAt(i)] = (byte) i;
      ALPHABETS[common.charAt(i)] = BOTH;
    }
    VALUES['+'] = 62;
    ALPHABETS['+'] = STANDARD;
    VALUES['/'] = 63;
    ALPHABETS['/'] = STANDARD;
    VALUES['-'] = 62;
    ALPHABETS['-'] = URL_SAFE;
    VALUES['_'] = 63;
    ALPHABETS['_'] = URL_SAFE;
  }

  private Base64Text() {}

  /**
   * Decodes base64 text.
   *
   * @throws IllegalArgumentException when the text is not base64 in one of the two alphabets
   */
  public static byte[] decode(CharSequence text) {
    return decode(text, 0, text.length());
  }

  /** Decodes {@code text[start, end)}. */
  public static byte[] decode(CharSequence text, int start, int end) {
    int significant = end;
    // Padding is optional, but when present it is one or two '=' that complete a group of four.
    while (significant > start && text.charAt(significant - 1) == '=') {
      significant--;
    }
    int padding = end - significant;
    int count = significant - start;
    if (padding > 2 || count % 4 == 1 || (padding > 0 && (count + padding) % 4 != 0)) {
      throw malformed();
    }
    byte[] out = new byte[count / 4 * 3 + Math.max(0, count % 4 - 1)];
    int alphabets = BOTH;
    int buffer = 0;
    int bits = 0;
    int written = 0;
    for (int i = start; i < significant; i++) {
      char c = text.charAt(i);
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) {
        throw malformed();
      }
      alphabets &= ALPHABETS[c];
      buffer = (buffer << 6) | value;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[written++] = (byte) (buffer >> bits);
      }
    }
    if (alphabets == 0) {
      throw new IllegalArgumentException("expected " + EXPECTED + " (it mixes the two alphabets)");
    }
    return out;
  }

  /** Encodes bytes as standard base64 with padding. */
  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static IllegalArgumentException malformed() {
    return new IllegalArgumentException("expected " + EXPECTED);
  }
}
