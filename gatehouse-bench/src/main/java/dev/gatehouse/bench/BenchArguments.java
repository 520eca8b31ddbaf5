package dev.gatehouse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} arguments of the benchmark programs, and how they wait to be stopped. */
final class BenchArguments {
  private final Map<String, String> values;

  private BenchArguments(Map<String, String> values) {
    this.values = values;
  }

  static BenchArguments parse(String[] args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("arguments: " + String.join(" ", args) + " (expected: --name value pairs)");
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("argument " + (i + 1) + ": " + args[i] + " (expected: --name)");
      }
      values.put(args[i], args[i + 1]);
    }
    return new BenchArguments(values);
  }

  int intValue(String name, int defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: an integer)", e);
    }
  }

  int requiredInt(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException(name + ": missing (expected: an integer)");
    }
    return intValue(name, 0);
  }

  /**
   * Blocks until standard input ends: the script that started the program holds it open, so the program stops with
   * the script, even when the script is killed.
   */
  static void awaitEndOfInput() throws IOException {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    while (in.read(buffer) >= 0) {
      // Lines sent by the script carry no meaning; only the end does.
    }
  }
}
