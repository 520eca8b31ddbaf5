package dev.gatehouse.lens.support;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.observe.LensListener;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps every byte a lens forwarded, per connection (by id, in accept order) and direction. Connections of one test
 * may overlap at their edges (one closing while the next opens), so bytes are compared per connection.
 */
public final class ByteRecorder implements LensListener {

  private final Map<Long, ByteArrayOutputStream[]> bytes = new TreeMap<>();

  @Override
  public synchronized void onBytes(LensConnection connection, Direction sender, ByteBuf chunk, long timeNanos) {
    byte[] copy = new byte[chunk.readableBytes()];
    chunk.getBytes(chunk.readerIndex(), copy);
    bytes.computeIfAbsent(connection.id(), id -> new ByteArrayOutputStream[] {
      new ByteArrayOutputStream(), new ByteArrayOutputStream()
    })[sender.ordinal()].writeBytes(copy);
  }

  @Override
  public void onEvent(LensConnection connection, Event event) {}

  @Override
  public void onFinding(LensConnection connection, Finding finding) {}

  /** The connection ids seen, in order. */
  public synchronized java.util.List<Long> connections() {
    return java.util.List.copyOf(bytes.keySet());
  }

  /** What {@code sender} sent on connection {@code id}. */
  public synchronized byte[] bytes(long id, Direction sender) {
    ByteArrayOutputStream[] pair = bytes.get(id);
    return pair == null ? new byte[0] : pair[sender.ordinal()].toByteArray();
  }
}
