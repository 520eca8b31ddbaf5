package dev.gatehouse.h2.hpack;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the header blocks one endpoint sends (RFC 7541), keeping that endpoint's dynamic table. One instance per
 * direction of a connection; blocks must be given in wire order. Never throws on bad input: a block that cannot be
 * decoded comes back with {@link HeaderBlock#error()} set and the fields decoded so far.
 */
public final class HpackDecoder {

  /** RFC 9113 §6.5.2: SETTINGS_HEADER_TABLE_SIZE starts at 4096. */
  public static final long DEFAULT_TABLE_SIZE = 4096;

  private final DynamicTable table;
  private final RepeatedBlocks repeated = new RepeatedBlocks();
  private long maxTableSizeLimit;
  private final StringBuilder scratch = new StringBuilder(64);
  /** The previous block's field count: the next block is most likely the same size. */
  private int lastFieldCount = 8;

  /** A decoder whose dynamic table starts empty with the default size limit of 4096 octets. */
  public HpackDecoder() {
    this(DEFAULT_TABLE_SIZE);
  }

  /**
   * A decoder whose dynamic table starts empty with the given size, as if the encoder had already chosen it (RFC
   * 7541 Appendix C.5 and C.6 assume 256 this way).
   */
  public HpackDecoder(long tableSize) {
    if (tableSize < 0) {
      throw new IllegalArgumentException("tableSize: " + tableSize + " (expected: >= 0)");
    }
    this.table = new DynamicTable(tableSize);
    this.maxTableSizeLimit = Math.max(tableSize, DEFAULT_TABLE_SIZE);
  }

  /**
   * Sets the largest table size the encoder may choose, i.e. the SETTINGS_HEADER_TABLE_SIZE the decoding endpoint
   * advertised (applies once that SETTINGS is acknowledged).
   */
  public void setMaxTableSizeLimit(long limit) {
    maxTableSizeLimit = limit;
  }

  /** The current dynamic table size in octets. */
  public long tableSize() {
    return table.size();
  }

  /** The number of entries in the dynamic table. */
  public int tableEntries() {
    return table.count();
  }

  /**
   * Decodes one complete header block. A block whose bytes repeat one decoded earlier against the same table (and
   * that changed nothing in it) comes back as the same, immutable, {@link HeaderBlock} instance.
   */
  public HeaderBlock decode(byte[] src, int offset, int length) {
    long version = table.version();
    HeaderBlock block = repeated.find(src, offset, length, version);
    if (block != null) {
      return block;
    }
    block = decodeFields(src, offset, length);
    if (block.error() == null && table.version() == version) {
      repeated.remember(src, offset, length, version, block);
    }
    return block;
  }

  private HeaderBlock decodeFields(byte[] src, int offset, int length) {
    List<HeaderField> fields = new ArrayList<>(lastFieldCount);
    List<Long> sizeUpdates = List.of();
    List<TableEntry> evicted = new ArrayList<>(0);
    long listSize = 0;
    String error = null;
    Cursor in = new Cursor(src, offset, offset + length);
    boolean fieldSeen = false;
    try {
      while (in.pos < in.end) {
        int b = src[in.pos] & 0xff;
        HeaderField field;
        if ((b & 0x80) != 0) {
          int index = in.readInt(7);
          field = indexed(index);
        } else if ((b & 0xc0) == 0x40) {
          field = literal(in, 6, Representation.LITERAL_WITH_INCREMENTAL_INDEXING);
          table.add(new TableEntry(field.name(), field.value()), evicted);
        } else if ((b & 0xe0) == 0x20) {
          if (fieldSeen) {
            throw new HpackException("dynamic table size update after a header field (RFC 7541 §4.2)");
          }
          long newSize = in.readInt(5);
          if (newSize > maxTableSizeLimit) {
            throw new HpackException(
                "dynamic table size update to " + newSize + " exceeds the limit " + maxTableSizeLimit);
          }
          if (sizeUpdates.isEmpty()) {
            sizeUpdates = new ArrayList<>(2);
          }
          sizeUpdates.add(newSize);
          table.setMaxSize(newSize, evicted);
          continue;
        } else if ((b & 0xf0) == 0x10) {
          field = literal(in, 4, Representation.LITERAL_NEVER_INDEXED);
        } else {
          field = literal(in, 4, Representation.LITERAL_WITHOUT_INDEXING);
        }
        fieldSeen = true;
        fields.add(field);
        listSize += field.size();
      }
    } catch (HpackException e) {
      error = e.getMessage();
    }
    lastFieldCount = Math.max(4, fields.size());
    return new HeaderBlock(fields, listSize, length, sizeUpdates, evicted, table.size(), table.count(), error);
  }

  private HeaderField indexed(int index) throws HpackException {
    if (index == 0) {
      throw new HpackException("indexed header field with index 0");
    }
    if (index <= StaticTable.LENGTH) {
      return StaticTable.indexedField(index);
    }
    HeaderField field = table.indexedField(index - StaticTable.LENGTH, index);
    if (field == null) {
      throw new HpackException("index " + index + " is not in the table (dynamic entries: " + table.count() + ")");
    }
    return field;
  }

  private HeaderField literal(Cursor in, int prefixBits, Representation representation) throws HpackException {
    int nameIndex = in.readInt(prefixBits);
    String name;
    boolean nameHuffman = false;
    if (nameIndex == 0) {
      nameHuffman = in.huffmanFlag();
      name = readString(in);
    } else if (nameIndex <= StaticTable.LENGTH) {
      name = StaticTable.name(nameIndex);
    } else {
      TableEntry entry = table.get(nameIndex - StaticTable.LENGTH);
      if (entry == null) {
        throw new HpackException(
            "name index " + nameIndex + " is not in the table (dynamic entries: " + table.count() + ")");
      }
      name = entry.name();
    }
    boolean valueHuffman = in.huffmanFlag();
    String value = readString(in);
    return new HeaderField(name, value, representation, nameIndex, nameHuffman, valueHuffman);
  }

  private String readString(Cursor in) throws HpackException {
    boolean huffman = in.huffmanFlag();
    int length = in.readInt(7);
    if (length > in.end - in.pos) {
      throw new HpackException("string length " + length + " exceeds the block's remaining " + (in.end - in.pos)
          + " bytes");
    }
    String result;
    if (huffman) {
      scratch.setLength(0);
      Huffman.decode(in.src, in.pos, length, scratch);
      result = scratch.toString();
    } else {
      result = latin1(in.src, in.pos, length);
    }
    in.pos += length;
    return result;
  }

  @SuppressWarnings("deprecation") // the ISO-8859-1 byte-to-char copy is exactly what is wanted, and fast
  private static String latin1(byte[] src, int offset, int length) {
    return new String(src, 0, offset, length);
  }

  /** A read position in a block. */
  private static final class Cursor {
    final byte[] src;
    int pos;
    final int end;

    Cursor(byte[] src, int pos, int end) {
      this.src = src;
      this.pos = pos;
      this.end = end;
    }

    boolean huffmanFlag() throws HpackException {
      if (pos >= end) {
        throw new HpackException("header block ends inside a field");
      }
      return (src[pos] & 0x80) != 0;
    }

    /** An HPACK integer with an N-bit prefix (RFC 7541 §5.1), limited to 2^31-1. */
    int readInt(int prefixBits) throws HpackException {
      if (pos >= end) {
        throw new HpackException("header block ends inside a field");
      }
      int max = (1 << prefixBits) - 1;
      int value = src[pos++] & max;
      if (value < max) {
        return value;
      }
      long result = value;
      for (int shift = 0; ; shift += 7) {
        if (pos >= end) {
          throw new HpackException("header block ends inside an integer");
        }
        if (shift > 28) {
          throw new HpackException("integer exceeds 2^31-1");
        }
        int b = src[pos++] & 0xff;
        result += (long) (b & 0x7f) << shift;
        if (result > Integer.MAX_VALUE) {
          throw new HpackException("integer exceeds 2^31-1");
        }
        if ((b & 0x80) == 0) {
          return (int) result;
        }
      }
    }
  }
}
