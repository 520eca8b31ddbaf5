package dev.gatehouse.lens.support;

import dev.gatehouse.h2.event.Event;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.detect.FindingCode;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.observe.LensListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records every event and finding of every connection, thread-safe, and lets a test wait (bounded) until a number of
 * connections have closed.
 */
public final class Recorder implements LensListener {

  /** How long a test waits for connections to close before it fails. */
  private static final long WAIT_SECONDS = 30;

  /** One recorded item: an {@link Event} or a {@link Finding}, with its connection id. */
  public record Entry(long conn, Object item) {}

  private final List<Entry> entries = new ArrayList<>();
  private int closed;
  private int opened;

  @Override
  public synchronized void onOpen(LensConnection connection) {
    opened++;
  }

  /** Waits until every connection opened so far (at least one) has closed; fails the test after 30 s. */
  public synchronized void awaitAllClosed() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (opened == 0 || closed < opened) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(closed + " of " + opened + " connections closed through the lens within "
            + WAIT_SECONDS + " s; recorded:\n" + summary());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public synchronized void onEvent(LensConnection connection, Event event) {
    entries.add(new Entry(connection.id(), event));
    notifyAll();
  }

  @Override
  public synchronized void onFinding(LensConnection connection, Finding finding) {
    entries.add(new Entry(connection.id(), finding));
    notifyAll();
  }

  @Override
  public synchronized void onClosed(LensConnection connection) {
    closed++;
    notifyAll();
  }

  /** Waits until {@code count} connections have closed in total; fails the test after 30 s. */
  public synchronized void awaitClosed(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (closed < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("only " + closed + " of " + count + " connections closed through the lens within "
            + WAIT_SECONDS + " s; recorded:\n" + summary());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Waits until an event or finding matching {@code condition} was recorded; fails the test after 30 s. */
  public synchronized void awaitItem(String what, java.util.function.Predicate<Object> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (entries.stream().noneMatch(entry -> condition.test(entry.item()))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + what + " within " + WAIT_SECONDS + " s; recorded:\n" + summary());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  public synchronized int closedCount() {
    return closed;
  }

  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  public synchronized <T> List<T> events(Class<T> type) {
    List<T> found = new ArrayList<>();
    for (Entry entry : entries) {
      if (type.isInstance(entry.item())) {
        found.add(type.cast(entry.item()));
      }
    }
    return found;
  }

  public List<Finding> findings() {
    return events(Finding.class);
  }

  public List<Finding> findings(FindingCode code) {
    return findings().stream().filter(f -> f.code() == code).toList();
  }

  public synchronized void clear() {
    entries.clear();
  }

  /** A readable list of the findings and call ends, for assertion messages. */
  public synchronized String summary() {
    StringBuilder out = new StringBuilder();
    for (Entry entry : entries) {
      if (entry.item() instanceof Finding || entry.item() instanceof dev.gatehouse.h2.event.CallEndEvent) {
        out.append("  c").append(entry.conn()).append(' ').append(entry.item()).append('\n');
      }
    }
    return out.toString();
  }
}
