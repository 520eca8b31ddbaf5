package dev.gatehouse.core.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The template grammar, driven by {@code route/templates.txt}. */
class PathTemplateGrammarTest {

  static List<Arguments> validTemplates() throws IOException {
    return cases(false);
  }

  static List<Arguments> invalidTemplates() throws IOException {
    return cases(true);
  }

  private static List<Arguments> cases(boolean invalid) throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (InputStream in = PathTemplateGrammarTest.class.getResourceAsStream("/route/templates.txt");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 4) {
          throw new IllegalStateException("templates.txt: \"" + line + "\" (expected: 4 tab-separated columns)");
        }
        String template = columns[0].equals("<empty>") ? "" : columns[0];
        if (columns[1].equals("error") == invalid) {
          cases.add(Arguments.of(template, columns[1], columns[2], columns[3]));
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("validTemplates")
  void validTemplateParsesToItsShape(String template, String segments, String variables, String verb) {
    PathTemplate parsed = PathTemplate.parse(template);

    assertThat(render(parsed.segments().stream().map(PathTemplate.Segment::toString).collect(Collectors.toList())))
        .as("segments").isEqualTo(segments);
    assertThat(render(parsed.variables().stream()
        .map(v -> v.fieldPath() + "[" + v.start() + "," + v.end() + ")" + (v.multiSegment() ? "multi" : ""))
        .collect(Collectors.toList())))
        .as("variables").isEqualTo(variables);
    assertThat(parsed.verb().orElse("-")).as("verb").isEqualTo(verb);
    assertThat(parsed).hasToString(template);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @MethodSource("invalidTemplates")
  void invalidTemplateIsRejectedAtItsPosition(String template, String error, String position, String expected) {
    assertThatThrownBy(() -> PathTemplate.parse(template))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid path template \"" + template + "\": position " + position + ": expected ")
        .hasMessageContaining(expected);
  }

  @Test
  void dataFileHoldsAtLeastFortyCases() throws IOException {
    assertThat(validTemplates()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(validTemplates().size() + invalidTemplates().size()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void unterminatedVariableMessageIsExactlyAsDocumented() {
    assertThatThrownBy(() -> PathTemplate.parse("/v1/{name"))
        .hasMessage("invalid path template \"/v1/{name\": position 9: expected \"}\"");
  }

  @Test
  void shapeForgetsVariableNamesAndNormalisesLiterals() {
    assertThat(PathTemplate.parse("/v1/{name=shelves/*}/f%6f%2f:move").shape()).isEqualTo("/v1/shelves/*/fo%2F:move");
    assertThat(PathTemplate.parse("/v1/{a}").shape()).isEqualTo(PathTemplate.parse("/v1/*").shape());
    assertThat(PathTemplate.parse("/").shape()).isEqualTo("/");
  }

  private static String render(List<String> items) {
    return items.isEmpty() ? "-" : String.join(" ", items);
  }
}
