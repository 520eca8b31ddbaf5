package dev.gatehouse.h2.hpack;

/** The HPACK static table (RFC 7541 Appendix A), indexes 1..61. */
final class StaticTable {

  static final int LENGTH = 61;

  private static final String[][] ENTRIES = {
    {":authority", ""}, {":method", "GET"}, {":method", "POST"}, {":path", "/"}, {":path", "/index.html"},
    {":scheme", "http"}, {":scheme", "https"}, {":status", "200"}, {":status", "204"}, {":status", "206"},
    {":status", "304"}, {":status", "400"}, {":status", "404"}, {":status", "500"}, {"accept-charset", ""},
    {"accept-encoding", "gzip, deflate"}, {"accept-language", ""}, {"accept-ranges", ""}, {"accept", ""},
    {"access-control-allow-origin", ""}, {"age", ""}, {"allow", ""}, {"authorization", ""},
    {"cache-control", ""}, {"content-disposition", ""}, {"content-encoding", ""}, {"content-language", ""},
    {"content-length", ""}, {"content-location", ""}, {"content-range", ""}, {"content-type", ""},
    {"cookie", ""}, {"date", ""}, {"etag", ""}, {"expect", ""}, {"expires", ""}, {"from", ""}, {"host", ""},
    {"if-match", ""}, {"if-modified-since", ""}, {"if-none-match", ""}, {"if-range", ""},
    {"if-unmodified-since", ""}, {"last-modified", ""}, {"link", ""}, {"location", ""}, {"max-forwards", ""},
    {"proxy-authenticate", ""}, {"proxy-authorization", ""}, {"range", ""}, {"referer", ""}, {"refresh", ""},
    {"retry-after", ""}, {"server", ""}, {"set-cookie", ""}, {"strict-transport-security", ""},
    {"transfer-encoding", ""}, {"user-agent", ""}, {"vary", ""}, {"via", ""}, {"www-authenticate", ""}
  };

  /** The fields an indexed representation of each static entry decodes to, shared: they are immutable. */
  private static final HeaderField[] INDEXED = new HeaderField[LENGTH + 1];

  static {
    for (int i = 1; i <= LENGTH; i++) {
      INDEXED[i] = new HeaderField(name(i), value(i), Representation.INDEXED, i, false, false);
    }
  }

  private StaticTable() {}

  /** The indexed field for a 1-based index in 1..61. */
  static HeaderField indexedField(int index) {
    return INDEXED[index];
  }

  /** The name at a 1-based index in 1..61. */
  static String name(int index) {
    return ENTRIES[index - 1][0];
  }

  /** The value at a 1-based index in 1..61. */
  static String value(int index) {
    return ENTRIES[index - 1][1];
  }
}
