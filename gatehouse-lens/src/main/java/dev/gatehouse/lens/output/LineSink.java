package dev.gatehouse.lens.output;

/**
 * Where an output's lines go. {@link #write} must not block: a sink that cannot keep up drops the line and counts it.
 * Thread-safe: connections on different event loops write at once; one call's text (which may span several lines)
 * stays together.
 */
public interface LineSink extends AutoCloseable {

  /** Queues {@code text} (one or more lines, without the final line break); drops it when the sink is full. */
  void write(String text);

  /**
   * Queues text to be formatted later, in order with everything else written: a sink with its own writer thread
   * ({@link QueuedLineWriter}) formats it there, so formatting costs the event loop nothing; this default formats it
   * at once. {@code weight} is what the entry may cost the queue, in characters (an estimate: its text is not known
   * yet). A format that returns {@code null} writes nothing.
   */
  default void write(Deferred text, long weight) {
    String formatted = text.format();
    if (formatted != null) {
      write(formatted);
    }
  }

  /** Text written so far that was dropped, in calls to {@link #write}. */
  long dropped();

  /** Writes what is queued (waiting a bounded time) and releases the destination. */
  @Override
  void close();

  /**
   * Text formatted when the sink gets to it, on one thread at a time, in the order written: what it reads must be
   * immutable or confined to that order (an output's per-connection call state).
   */
  @FunctionalInterface
  interface Deferred {

    /** The text (one or more lines, without the final line break), or {@code null} for none. */
    String format();
  }
}
