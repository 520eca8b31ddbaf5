package dev.gatehouse.h2.hpack;

/** How a header field was represented in the block (RFC 7541 §6). */
public enum Representation {
  /** Indexed header field (§6.1): name and value from the static or dynamic table. */
  INDEXED,
  /** Literal header field with incremental indexing (§6.2.1): added to the dynamic table. */
  LITERAL_WITH_INCREMENTAL_INDEXING,
  /** Literal header field without indexing (§6.2.2). */
  LITERAL_WITHOUT_INDEXING,
  /** Literal header field never indexed (§6.2.3): intermediaries must not index it either (sensitive values). */
  LITERAL_NEVER_INDEXED
}
