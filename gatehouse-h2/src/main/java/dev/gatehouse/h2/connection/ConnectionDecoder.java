package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.stream.StreamState;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * Decodes one HTTP/2 connection from a copy of both directions' bytes and reports {@link Event}s to a {@link
 * ConnectionListener}. Pure: no sockets, threads, clock or logging; the caller passes each chunk with its arrival
 * time. Not thread-safe: feed it from one thread (or one event loop) at a time.
 *
 * <p>Chunks may be split anywhere, as TCP delivers them. The decoder never throws on bad input (only a listener's
 * exception comes out) and its memory is bounded by {@link DecoderOptions}: at most one partial frame per
 * direction, one header block per direction, and each gRPC message's first {@code maxMessageBytes}.
 *
 * <pre>{@code
 * ConnectionDecoder decoder = new ConnectionDecoder(event -> System.out.println(event));
 * decoder.onBytes(Direction.CLIENT, clientChunk, System.nanoTime());
 * decoder.onBytes(Direction.SERVER, serverChunk, System.nanoTime());
 * decoder.onClose(Direction.SERVER, System.nanoTime());
 * }</pre>
 */
public final class ConnectionDecoder {

  private static final int SCRATCH_BYTES = 64 * 1024;

  private final ConnectionModel model;
  private final FrameReader[] readers;
  private final boolean[] closed = new boolean[2];
  private Direction firstCloser;
  private byte[] scratch;

  /** A decoder with {@link DecoderOptions#defaults()}. */
  public ConnectionDecoder(ConnectionListener listener) {
    this(listener, DecoderOptions.defaults());
  }

  /** A decoder with the given memory bounds. */
  public ConnectionDecoder(ConnectionListener listener, DecoderOptions options) {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(options, "options");
    this.model = new ConnectionModel(listener::onEvent, options);
    this.readers = new FrameReader[] {
      new FrameReader(Direction.CLIENT, model, options.maxFrameBytes()),
      new FrameReader(Direction.SERVER, model, options.maxFrameBytes())
    };
  }

  /**
   * Decodes the readable bytes of {@code chunk}. Neither the reader index nor the reference count changes: the
   * caller still owns the buffer (and can forward it afterwards).
   */
  public void onBytes(Direction sender, ByteBuf chunk, long timeNanos) {
    int length = chunk.readableBytes();
    if (length == 0) {
      return;
    }
    if (chunk.hasArray()) {
      onBytes(sender, chunk.array(), chunk.arrayOffset() + chunk.readerIndex(), length, timeNanos);
      return;
    }
    if (scratch == null) {
      scratch = new byte[SCRATCH_BYTES];
    }
    for (int done = 0; done < length; ) {
      int n = Math.min(scratch.length, length - done);
      chunk.getBytes(chunk.readerIndex() + done, scratch, 0, n);
      onBytes(sender, scratch, 0, n, timeNanos);
      done += n;
    }
  }

  /** Decodes {@code bytes[offset, offset + length)}; the array is not kept. */
  public void onBytes(Direction sender, byte[] bytes, int offset, int length, long timeNanos) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (model.ended()) {
      return;
    }
    readers[sender.ordinal()].feed(bytes, offset, length, timeNanos);
  }

  /** Decodes all of {@code bytes}. */
  public void onBytes(Direction sender, byte[] bytes, long timeNanos) {
    onBytes(sender, bytes, 0, bytes.length, timeNanos);
  }

  /**
   * {@code sender} closed its side (TCP FIN or reset). A frame it left incomplete is reported; when both sides
   * have closed, the connection ends as by {@link #onEnd} with the first closer named.
   */
  public void onClose(Direction sender, long timeNanos) {
    if (closed[sender.ordinal()]) {
      return;
    }
    closed[sender.ordinal()] = true;
    if (firstCloser == null) {
      firstCloser = sender;
    }
    readers[sender.ordinal()].close(timeNanos);
    if (closed[0] && closed[1]) {
      end(timeNanos);
    }
  }

  /**
   * Ends the connection (the proxy closed it, or the capture ended): calls still open end as CONNECTION_CLOSED,
   * cut-off messages and stalls are reported, then a {@link dev.gatehouse.h2.event.ConnectionEndEvent}. Later
   * bytes are ignored. Calling it again does nothing.
   */
  public void onEnd(long timeNanos) {
    for (Direction side : Direction.values()) {
      if (!closed[side.ordinal()]) {
        closed[side.ordinal()] = true;
        readers[side.ordinal()].close(timeNanos);
      }
    }
    end(timeNanos);
  }

  /** Frames decoded so far, both directions (the last frame's sequence number). */
  public long frameCount() {
    return model.frames();
  }

  /** The settings {@code sender} advertised, and those in force. */
  public PeerSettings settings(Direction sender) {
    return model.settings(sender);
  }

  /** A stream's state (client's point of view). */
  public StreamState streamState(int streamId) {
    return model.streams().state(streamId);
  }

  /** {@code dataSender}'s connection-level send window. */
  public long connectionWindow(Direction dataSender) {
    return model.windows().connectionWindow(dataSender);
  }

  /** {@code dataSender}'s send window on a live stream, or {@code null} when the stream is not live. */
  public Long streamWindow(Direction dataSender, int streamId) {
    return model.windows().streamWindow(dataSender, streamId);
  }

  private void end(long timeNanos) {
    model.end(firstCloser, timeNanos, readers[0].bytes(), readers[1].bytes());
  }
}
