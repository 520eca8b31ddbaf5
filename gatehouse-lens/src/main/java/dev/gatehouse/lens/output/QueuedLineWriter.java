package dev.gatehouse.lens.output;

import dev.gatehouse.lens.writer.WriterThread;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link LineSink} that hands lines to a writer thread through a queue bounded by characters, so an event loop
 * never waits for a terminal, a pipe or a disk. When the queue holds {@code maxQueuedChars}, new text is dropped and
 * counted; the output reports the count when it closes.
 *
 * <p>{@linkplain #write(LineSink.Deferred, long) Deferred} text is formatted on the writer thread, in queue order, so
 * an output's formatting (JSON, message rendering, times) runs off the event loop; it counts against the bound with
 * its estimated weight. A format that throws loses its entry (counted as dropped), not the writer.
 *
 * <p>Writers never wake the writer thread: it drains the queue, flushes, and sleeps 5 ms, so an event loop pays for
 * a lock-free enqueue and nothing else, and lines appear within a few milliseconds.
 */
public final class QueuedLineWriter implements LineSink {

  /** {@link String}s and {@link Entry}s (deferred text with its weight), in write order. */
  private final WriterThread<Object, Writer> writer;
  private final AtomicLong formatFailures = new AtomicLong();

  /**
   * A writer to {@code out} (UTF-8).
   *
   * @param closeOut whether {@link #close()} closes {@code out} (not for {@code System.out})
   * @param maxQueuedChars the most characters waiting at once
   */
  public QueuedLineWriter(OutputStream out, boolean closeOut, long maxQueuedChars) {
    if (maxQueuedChars < 1) {
      throw new IllegalArgumentException("maxQueuedChars: " + maxQueuedChars + " (expected: >= 1)");
    }
    this.writer = new WriterThread<>("gatehouse-lens-output",
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), closeOut, maxQueuedChars,
        QueuedLineWriter::weight, this::writeLine);
  }

  @Override
  public void write(String text) {
    writer.offer(text);
  }

  /** Queues {@code text} for the writer thread to format; see {@link LineSink#write(LineSink.Deferred, long)}. */
  @Override
  public void write(Deferred text, long weight) {
    writer.offer(new Entry(text, weight));
  }

  /** Queues {@code text} even when the queue is full: for the final report of what was dropped. */
  void writeAlways(String text) {
    writer.offerAlways(text);
  }

  @Override
  public long dropped() {
    return writer.dropped() + formatFailures.get();
  }

  @Override
  public void close() {
    writer.close();
  }

  /** What a queued entry costs the queue: a string's length, deferred text's weight. */
  private static long weight(Object queued) {
    return queued instanceof String text ? text.length() : ((Entry) queued).weight;
  }

  /** Writes a queued entry's text (formatted now if deferred) as a line; nothing for none. Writer thread only. */
  private void writeLine(Object queued, Writer out) throws IOException {
    String text = text(queued);
    if (text != null) {
      out.write(text);
      out.write('\n');
    }
  }

  private String text(Object queued) {
    if (queued instanceof String text) {
      return text;
    }
    try {
      return ((Entry) queued).text.format();
    } catch (RuntimeException e) {
      formatFailures.incrementAndGet(); // a formatting bug costs its line, never the writer thread
      return null;
    }
  }

  /** Deferred text and the weight it was admitted with. */
  private record Entry(Deferred text, long weight) {}
}
