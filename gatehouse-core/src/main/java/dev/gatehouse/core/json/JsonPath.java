package dev.gatehouse.core.json;

import java.util.Arrays;

/**
 * Where the reader is in the JSON document ({@code book.tags[2]}, {@code labels[env]}), kept as a cheap stack and
 * rendered only when an error names it.
 */
final class JsonPath {
  private static final int FIELD = -1;
  private static final int KEY = -2;

  private String[] names = new String[8];
  private int[] indexes = new int[8];
  private int size;

  void pushField(String name) {
    push(name, FIELD);
  }

  void pushKey(String key) {
    push(key, KEY);
  }

  void pushIndex(int index) {
    push(null, index);
  }

  void pop() {
    size--;
  }

  private void push(String name, int index) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      indexes = Arrays.copyOf(indexes, size * 2);
    }
    names[size] = name;
    indexes[size] = index;
    size++;
  }

  /** The path with {@code prefix} first, as it appears in error messages: {@code "book.pageCount"}. */
  String render() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < size; i++) {
      if (indexes[i] == FIELD) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(names[i]);
      } else if (indexes[i] == KEY) {
        out.append('[').append(names[i]).append(']');
      } else {
        out.append('[').append(indexes[i]).append(']');
      }
    }
    return out.toString();
  }

  /** {@code at "book.pageCount"}, or {@code at the top level} for the document itself. */
  String describe() {
    return size == 0 ? "at the top level" : "at \"" + render() + "\"";
  }
}
