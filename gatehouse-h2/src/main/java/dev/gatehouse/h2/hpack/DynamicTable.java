package dev.gatehouse.h2.hpack;

import java.util.List;

/**
 * One direction's HPACK dynamic table (RFC 7541 §2.3.2, §4): a ring of entries, newest at index 62, evicting the
 * oldest when an insertion or a size update needs room. Evictions are reported to the caller's list.
 */
final class DynamicTable {

  private TableEntry[] ring = new TableEntry[16];
  /** Per slot, the last indexed field decoded from it; reused while the entry keeps the same index. */
  private HeaderField[] indexed = new HeaderField[16];
  private int head; // slot of the newest entry
  private int count;
  private long size;
  private long maxSize;
  /** Bumped by every change, so a decoder can tell that the table is as it was when it last saw a block. */
  private long version;

  DynamicTable(long maxSize) {
    this.maxSize = maxSize;
  }

  int count() {
    return count;
  }

  long size() {
    return size;
  }

  long version() {
    return version;
  }

  /** The entry at a 1-based dynamic index (1 = newest), or {@code null} when out of range. */
  TableEntry get(int dynamicIndex) {
    if (dynamicIndex < 1 || dynamicIndex > count) {
      return null;
    }
    return ring[slot(dynamicIndex)];
  }

  /** The field an indexed representation decodes to, or {@code null} when the index is out of range. */
  HeaderField indexedField(int dynamicIndex, int wireIndex) {
    if (dynamicIndex < 1 || dynamicIndex > count) {
      return null;
    }
    int slot = slot(dynamicIndex);
    HeaderField cached = indexed[slot];
    if (cached == null || cached.index() != wireIndex) {
      TableEntry entry = ring[slot];
      cached = new HeaderField(entry.name(), entry.value(), Representation.INDEXED, wireIndex, false, false);
      indexed[slot] = cached;
    }
    return cached;
  }

  /** The ring slot of a 1-based dynamic index; the ring's length is a power of two. */
  private int slot(int dynamicIndex) {
    return (head - dynamicIndex + 1) & (ring.length - 1);
  }

  void setMaxSize(long newMaxSize, List<TableEntry> evicted) {
    version++;
    maxSize = newMaxSize;
    evictUntil(maxSize, evicted);
  }

  void add(TableEntry entry, List<TableEntry> evicted) {
    version++;
    long entrySize = entry.size();
    if (entrySize > maxSize) {
      // RFC 7541 §4.4: an entry larger than the table empties it and is not added.
      evictUntil(0, evicted);
      return;
    }
    evictUntil(maxSize - entrySize, evicted);
    if (count == ring.length) {
      grow();
    }
    head = (head + 1) & (ring.length - 1);
    ring[head] = entry;
    indexed[head] = null;
    count++;
    size += entrySize;
  }

  private void evictUntil(long limit, List<TableEntry> evicted) {
    while (size > limit && count > 0) {
      int oldest = slot(count);
      TableEntry entry = ring[oldest];
      ring[oldest] = null;
      indexed[oldest] = null;
      count--;
      size -= entry.size();
      evicted.add(entry);
    }
  }

  private void grow() {
    TableEntry[] bigger = new TableEntry[ring.length * 2];
    for (int i = 0; i < count; i++) {
      bigger[count - 1 - i] = get(i + 1);
    }
    ring = bigger;
    indexed = new HeaderField[bigger.length];
    head = count - 1;
  }
}
