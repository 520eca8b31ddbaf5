package dev.gatehouse.lens.proxy;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.lens.observe.ConnectionObserver;
import dev.gatehouse.lens.observe.LensClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client connection and its upstream connection, both on the same event loop, so everything here runs on one
 * thread and needs no locks.
 *
 * <p>Buffer ownership: a chunk read from one side is handed to {@code writeAndFlush} on the other side, which releases
 * it once written; a retained duplicate (same memory, no copy) is shown to the observer right after the write was
 * issued and released here when the observer returns. If the other side is gone, the chunk is observed and released
 * here. At most one chunk per direction is in flight, because the next
 * read is requested only when the write of the previous chunk succeeded: a slow receiver slows the sender through
 * TCP, and the lens never buffers more than a chunk per direction.
 */
final class ProxiedConnection {

  private static final long TICK_SECONDS = 1;

  private final ConnectionObserver observer;
  private final LensClock clock;
  private final Channel client;
  private Channel upstream;
  private final boolean[] inputShut = new boolean[2];
  private final boolean[] inactive = new boolean[2];
  private ScheduledFuture<?> tick;
  private boolean ended;

  ProxiedConnection(ConnectionObserver observer, LensClock clock, Channel client) {
    this.observer = observer;
    this.clock = clock;
    this.client = client;
  }

  ConnectionObserver observer() {
    return observer;
  }

  LensClock clock() {
    return clock;
  }

  /** The upstream connection is up: start reading both sides and the detectors' timer. */
  void upstreamConnected(Channel channel) {
    upstream = channel;
    tick = client.eventLoop().scheduleAtFixedRate(() -> observer.onTick(clock.nanoTime()), TICK_SECONDS,
        TICK_SECONDS, TimeUnit.SECONDS);
    client.read();
    upstream.read();
  }

  /** The upstream connection could not be made; the client is closed. */
  void upstreamFailed() {
    inactive[Direction.SERVER.ordinal()] = true;
    client.close();
  }

  /**
   * A chunk from {@code sender}: forward it, then observe it, and read the next one once it is written. The write
   * goes first so decoding and output formatting add nothing to the forwarding latency: a retained duplicate keeps
   * the bytes readable for the observer after the write has released the chunk.
   */
  void onRead(Direction sender, ByteBuf chunk) {
    long timeNanos = clock.nanoTime();
    Channel from = channel(sender);
    Channel to = channel(sender.peer());
    if (to == null || !to.isActive()) {
      try {
        observer.onBytes(sender, chunk, timeNanos);
      } finally {
        chunk.release();
      }
      return;
    }
    ByteBuf observed = chunk.retainedDuplicate();
    to.writeAndFlush(chunk).addListener((ChannelFutureListener) written -> {
      if (written.isSuccess()) {
        from.read();
      } else {
        written.channel().close();
        from.close();
      }
    });
    try {
      observer.onBytes(sender, observed, timeNanos);
    } finally {
      observed.release();
    }
  }

  /** {@code sender} shut its output down (half-close): pass the FIN on once everything before it is written. */
  void onInputShutdown(Direction sender) {
    observer.onClose(sender, clock.nanoTime());
    inputShut[sender.ordinal()] = true;
    Channel to = channel(sender.peer());
    if (inputShut[0] && inputShut[1]) {
      closeAfterFlush(client);
      closeAfterFlush(upstream);
      return;
    }
    if (to != null && to.isActive()) {
      to.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) flushed -> {
        if (to instanceof DuplexChannel duplex && to.isActive()) {
          duplex.shutdownOutput();
        }
      });
    }
  }

  /** A side's channel closed: close the other once its pending writes are out; end when both are closed. */
  void onInactive(Direction side) {
    observer.onClose(side, clock.nanoTime());
    inactive[side.ordinal()] = true;
    closeAfterFlush(channel(side.peer()));
    if (inactive[0] && inactive[1]) {
      end();
    }
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    if (tick != null) {
      tick.cancel(false);
    }
    observer.onEnd(clock.nanoTime());
  }

  private Channel channel(Direction side) {
    return side == Direction.CLIENT ? client : upstream;
  }

  private static void closeAfterFlush(Channel channel) {
    if (channel != null && channel.isActive()) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
