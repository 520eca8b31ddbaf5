package dev.gatehouse.lens.binlog;

import dev.gatehouse.h2.connection.DecoderOptions;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.observe.LensListener;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import dev.gatehouse.lens.writer.WriterThread;
import io.grpc.binarylog.v1.GrpcLogEntry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lens's gRPC binary log ({@code --binlog FILE}): one {@code grpc.binarylog.v1.GrpcLogEntry} per gRPC event of
 * every call the lens sees (client header, messages, half-close, server header, trailer, cancel), written
 * length-delimited exactly as grpc-java's binary log sink writes them, so {@code GrpcLogEntry.parseDelimitedFrom}
 * and other binary log readers read the file. A listener like the text and JSON Lines outputs; it never blocks the
 * lens: entries are written by one writer thread and dropped (and counted) when the disk cannot keep up.
 *
 * <pre>{@code
 * BinaryLogOutput binlog = BinaryLogOutput.open(Path.of("calls.binlog"));
 * LensServer lens = LensServer.builder(config).listener(binlog).start();
 * ...
 * lens.close();
 * binlog.close();
 * }</pre>
 *
 * <p>The mapping of frames to entries, and how it differs from a log written by grpc-java itself, is documented in
 * {@code docs/lens-format.md}, "Binary log".
 */
public final class BinaryLogOutput implements LensListener, AutoCloseable {

  /** Entries waiting for the writer thread, at most (serialized bytes); beyond that entries are dropped. */
  static final long MAX_QUEUED_BYTES = 64L << 20;

  private final WriterThread<GrpcLogEntry, BufferedOutputStream> writer;
  private final PayloadRenderer inflater =
      PayloadRenderer.create(null, DecoderOptions.defaults().maxMessageBytes());
  private final Redaction redaction;
  private final AtomicLong callIds = new AtomicLong();
  private final Map<Long, ConnectionLog> connections = new ConcurrentHashMap<>();

  /**
   * A log written to {@code out}, secrets hidden by default ({@link Redaction#DEFAULT}).
   *
   * @param closeOut whether {@link #close()} closes {@code out}
   */
  public BinaryLogOutput(OutputStream out, boolean closeOut) {
    this(out, closeOut, Redaction.DEFAULT);
  }

  /**
   * A log written to {@code out}, the metadata values {@code redaction} names hidden.
   *
   * @param closeOut whether {@link #close()} closes {@code out}
   */
  public BinaryLogOutput(OutputStream out, boolean closeOut, Redaction redaction) {
    this.redaction = Objects.requireNonNull(redaction, "redaction");
    // Bounded by serialized size; a dropped entry shows as a gap in sequence_id_within_call. Each entry is written
    // with writeDelimitedTo (a varint length, then the entry), as grpc-java's binary log sink writes it.
    this.writer = new WriterThread<>("gatehouse-lens-binlog",
        new BufferedOutputStream(Objects.requireNonNull(out, "out"), 64 * 1024), closeOut, MAX_QUEUED_BYTES,
        GrpcLogEntry::getSerializedSize, GrpcLogEntry::writeDelimitedTo);
  }

  /**
   * A log written to {@code file}, created or truncated, secrets hidden by default.
   *
   * @throws UncheckedIOException when the file cannot be opened
   */
  public static BinaryLogOutput open(Path file) {
    return open(file, Redaction.DEFAULT);
  }

  /**
   * A log written to {@code file}, created or truncated, the metadata values {@code redaction} names hidden.
   *
   * @throws UncheckedIOException when the file cannot be opened
   */
  public static BinaryLogOutput open(Path file, Redaction redaction) {
    try {
      return new BinaryLogOutput(Files.newOutputStream(file), true, redaction);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the binary log to " + file, e);
    }
  }

  @Override
  public void onOpen(LensConnection connection) {
    connections.put(connection.id(), newLog(connection));
  }

  @Override
  public void onEvent(LensConnection connection, Event event) {
    connections.computeIfAbsent(connection.id(), id -> newLog(connection)).onEvent(event);
  }

  @Override
  public void onFinding(LensConnection connection, Finding finding) {}

  @Override
  public void onClosed(LensConnection connection) {
    ConnectionLog log = connections.remove(connection.id());
    if (log != null) {
      log.onClosed();
    }
  }

  /** Entries dropped so far because the writer could not keep up (or the file failed). */
  public long dropped() {
    return writer.dropped();
  }

  /** Writes the entries still queued and closes the file. */
  @Override
  public void close() {
    writer.close();
  }

  private ConnectionLog newLog(LensConnection connection) {
    return new ConnectionLog(connection, callIds::incrementAndGet, inflater, redaction, writer::offer);
  }
}
