package dev.gatehouse.h2.hpack;

/**
 * One decoded header field and how it was represented.
 *
 * <p>Names and values are decoded byte for byte as ISO-8859-1, so no byte is lost or replaced; HTTP/2 field values
 * are visible ASCII in practice (gRPC's {@code -bin} values are base64 text).
 *
 * @param name the field name
 * @param value the field value
 * @param representation how the field was encoded
 * @param index the table index used: the whole field for {@link Representation#INDEXED}, the name for a literal with
 *     an indexed name, 0 for a literal name (1..61 static table, 62 and up dynamic table)
 * @param nameHuffman whether a literal name was Huffman-coded (false when the name came from a table)
 * @param valueHuffman whether a literal value was Huffman-coded (false for {@link Representation#INDEXED})
 */
public record HeaderField(String name, String value, Representation representation, int index, boolean nameHuffman,
    boolean valueHuffman) {

  /** The size RFC 7541 §4.1 and RFC 9113 §6.5.2 count for this field: name + value + 32 octets. */
  public long size() {
    return name.length() + value.length() + 32L;
  }

  @Override
  public String toString() {
    return name + ": " + value;
  }
}
