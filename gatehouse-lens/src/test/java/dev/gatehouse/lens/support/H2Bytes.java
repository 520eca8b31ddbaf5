package dev.gatehouse.lens.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds HTTP/2 bytes by hand for what real peers will not send: frames with any flags, header blocks as HPACK
 * literals without indexing (no Huffman, so the bytes are easy to read in a failing test), gRPC messages.
 */
public final class H2Bytes {

  public static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public static H2Bytes of() {
    return new H2Bytes();
  }

  public byte[] bytes() {
    return out.toByteArray();
  }

  public H2Bytes raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  public H2Bytes preface() {
    return raw(PREFACE);
  }

  public H2Bytes frame(int type, int flags, int stream, byte[] payload) {
    out.write(payload.length >>> 16);
    out.write(payload.length >>> 8);
    out.write(payload.length);
    out.write(type);
    out.write(flags);
    out.write(stream >>> 24);
    out.write(stream >>> 16);
    out.write(stream >>> 8);
    out.write(stream);
    out.writeBytes(payload);
    return this;
  }

  /** SETTINGS with id/value pairs. */
  public H2Bytes settings(int... idValues) {
    byte[] payload = new byte[idValues.length / 2 * 6];
    for (int i = 0; i < idValues.length / 2; i++) {
      int id = idValues[2 * i];
      int value = idValues[2 * i + 1];
      payload[6 * i] = (byte) (id >>> 8);
      payload[6 * i + 1] = (byte) id;
      payload[6 * i + 2] = (byte) (value >>> 24);
      payload[6 * i + 3] = (byte) (value >>> 16);
      payload[6 * i + 4] = (byte) (value >>> 8);
      payload[6 * i + 5] = (byte) value;
    }
    return frame(0x4, 0, 0, payload);
  }

  public H2Bytes settingsAck() {
    return frame(0x4, 0x1, 0, new byte[0]);
  }

  /** HEADERS with END_HEADERS (plus END_STREAM when asked), fields as name, value, name, value... */
  public H2Bytes headers(int stream, boolean endStream, String... nameValues) {
    return frame(0x1, 0x4 | (endStream ? 0x1 : 0), stream, block(nameValues));
  }

  public H2Bytes data(int stream, boolean endStream, byte[] payload) {
    return frame(0x0, endStream ? 0x1 : 0, stream, payload);
  }

  public H2Bytes rst(int stream, int code) {
    return frame(0x3, 0, stream, int32(code));
  }

  public H2Bytes ping(boolean ack, long opaque) {
    byte[] payload = new byte[8];
    for (int i = 0; i < 8; i++) {
      payload[i] = (byte) (opaque >>> (56 - 8 * i));
    }
    return frame(0x6, ack ? 0x1 : 0, 0, payload);
  }

  public H2Bytes goAway(int lastStream, int code, String debug) {
    byte[] text = debug.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[8 + text.length];
    System.arraycopy(int32(lastStream), 0, payload, 0, 4);
    System.arraycopy(int32(code), 0, payload, 4, 4);
    System.arraycopy(text, 0, payload, 8, text.length);
    return frame(0x7, 0, 0, payload);
  }

  public H2Bytes windowUpdate(int stream, int increment) {
    return frame(0x8, 0, stream, int32(increment));
  }

  /** A gRPC message: compressed flag, 4-byte length, bytes. */
  public static byte[] grpcMessage(boolean compressed, byte[] message) {
    byte[] framed = new byte[5 + message.length];
    framed[0] = (byte) (compressed ? 1 : 0);
    System.arraycopy(int32(message.length), 0, framed, 1, 4);
    System.arraycopy(message, 0, framed, 5, message.length);
    return framed;
  }

  /** A header block of literal fields without indexing (RFC 7541 §6.2.2), new names, no Huffman. */
  public static byte[] block(String... nameValues) {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    for (int i = 0; i < nameValues.length; i += 2) {
      block.write(0x00);
      string(block, nameValues[i]);
      string(block, nameValues[i + 1]);
    }
    return block.toByteArray();
  }

  private static void string(ByteArrayOutputStream block, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    integer(block, bytes.length, 7, 0);
    block.writeBytes(bytes);
  }

  private static void integer(ByteArrayOutputStream block, int value, int prefixBits, int firstByteFlags) {
    int max = (1 << prefixBits) - 1;
    if (value < max) {
      block.write(firstByteFlags | value);
      return;
    }
    block.write(firstByteFlags | max);
    value -= max;
    while (value >= 128) {
      block.write((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    block.write(value);
  }

  static byte[] int32(int value) {
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }
}
