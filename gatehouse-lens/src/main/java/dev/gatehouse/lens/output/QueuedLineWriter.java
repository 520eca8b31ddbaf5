package dev.gatehouse.lens.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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

  private static final long CLOSE_WAIT_MILLIS = 5_000;
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  /** {@link String}s and {@link Entry}s (deferred text with its weight), in write order. */
  private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedChars = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final long maxQueuedChars;
  private final Writer out;
  private final boolean closeOut;
  private final Thread thread;
  private volatile boolean closed;
  private volatile IOException failure;

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
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    this.closeOut = closeOut;
    this.maxQueuedChars = maxQueuedChars;
    this.thread = new Thread(this::drain, "gatehouse-lens-output");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void write(String text) {
    if (admit(text.length())) {
      queue.add(text);
    }
  }

  /** Queues {@code text} for the writer thread to format; see {@link LineSink#write(LineSink.Deferred, long)}. */
  @Override
  public void write(Deferred text, long weight) {
    if (admit(weight)) {
      queue.add(new Entry(text, weight));
    }
  }

  /** Counts {@code size} in, or counts a drop when closed, failed or full. */
  private boolean admit(long size) {
    if (closed || failure != null) {
      dropped.incrementAndGet();
      return false;
    }
    if (queuedChars.addAndGet(size) > maxQueuedChars) {
      queuedChars.addAndGet(-size);
      dropped.incrementAndGet();
      return false;
    }
    return true;
  }

  /** Queues {@code text} even when the queue is full: for the final report of what was dropped. */
  void writeAlways(String text) {
    queuedChars.addAndGet(text.length());
    queue.add(text);
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (closeOut) {
        out.close();
      } else {
        out.flush();
      }
    } catch (IOException e) {
      // The destination is gone; nothing is left to report it to.
    }
  }

  private void drain() {
    try {
      while (true) {
        boolean closing = closed; // read before draining: text queued before close() is written
        for (Object queued; (queued = queue.poll()) != null; ) {
          String text = text(queued);
          if (text != null) {
            out.write(text);
            out.write('\n');
          }
        }
        out.flush();
        if (closing) {
          return;
        }
        LockSupport.parkNanos(this, IDLE_NANOS);
      }
    } catch (IOException e) {
      failure = e; // e.g. a closed pipe: later lines count as dropped, forwarding goes on
    }
  }

  /** A queued entry's text (formatted now if deferred), or {@code null} for none; releases its weight. */
  private String text(Object queued) {
    if (queued instanceof String text) {
      queuedChars.addAndGet(-text.length());
      return text;
    }
    Entry entry = (Entry) queued;
    queuedChars.addAndGet(-entry.weight);
    try {
      return entry.text.format();
    } catch (RuntimeException e) {
      dropped.incrementAndGet(); // a formatting bug costs its line, never the writer thread
      return null;
    }
  }

  /** Deferred text and the weight it was admitted with. */
  private record Entry(Deferred text, long weight) {}
}
