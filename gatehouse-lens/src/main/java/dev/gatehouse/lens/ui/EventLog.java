package dev.gatehouse.lens.ui;

import dev.gatehouse.lens.output.LineSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The last events the lens saw, as JSON Lines, numbered from 1 in arrival order. Bounded twice: by the number of
 * lines and by their total characters; when either limit is reached the oldest lines go, and readers that had not
 * read them yet are told how many they missed.
 *
 * <p>Thread-safe: the lens's event loops append while the web server's event loops read. Appending never waits for a
 * reader; it only wakes the readers up.
 */
final class EventLog implements LineSink {

  private final String[] lines;
  private final long maxChars;
  private final List<Runnable> wakeups = new CopyOnWriteArrayList<>();
  private long first = 1;
  private long next = 1;
  private long chars;
  private boolean closed;

  /** A log of at most {@code maxEvents} lines and {@code maxChars} characters. */
  EventLog(int maxEvents, long maxChars) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents: " + maxEvents + " (expected: >= 1)");
    }
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars: " + maxChars + " (expected: >= 1)");
    }
    this.lines = new String[maxEvents];
    this.maxChars = maxChars;
  }

  /** Lines read from {@code from} on: {@code missed} of the asked ones were dropped before the first returned. */
  record Batch(long first, List<String> lines, long missed) {
    /** The number of the line after the last one returned. */
    long next() {
      return first + lines.size();
    }
  }

  /** Appends one JSON line; a line too long for the whole log is left out (its number is used up all the same). */
  @Override
  public void write(String text) {
    Objects.requireNonNull(text, "text");
    synchronized (this) {
      if (closed) {
        return;
      }
      long seq = next++;
      if (text.length() > maxChars) {
        evictUntil(seq + 1);
      } else {
        while (next - first > lines.length || chars + text.length() > maxChars) {
          evictOne();
        }
        lines[slot(seq)] = text;
        chars += text.length();
      }
    }
    for (Runnable wakeup : wakeups) {
      wakeup.run();
    }
  }

  /** Up to {@code max} lines from number {@code from} on (from the oldest kept one when those are gone). */
  synchronized Batch read(long from, int max) {
    long start = Math.max(from, first);
    long end = Math.min(next, start + max);
    List<String> batch = new ArrayList<>((int) Math.max(0, end - start));
    for (long seq = start; seq < end; seq++) {
      batch.add(lines[slot(seq)]);
    }
    return new Batch(start, batch, start - Math.min(from, start));
  }

  /** The number the next line will get. */
  synchronized long next() {
    return next;
  }

  /** Lines dropped so far to stay within the limits. */
  synchronized long evicted() {
    return first - 1;
  }

  /** The most lines kept at once. */
  int capacity() {
    return lines.length;
  }

  /** Calls {@code wakeup} (on the appending thread; it must not block) after each append, until removed. */
  void subscribe(Runnable wakeup) {
    wakeups.add(Objects.requireNonNull(wakeup, "wakeup"));
  }

  void unsubscribe(Runnable wakeup) {
    wakeups.remove(wakeup);
  }

  /** Eviction is not loss the way a full output queue is: the lines were kept as long as the limits allowed. */
  @Override
  public long dropped() {
    return 0;
  }

  /** Ignores later lines; what is kept stays readable. */
  @Override
  public synchronized void close() {
    closed = true;
  }

  private void evictOne() {
    String gone = lines[slot(first)];
    if (gone != null) {
      chars -= gone.length();
      lines[slot(first)] = null;
    }
    first++;
  }

  private void evictUntil(long seq) {
    while (first < seq) {
      evictOne();
    }
  }

  private int slot(long seq) {
    return (int) (seq % lines.length);
  }
}
