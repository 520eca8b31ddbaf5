package dev.gatehouse.lens.support;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.observe.LensListener;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;

/** Keeps every byte a lens forwarded, per direction (all connections together). */
public final class ByteRecorder implements LensListener {

  private final ByteArrayOutputStream[] bytes = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};

  @Override
  public synchronized void onBytes(LensConnection connection, Direction sender, ByteBuf chunk, long timeNanos) {
    byte[] copy = new byte[chunk.readableBytes()];
    chunk.getBytes(chunk.readerIndex(), copy);
    bytes[sender.ordinal()].writeBytes(copy);
  }

  @Override
  public void onEvent(LensConnection connection, Event event) {}

  @Override
  public void onFinding(LensConnection connection, Finding finding) {}

  public synchronized byte[] bytes(Direction sender) {
    return bytes[sender.ordinal()].toByteArray();
  }
}
