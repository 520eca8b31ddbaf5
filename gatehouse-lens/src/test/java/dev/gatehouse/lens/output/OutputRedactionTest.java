package dev.gatehouse.lens.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.lens.observe.LensListener;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import dev.gatehouse.lens.support.CollectingSink;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.lens.support.FakeClock;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The text and JSON Lines outputs hide credentials and cookies unless asked ({@code --show-secrets}); the golden files
 * pin the exact redacted lines.
 */
class OutputRedactionTest {

  private static final PayloadRenderer RENDERER = PayloadRenderer.create(null, 1 << 20);

  private static String play(BiFunction<CollectingSink, PayloadRenderer, LensListener> output) {
    CollectingSink sink = new CollectingSink();
    FakeClock clock = new FakeClock();
    Conversations.play(Conversations.observer(clock, List.of(output.apply(sink, RENDERER))), clock);
    return sink.text();
  }

  @Test
  void textHidesTheBearerTokenAndTheCookieByDefault() {
    String text = play(TextOutput::new);

    assertThat(text).doesNotContain(Conversations.SECRET)
        .contains("authorization: <redacted: 19 bytes, Bearer …>", "set-cookie: <redacted: 20 bytes>");
  }

  @Test
  void jsonLinesHidesThemInFramesAndInCallMetadataByDefault() {
    String jsonl = play(JsonlOutput::new);

    assertThat(jsonl).doesNotContain(Conversations.SECRET);
    assertThat(jsonl.lines().filter(line -> line.contains("[\"authorization\",\"<redacted: 19 bytes, Bearer …>\"]")))
        .hasSize(2); // the HEADERS frame and call_start
    assertThat(jsonl.lines().filter(line -> line.contains("[\"set-cookie\",\"<redacted: 20 bytes>\"]")))
        .hasSize(2); // the HEADERS frame and response_headers
  }

  @Test
  void showSecretsPrintsTheValuesAsSent() {
    String text = play((sink, renderer) -> new TextOutput(sink, renderer, Redaction.NONE));
    String jsonl = play((sink, renderer) -> new JsonlOutput(sink, renderer, Redaction.NONE));

    assertThat(text).contains("authorization: Bearer secret-token", "set-cookie: session=secret-token")
        .doesNotContain("redacted");
    assertThat(jsonl).contains("[\"authorization\",\"Bearer secret-token\"]").doesNotContain("redacted");
  }

  @Test
  void redactionLeavesSizesAndHpackAccountingAlone() {
    String hidden = play(TextOutput::new);
    String shown = play((sink, renderer) -> new TextOutput(sink, renderer, Redaction.NONE));

    assertThat(hidden.lines().filter(line -> line.contains("(header list ")))
        .containsExactlyElementsOf(shown.lines().filter(line -> line.contains("(header list ")).toList());
  }
}
