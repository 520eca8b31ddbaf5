package dev.gatehouse.lens.support;

import dev.gatehouse.lens.output.LineSink;
import java.util.ArrayList;
import java.util.List;

/** A line sink that keeps everything, for golden tests. */
public final class CollectingSink implements LineSink {

  private final List<String> texts = new ArrayList<>();

  @Override
  public synchronized void write(String text) {
    texts.add(text);
  }

  @Override
  public long dropped() {
    return 0;
  }

  @Override
  public void close() {}

  public synchronized String text() {
    return String.join("\n", texts) + "\n";
  }

  public synchronized List<String> lines() {
    return List.of(text().split("\n"));
  }
}
