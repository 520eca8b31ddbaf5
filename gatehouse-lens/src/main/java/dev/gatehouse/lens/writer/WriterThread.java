package dev.gatehouse.lens.writer;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

/**
 * Hands items to one writer thread through a queue bounded by the items' size (characters, serialized bytes: what
 * {@code size} says), so an event loop pays for a lock-free enqueue and never waits for the destination. When the
 * queue is full, or the destination has failed or is closed, new items are dropped and counted.
 *
 * <p>Callers never wake the writer thread: it drains the queue, flushes, and sleeps 5 ms, so items reach the
 * destination within a few milliseconds. {@link #close()} wakes it, lets it write what was queued before (waiting a
 * bounded time), then flushes or closes the destination. Items are written in queue order on the writer thread only.
 *
 * @param <T> the items queued
 * @param <D> the destination they are written to
 */
public final class WriterThread<T, D extends Flushable & Closeable> implements AutoCloseable {

  private static final long CLOSE_WAIT_MILLIS = 5_000;
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedSize = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final long maxQueuedSize;
  private final ToLongFunction<? super T> size;
  private final D out;
  private final ItemWriter<? super T, ? super D> writer;
  private final boolean closeOut;
  private final Thread thread;
  private volatile boolean closed;
  private volatile IOException failure;

  /**
   * Starts the writer thread (a daemon).
   *
   * @param threadName the writer thread's name
   * @param out where items are written, on the writer thread
   * @param closeOut whether {@link #close()} closes {@code out} (not for {@code System.out}) or only flushes it
   * @param maxQueuedSize the most that may wait at once, in {@code size}'s unit
   * @param size what an item costs the queue; must give the same for an item each time
   * @param writer writes one item to {@code out}
   */
  public WriterThread(String threadName, D out, boolean closeOut, long maxQueuedSize, ToLongFunction<? super T> size,
      ItemWriter<? super T, ? super D> writer) {
    if (maxQueuedSize < 1) {
      throw new IllegalArgumentException("maxQueuedSize: " + maxQueuedSize + " (expected: >= 1)");
    }
    this.out = Objects.requireNonNull(out, "out");
    this.closeOut = closeOut;
    this.maxQueuedSize = maxQueuedSize;
    this.size = Objects.requireNonNull(size, "size");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.thread = new Thread(this::drain, Objects.requireNonNull(threadName, "threadName"));
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues {@code item}, or counts it dropped when closed, failed or full; {@code true} when queued. Never blocks. */
  public boolean offer(T item) {
    if (closed || failure != null) {
      dropped.incrementAndGet();
      return false;
    }
    long itemSize = size.applyAsLong(item);
    if (queuedSize.addAndGet(itemSize) > maxQueuedSize) {
      queuedSize.addAndGet(-itemSize);
      dropped.incrementAndGet();
      return false;
    }
    queue.add(item);
    return true;
  }

  /** Queues {@code item} even when the queue is full: for a final report of what was dropped, just before close. */
  public void offerAlways(T item) {
    queuedSize.addAndGet(size.applyAsLong(item));
    queue.add(item);
  }

  /** Items dropped so far by {@link #offer}. */
  public long dropped() {
    return dropped.get();
  }

  /** Writes what is queued (waiting a bounded time), then closes or flushes the destination. Idempotent. */
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
        boolean closing = closed; // read before draining: items queued before close() are written
        for (T item; (item = queue.poll()) != null; ) {
          queuedSize.addAndGet(-size.applyAsLong(item));
          writer.write(item, out);
        }
        out.flush();
        if (closing) {
          return;
        }
        LockSupport.parkNanos(this, IDLE_NANOS);
      }
    } catch (IOException e) {
      failure = e; // e.g. a full disk or a closed pipe: later items count as dropped, the lens goes on
    }
  }

  /**
   * Writes one item to the destination, on the writer thread.
   *
   * @param <T> the items
   * @param <D> the destination
   */
  @FunctionalInterface
  public interface ItemWriter<T, D> {

    /** Writes {@code item} to {@code out}; an {@link IOException} stops the writer (later items are dropped). */
    void write(T item, D out) throws IOException;
  }
}
