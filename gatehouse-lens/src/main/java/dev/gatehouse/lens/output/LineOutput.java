package dev.gatehouse.lens.output;

import dev.gatehouse.h2.event.Event;
import dev.gatehouse.lens.OutputFormat;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.observe.LensListener;
import dev.gatehouse.lens.render.CallTracker;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lens output that writes lines to a {@link LineSink}: the {@linkplain TextOutput text} or the
 * {@linkplain JsonlOutput JSON Lines} output. Both track each connection's calls the same way and format its events
 * when the sink gets to them (off the event loop with a {@link QueuedLineWriter}), feeding the calls in event order;
 * on close, they report what the sink dropped, then close it.
 */
public abstract sealed class LineOutput implements LensListener, AutoCloseable permits TextOutput, JsonlOutput {

  /** Output waiting for the writer thread, at most; beyond that, output entries are dropped and counted. */
  static final long MAX_QUEUED_CHARS = 32L << 20;

  final LineSink sink;
  final PayloadRenderer renderer;
  final Redaction redaction;
  private final Map<Long, CallTracker> calls = new ConcurrentHashMap<>();

  LineOutput(LineSink sink, PayloadRenderer renderer, Redaction redaction) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.redaction = Objects.requireNonNull(redaction, "redaction");
  }

  /**
   * The output in {@code format}, written to {@code out} by its own writer thread (a {@link QueuedLineWriter}), with
   * messages rendered by {@code renderer} and the header values {@code redaction} names hidden.
   *
   * @param closeOut whether {@link #close()} closes {@code out} (not for standard output or error)
   */
  public static LineOutput open(OutputFormat format, OutputStream out, boolean closeOut, PayloadRenderer renderer,
      Redaction redaction) {
    QueuedLineWriter sink = new QueuedLineWriter(out, closeOut, MAX_QUEUED_CHARS);
    return format == OutputFormat.JSONL ? new JsonlOutput(sink, renderer, redaction)
        : new TextOutput(sink, renderer, redaction);
  }

  @Override
  public void onOpen(LensConnection connection) {
    calls.put(connection.id(), new CallTracker());
    sink.write(opened(connection));
  }

  @Override
  public void onEvent(LensConnection connection, Event event) {
    CallTracker tracker = calls.computeIfAbsent(connection.id(), id -> new CallTracker());
    // Formatted when the sink gets to it (off the event loop with a QueuedLineWriter), the tracker fed in order.
    sink.write(() -> {
      String text = format(connection, event, tracker);
      tracker.onEvent(event);
      return text;
    }, EventWeight.of(event));
  }

  @Override
  public void onClosed(LensConnection connection) {
    calls.remove(connection.id());
  }

  /** Reports how many entries the sink dropped, if any, and closes the sink. */
  @Override
  public void close() {
    long dropped = sink.dropped();
    if (dropped > 0) {
      String note = dropped(dropped);
      if (sink instanceof QueuedLineWriter queued) {
        queued.writeAlways(note);
      } else {
        sink.write(note);
      }
    }
    sink.close();
  }

  /** The text for a connection that opened. */
  abstract String opened(LensConnection connection);

  /** The text for one event, or {@code null} for none; {@code calls} has seen the connection's earlier events. */
  abstract String format(LensConnection connection, Event event, CallTracker calls);

  /** The text reporting {@code count} entries the sink dropped. */
  abstract String dropped(long count);
}
