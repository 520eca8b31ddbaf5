package dev.gatehouse.core.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The string escaping JsonFormat's printer uses (Gson's HTML-safe escaping): the usual short escapes, other control
 * characters as a backslash-u escape with lowercase hex, {@code < > & = '} and U+2028/U+2029 as backslash-u escapes
 * too, everything else as it is. Jackson's own escaping differs (uppercase hex, no HTML escapes), so outputs would not compare byte for
 * byte without this.
 */
final class JsonFormatEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;
  private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
  private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

  private final int[] asciiEscapes = new int[128];
  private final SerializedString[] custom = new SerializedString[128];

  JsonFormatEscapes() {
    for (int c = 0; c < 0x20; c++) {
      escapeAsUnicode(c);
    }
    asciiEscapes['"'] = '"';
    asciiEscapes['\\'] = '\\';
    asciiEscapes['\b'] = 'b';
    asciiEscapes['\t'] = 't';
    asciiEscapes['\n'] = 'n';
    asciiEscapes['\f'] = 'f';
    asciiEscapes['\r'] = 'r';
    for (char c : "<>&='".toCharArray()) {
      escapeAsUnicode(c);
    }
  }

  private void escapeAsUnicode(int c) {
    asciiEscapes[c] = ESCAPE_CUSTOM;
    custom[c] = new SerializedString(String.format("\\u%04x", c));
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return asciiEscapes;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    if (ch < 128) {
      return custom[ch];
    }
    if (ch == 0x2028) {
      return LINE_SEPARATOR;
    }
    if (ch == 0x2029) {
      return PARAGRAPH_SEPARATOR;
    }
    return null;
  }
}
