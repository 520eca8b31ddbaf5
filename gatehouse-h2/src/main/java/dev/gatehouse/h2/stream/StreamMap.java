package dev.gatehouse.h2.stream;

import io.netty.util.collection.IntObjectHashMap;
import java.util.Arrays;
import java.util.Collection;

/**
 * Per-stream values of one connection (stream states, windows, calls), keyed by stream id. Every frame looks its
 * stream up in each layer, so the ids stay unboxed ({@link IntObjectHashMap}) and the last stream found is kept
 * aside: frames of one stream tend to come together. Not thread-safe, like the decoder.
 *
 * @param <V> the per-stream value
 */
public final class StreamMap<V> {

  private final IntObjectHashMap<V> values = new IntObjectHashMap<>();
  private int recentId = -1;
  private V recent;

  /** The value of the stream, or {@code null}. */
  public V get(int streamId) {
    if (streamId == recentId) {
      return recent;
    }
    V value = values.get(streamId);
    if (value != null) {
      recentId = streamId;
      recent = value;
    }
    return value;
  }

  /** Whether the stream has a value. */
  public boolean containsKey(int streamId) {
    return get(streamId) != null;
  }

  /** Sets the stream's value ({@code value} not {@code null}). */
  public void put(int streamId, V value) {
    values.put(streamId, value);
    recentId = streamId;
    recent = value;
  }

  /** Removes the stream's value. */
  public void remove(int streamId) {
    values.remove(streamId);
    if (streamId == recentId) {
      recentId = -1;
      recent = null;
    }
  }

  /** The number of streams with a value. */
  public int size() {
    return values.size();
  }

  /** The values, in no particular order; a live view. */
  public Collection<V> values() {
    return values.values();
  }

  /** The ids of the streams with a value, ascending: for events that must come in a stable order. */
  public int[] ids() {
    int[] ids = new int[values.size()];
    int i = 0;
    for (IntObjectHashMap.PrimitiveEntry<V> entry : values.entries()) {
      ids[i++] = entry.key();
    }
    Arrays.sort(ids);
    return ids;
  }
}
