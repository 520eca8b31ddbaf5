package dev.gatehouse.lens.binlog;

import io.grpc.binarylog.v1.GrpcLogEntry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes entries length-delimited ({@code writeDelimitedTo}: a varint length, then the entry), as grpc-java's
 * binary log sink does, from one writer thread, so an event loop never waits for the disk. The queue is bounded by
 * the entries' serialized size; when it is full, new entries are dropped and counted (a reader sees the gap in
 * {@code sequence_id_within_call}).
 */
final class EntryWriter implements AutoCloseable {
  private static final long CLOSE_WAIT_MILLIS = 5_000;
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final ConcurrentLinkedQueue<GrpcLogEntry> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final long maxQueuedBytes;
  private final OutputStream out;
  private final boolean closeOut;
  private final Thread thread;
  private volatile boolean closed;
  private volatile IOException failure;

  EntryWriter(OutputStream out, boolean closeOut, long maxQueuedBytes) {
    if (maxQueuedBytes < 1) {
      throw new IllegalArgumentException("maxQueuedBytes: " + maxQueuedBytes + " (expected: >= 1)");
    }
    this.out = new BufferedOutputStream(out, 64 * 1024);
    this.closeOut = closeOut;
    this.maxQueuedBytes = maxQueuedBytes;
    this.thread = new Thread(this::drain, "gatehouse-lens-binlog");
    thread.setDaemon(true);
    thread.start();
  }

  void write(GrpcLogEntry entry) {
    if (closed || failure != null) {
      dropped.incrementAndGet();
      return;
    }
    long size = entry.getSerializedSize();
    if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
      queuedBytes.addAndGet(-size);
      dropped.incrementAndGet();
      return;
    }
    queue.add(entry);
  }

  long dropped() {
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
        boolean closing = closed; // read before draining: entries queued before close() are written
        for (GrpcLogEntry entry; (entry = queue.poll()) != null; ) {
          queuedBytes.addAndGet(-entry.getSerializedSize());
          entry.writeDelimitedTo(out);
        }
        out.flush();
        if (closing) {
          return;
        }
        LockSupport.parkNanos(this, IDLE_NANOS);
      }
    } catch (IOException e) {
      failure = e; // e.g. a full disk: later entries count as dropped, the lens goes on
    }
  }
}
