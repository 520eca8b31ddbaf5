package dev.gatehouse.lens.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bound counts what waits, not what was written; close writes the rest and leaves the destination as asked. */
class WriterThreadTest {

  @Test
  void itemsBeyondTheBoundAreDroppedAndCountedButAFinalReportAlwaysGetsIn() {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    ClosingProbe out = new ClosingProbe(written);
    WriterThread<String, ClosingProbe> writer = new WriterThread<>("test-writer", out, false, 5, String::length,
        (item, o) -> o.write((item + ";").getBytes(StandardCharsets.UTF_8)));

    boolean first = writer.offer("abc");
    boolean tooBig = writer.offer("defghi");
    writer.offerAlways("dropped:" + writer.dropped());
    writer.close();

    assertThat(first).isTrue();
    assertThat(tooBig).isFalse();
    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("abc;dropped:1;");
    assertThat(out.closed).isFalse();
    assertThat(writer.offer("x")).isFalse();
    assertThat(writer.dropped()).isEqualTo(2);
  }

  @Test
  void closeClosesTheDestinationWhenAskedTo() {
    ClosingProbe out = new ClosingProbe(new ByteArrayOutputStream());
    WriterThread<String, ClosingProbe> writer =
        new WriterThread<>("test-writer", out, true, 5, String::length, (item, o) -> o.write(item.length()));
    writer.close();
    writer.close();

    assertThat(out.closes).isEqualTo(1);
  }

  @Test
  void boundMustAdmitSomething() {
    assertThatThrownBy(() -> new WriterThread<String, ClosingProbe>("test-writer",
        new ClosingProbe(new ByteArrayOutputStream()), false, 0, String::length, (item, o) -> {}))
        .hasMessage("maxQueuedSize: 0 (expected: >= 1)");
  }

  /** Remembers whether it was closed. */
  private static final class ClosingProbe extends FilterOutputStream {
    volatile boolean closed;
    volatile int closes;

    ClosingProbe(ByteArrayOutputStream out) {
      super(out);
    }

    @Override
    public void close() {
      closed = true;
      closes++;
    }
  }
}
