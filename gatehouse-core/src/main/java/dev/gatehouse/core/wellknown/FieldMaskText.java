package dev.gatehouse.core.wellknown;

import com.google.protobuf.FieldMask;
import java.util.List;

/**
 * The JSON form of {@code google.protobuf.FieldMask}: one string of comma-separated lowerCamelCase paths
 * ({@code "displayName,author.givenName"}) for snake_case proto paths ({@code display_name}, {@code author.given_name}).
 * The conversions are the ones JsonFormat uses, so a mask reads and prints the same through both.
 */
public final class FieldMaskText {
  /** What a field mask must look like, for error messages. */
  public static final String EXPECTED = "a field mask like \"displayName,author.givenName\"";

  private FieldMaskText() {}

  /**
   * Parses the JSON form: splits on commas (dropping empty parts) and turns each camelCase path into snake_case.
   * Like JsonFormat it never fails: a path that is not camelCase is taken as it is, lowercased.
   */
  public static FieldMask parse(CharSequence text) {
    FieldMask.Builder mask = FieldMask.newBuilder();
    int length = text.length();
    int start = 0;
    while (start <= length) {
      int end = start;
      while (end < length && text.charAt(end) != ',') {
        end++;
      }
      if (end > start) {
        mask.addPaths(toSnakeCase(text, start, end));
      }
      start = end + 1;
    }
    return mask.build();
  }

  /** Formats paths as the JSON form: each non-empty snake_case path in lowerCamelCase, joined with commas. */
  public static String format(List<String> paths) {
    StringBuilder out = new StringBuilder();
    for (String path : paths) {
      if (path.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(',');
      }
      appendCamelCase(out, path);
    }
    return out.toString();
  }

  /** Formats a mask as its JSON form. */
  public static String format(FieldMask mask) {
    return format(mask.getPathsList());
  }

  private static String toSnakeCase(CharSequence text, int start, int end) {
    StringBuilder out = new StringBuilder(end - start + 4);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        out.append('_').append((char) (c + ('a' - 'A')));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Each '_'-separated word after the first is capitalised and the rest lowercased, as Guava's
   * {@code LOWER_UNDERSCORE.to(LOWER_CAMEL)}, which JsonFormat uses.
   */
  private static void appendCamelCase(StringBuilder out, String path) {
    boolean wordStart = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '_') {
        wordStart = true;
        continue;
      }
      if (wordStart && c >= 'a' && c <= 'z') {
        out.append((char) (c - ('a' - 'A')));
      } else if (!wordStart && c >= 'A' && c <= 'Z') {
        out.append((char) (c + ('a' - 'A')));
      } else {
        out.append(c);
      }
      wordStart = false;
    }
  }
}
