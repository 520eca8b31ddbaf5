package dev.gatehouse.h2.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden event sequences under {@code src/test/resources/golden}. With {@code -Dgolden.update=true} a missing or
 * different file is rewritten in the source tree (review the diff before keeping it).
 */
final class GoldenFiles {

  private GoldenFiles() {}

  static void assertMatches(String name, List<String> lines) throws IOException {
    String actual = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Path file = Path.of("src/test/resources/golden", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(actual).isEqualTo(expected);
    }
  }
}
