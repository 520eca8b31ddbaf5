/**
 * HPACK (RFC 7541) decoding that keeps what Netty's decoder hides: each field's representation, the index it used,
 * its Huffman flags, dynamic table size updates and evictions, and the header list size. {@link
 * dev.gatehouse.h2.hpack.HpackDecoder} holds one direction's dynamic table and turns a complete header block into a
 * {@link dev.gatehouse.h2.hpack.HeaderBlock}; a block whose bytes repeat against an unchanged table is not decoded
 * again.
 */
package dev.gatehouse.h2.hpack;
