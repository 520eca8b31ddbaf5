package dev.gatehouse.h2.hpack;

/** A header block that cannot be decoded (an HPACK COMPRESSION_ERROR); caught inside {@link HpackDecoder}. */
final class HpackException extends Exception {

  private static final long serialVersionUID = 1L;

  HpackException(String message) {
    super(message, null, false, false);
  }
}
