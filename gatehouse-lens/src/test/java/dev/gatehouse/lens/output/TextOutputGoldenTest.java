package dev.gatehouse.lens.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.lens.observe.ConnectionObserver;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.support.CollectingSink;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.lens.support.FakeClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the text and JSON Lines formats: a scripted connection (fixed bytes, fixed clock) must print exactly the
 * golden files. Run with {@code -Dgolden.update=true} to rewrite them after a deliberate format change, then review
 * the diff.
 */
class TextOutputGoldenTest {

  @Test
  void scriptedConnectionPrintsTheGoldenText() throws IOException {
    CollectingSink sink = new CollectingSink();
    FakeClock clock = new FakeClock();
    ConnectionObserver lens = Conversations.observer(clock,
        List.of(new TextOutput(sink, PayloadRenderer.create(Conversations.catalog(), 1 << 20))));
    Conversations.play(lens, clock);

    assertThat(sink.text()).isEqualTo(golden("golden/conversation.txt", sink.text()));
  }

  @Test
  void withoutDescriptorsMessagesPrintByFieldNumber() throws IOException {
    CollectingSink sink = new CollectingSink();
    FakeClock clock = new FakeClock();
    ConnectionObserver lens = Conversations.observer(clock,
        List.of(new TextOutput(sink, PayloadRenderer.create(null, 1 << 20))));
    Conversations.play(lens, clock);

    assertThat(sink.lines()).filteredOn(line -> line.contains(" message stream 1 "))
        .containsExactly(
            "[   0.000600] c1 C→S message stream 1 #0 /gatehouse.testing.v1.Library/GetShelf (11 bytes, "
                + "no descriptor set, decoded without a schema): {\"1\":\"shelves/1\"}",
            "[   0.000800] c1 S→C message stream 1 #0 /gatehouse.testing.v1.Library/GetShelf (20 bytes, "
                + "no descriptor set, decoded without a schema): {\"1\":\"shelves/1\",\"2\":\"theme-1\"}");
  }

  @Test
  void scriptedConnectionPrintsTheGoldenJsonLines() throws IOException {
    CollectingSink sink = new CollectingSink();
    FakeClock clock = new FakeClock();
    ConnectionObserver lens = Conversations.observer(clock,
        List.of(new JsonlOutput(sink, PayloadRenderer.create(Conversations.catalog(), 1 << 20))));
    Conversations.play(lens, clock);

    assertThat(sink.text()).isEqualTo(golden("golden/conversation.jsonl", sink.text()));
  }

  static String golden(String resource, String actual) throws IOException {
    Path file = Path.of("src/test/resources", resource);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
