package dev.gatehouse.lens.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A stuck destination costs output lines, never a blocked caller. */
class QueuedLineWriterTest {

  @Test
  void stuckOutputDropsAndCountsLinesInsteadOfBlocking() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStream stuck = new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        synchronized (written) {
          written.write(bytes, offset, length);
        }
      }
    };
    QueuedLineWriter writer = new QueuedLineWriter(stuck, false, 10_000);
    String line = "x".repeat(2_000);
    for (int i = 0; i < 100; i++) {
      writer.write(line); // returns at once although nothing can be written
    }

    assertThat(writer.dropped()).isGreaterThan(40);
    release.countDown();
    writer.close();
    long lines = written.toString(StandardCharsets.UTF_8).lines().count();
    assertThat(lines + writer.dropped()).isEqualTo(100);
  }

  @Test
  void deferredTextIsFormattedOnTheWriterThreadInWriteOrder() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueuedLineWriter writer = new QueuedLineWriter(out, false, 10_000);
    Thread caller = Thread.currentThread();
    writer.write("first");
    writer.write(() -> Thread.currentThread() == caller ? "on the caller" : "on the writer", 100);
    writer.write(() -> null, 100);
    writer.write(() -> {
      throw new IllegalStateException("a formatting bug");
    }, 100);
    writer.write("last");
    writer.close();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("first\non the writer\nlast\n");
    assertThat(writer.dropped()).isEqualTo(1);
  }

  @Test
  void deferredTextCountsItsWeightAgainstTheBound() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueuedLineWriter writer = new QueuedLineWriter(out, false, 10);
    writer.write(() -> "too heavy to queue", 11);
    writer.close();

    assertThat(out.size()).isZero();
    assertThat(writer.dropped()).isEqualTo(1);
  }

  @Test
  void textOutputReportsDroppedLinesWhenItCloses() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QueuedLineWriter writer = new QueuedLineWriter(out, false, 10);
    writer.write("a line longer than ten characters");
    new TextOutput(writer, dev.gatehouse.lens.render.PayloadRenderer.create(null, 1024)).close();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("lens: 1 output entries dropped because the output could not keep up\n");
  }
}
