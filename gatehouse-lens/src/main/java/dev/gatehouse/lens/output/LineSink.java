package dev.gatehouse.lens.output;

/**
 * Where an output's lines go. {@link #write} must not block: a sink that cannot keep up drops the line and counts it.
 * Thread-safe: connections on different event loops write at once; one call's text (which may span several lines)
 * stays together.
 */
public interface LineSink extends AutoCloseable {

  /** Queues {@code text} (one or more lines, without the final line break); drops it when the sink is full. */
  void write(String text);

  /** Text written so far that was dropped, in calls to {@link #write}. */
  long dropped();

  /** Writes what is queued (waiting a bounded time) and releases the destination. */
  @Override
  void close();
}
