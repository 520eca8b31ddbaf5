package dev.gatehouse.h2.hpack;

import java.util.Collections;
import java.util.List;

/**
 * A decoded header block (HEADERS or PUSH_PROMISE plus its CONTINUATION frames) and what decoding it did to the
 * sender's dynamic table.
 *
 * @param fields the fields in block order (possibly incomplete when {@link #error()} is set); the lists are
 *     wrapped unmodifiable, not copied, so callers must not change what they pass in. A decoder may hand out the
 *     same instance for a block whose bytes repeat (see {@link HpackDecoder#decode})
 * @param headerListSize Σ(name + value + 32) over the fields (RFC 9113 §6.5.2)
 * @param encodedLength the block's length in bytes on the wire
 * @param tableSizeUpdates the dynamic table size updates at the block's start, in order (RFC 7541 §6.3)
 * @param evicted the entries evicted from the dynamic table while decoding, oldest first
 * @param tableSize the dynamic table size in octets after the block
 * @param tableEntries the number of dynamic table entries after the block
 * @param error why decoding stopped (an HPACK COMPRESSION_ERROR, e.g. an index out of range), or {@code null}
 */
public record HeaderBlock(List<HeaderField> fields, long headerListSize, int encodedLength,
    List<Long> tableSizeUpdates, List<TableEntry> evicted, long tableSize, int tableEntries, String error) {

  public HeaderBlock {
    // Wrapped, not copied: blocks are built once per HEADERS by the decoder, which never touches the lists again.
    fields = unmodifiable(fields);
    tableSizeUpdates = unmodifiable(tableSizeUpdates);
    evicted = unmodifiable(evicted);
  }

  /** The value of the first field with this name, or {@code null}. */
  public String get(String name) {
    for (HeaderField field : fields) {
      if (field.name().equals(name)) {
        return field.value();
      }
    }
    return null;
  }

  private static <T> List<T> unmodifiable(List<T> list) {
    return list.isEmpty() ? List.of() : Collections.unmodifiableList(list);
  }

  /** Whether decoding failed part-way (the connection's HPACK state may then be out of sync). */
  public boolean failed() {
    return error != null;
  }
}
