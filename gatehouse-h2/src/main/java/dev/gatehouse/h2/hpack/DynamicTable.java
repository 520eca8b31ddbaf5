package dev.gatehouse.h2.hpack;

import java.util.List;

/**
 * One direction's HPACK dynamic table (RFC 7541 §2.3.2, §4): a ring of entries, newest at index 62, evicting the
 * oldest when an insertion or a size update needs room. Evictions are reported to the caller's list.
 */
final class DynamicTable {

  private TableEntry[] ring = new TableEntry[16];
  private int head; // slot of the newest entry
  private int count;
  private long size;
  private long maxSize;

  DynamicTable(long maxSize) {
    this.maxSize = maxSize;
  }

  int count() {
    return count;
  }

  long size() {
    return size;
  }

  long maxSize() {
    return maxSize;
  }

  /** The entry at a 1-based dynamic index (1 = newest), or {@code null} when out of range. */
  TableEntry get(int dynamicIndex) {
    if (dynamicIndex < 1 || dynamicIndex > count) {
      return null;
    }
    return ring[Math.floorMod(head - dynamicIndex + 1, ring.length)];
  }

  void setMaxSize(long newMaxSize, List<TableEntry> evicted) {
    maxSize = newMaxSize;
    evictUntil(maxSize, evicted);
  }

  void add(TableEntry entry, List<TableEntry> evicted) {
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
    head = (head + 1) % ring.length;
    ring[head] = entry;
    count++;
    size += entrySize;
  }

  private void evictUntil(long limit, List<TableEntry> evicted) {
    while (size > limit && count > 0) {
      int oldest = Math.floorMod(head - count + 1, ring.length);
      TableEntry entry = ring[oldest];
      ring[oldest] = null;
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
    head = count - 1;
  }
}
