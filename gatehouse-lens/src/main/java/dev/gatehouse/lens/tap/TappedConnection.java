package dev.gatehouse.lens.tap;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.lens.observe.ConnectionObserver;
import dev.gatehouse.lens.observe.LensClock;
import io.netty.buffer.ByteBuf;

/**
 * One connection observed through a {@link LensTap}: the carrier of the bytes reports them here, in the order they
 * crossed the wire, and the lens decodes them on the caller's thread. Like the proxy's connections it never throws:
 * a failing decoder or output becomes a finding. Not thread-safe: one connection, one thread (its event loop).
 */
public final class TappedConnection {
  private final ConnectionObserver observer;
  private final LensClock clock;

  TappedConnection(ConnectionObserver observer, LensClock clock) {
    this.observer = observer;
    this.clock = clock;
  }

  /** The connection's id in the outputs ({@code conn}). */
  public long id() {
    return observer.connection().id();
  }

  /** A chunk {@code sender} sent; read without moving its indices or changing its reference count. */
  public void onBytes(Direction sender, ByteBuf chunk) {
    observer.onBytes(sender, chunk, clock.nanoTime());
  }

  /** {@code sender} closed its side. */
  public void onClose(Direction sender) {
    observer.onClose(sender, clock.nanoTime());
  }

  /** Runs the detectors' timers; call it about once a second. */
  public void onTick() {
    observer.onTick(clock.nanoTime());
  }

  /** The connection is gone: open calls end as interrupted, and the outputs are told. */
  public void onEnd() {
    observer.onEnd(clock.nanoTime());
  }
}
