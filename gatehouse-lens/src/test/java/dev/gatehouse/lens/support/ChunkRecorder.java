package dev.gatehouse.lens.support;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.observe.LensListener;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/** Keeps each chunk the lens forwarded, in order, with its direction: a capture of the connections. */
public final class ChunkRecorder implements LensListener {

  /** One forwarded chunk. */
  public record Chunk(long conn, Direction sender, byte[] bytes) {}

  private final List<Chunk> chunks = new ArrayList<>();

  @Override
  public synchronized void onBytes(LensConnection connection, Direction sender, ByteBuf chunk, long timeNanos) {
    byte[] copy = new byte[chunk.readableBytes()];
    chunk.getBytes(chunk.readerIndex(), copy);
    chunks.add(new Chunk(connection.id(), sender, copy));
  }

  @Override
  public void onEvent(LensConnection connection, Event event) {}

  @Override
  public void onFinding(LensConnection connection, Finding finding) {}

  public synchronized List<Chunk> chunks() {
    return List.copyOf(chunks);
  }
}
