package dev.gatehouse.h2.hpack;

/**
 * An entry of a dynamic table (RFC 7541 §2.3.2), e.g. one evicted to make room.
 *
 * @param name the field name
 * @param value the field value
 */
public record TableEntry(String name, String value) {

  /** The entry's size: name + value + 32 octets (RFC 7541 §4.1). */
  public long size() {
    return name.length() + value.length() + 32L;
  }
}
