package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.MismatchKind;
import dev.gatehouse.h2.frame.FrameType;
import dev.gatehouse.h2.frame.Http2FrameParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts one direction's byte stream into frames, however TCP split it. Complete frames inside a chunk are handed
 * over in place; only a frame that straddles chunks is copied into a buffer, which never holds more than one frame
 * (bounded by {@link DecoderOptions#maxFrameBytes()}). Checks the preface first: the client magic, or the server's
 * first frame looking like a frame at all.
 */
final class FrameReader {

  /** Receives what the reader finds. */
  interface Sink {
    void preface(Direction direction, long timeNanos);

    void mismatch(Direction direction, MismatchKind kind, String excerpt, long timeNanos);

    void frame(Direction direction, int type, int flags, int streamId, byte[] src, int offset, int length,
        long timeNanos);

    void frameTooLarge(Direction direction, int type, int flags, int streamId, int length, long timeNanos);

    void truncated(Direction direction, int have, int need, long timeNanos);
  }

  private static final int EXCERPT = 64;

  static final byte[] CLIENT_MAGIC = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private static final String[] HTTP1_METHODS = {
    "GET ", "POST ", "PUT ", "HEAD ", "DELETE ", "OPTIONS ", "PATCH ", "CONNECT ", "TRACE "
  };

  private final Direction direction;
  private final Sink sink;
  private final int maxFrameBytes;

  private byte[] buffer = new byte[64];
  private int buffered;
  private boolean prefaceDone;
  private boolean stopped;
  private boolean mismatchPending;
  private long skipRemaining;
  private long bytes;

  FrameReader(Direction direction, Sink sink, int maxFrameBytes) {
    this.direction = direction;
    this.sink = sink;
    this.maxFrameBytes = maxFrameBytes;
  }

  long bytes() {
    return bytes;
  }

  void feed(byte[] src, int offset, int length, long timeNanos) {
    bytes += length;
    int pos = offset;
    int end = offset + length;
    while (pos < end && !stopped) {
      if (skipRemaining > 0) {
        int skip = (int) Math.min(skipRemaining, end - pos);
        skipRemaining -= skip;
        pos += skip;
        continue;
      }
      if (!prefaceDone) {
        pos = preface(src, pos, end, timeNanos);
        continue;
      }
      if (buffered > 0) {
        pos = fillBuffer(src, pos, end, timeNanos);
        continue;
      }
      // Fast path: frames entirely inside the chunk are decoded where they lie.
      while (end - pos >= Http2FrameParser.HEADER_LENGTH) {
        int payloadLength = ((src[pos] & 0xff) << 16) | ((src[pos + 1] & 0xff) << 8) | (src[pos + 2] & 0xff);
        int total = Http2FrameParser.HEADER_LENGTH + payloadLength;
        if (total > maxFrameBytes) {
          break;
        }
        if (end - pos < total) {
          break;
        }
        emit(src, pos, payloadLength, timeNanos);
        pos += total;
      }
      if (pos < end && !stopped) {
        if (end - pos >= Http2FrameParser.HEADER_LENGTH && frameLength(src, pos) > maxFrameBytes) {
          skipTooLarge(src, pos, timeNanos);
          pos += Http2FrameParser.HEADER_LENGTH;
        } else {
          append(src, pos, end - pos);
          pos = end;
        }
      }
    }
  }

  /** The connection closed: a partial frame left in the buffer is reported. */
  void close(long timeNanos) {
    if (mismatchPending) {
      stop(timeNanos);
    }
    if (!stopped && buffered > 0) {
      int need = buffered >= Http2FrameParser.HEADER_LENGTH ? frameLength(buffer, 0) : Http2FrameParser.HEADER_LENGTH;
      if (!prefaceDone) {
        need = direction == Direction.CLIENT ? CLIENT_MAGIC.length : Http2FrameParser.HEADER_LENGTH;
      }
      sink.truncated(direction, buffered, need, timeNanos);
    }
    buffered = 0;
    stopped = true;
  }

  private int fillBuffer(byte[] src, int pos, int end, long timeNanos) {
    if (buffered < Http2FrameParser.HEADER_LENGTH) {
      int take = Math.min(Http2FrameParser.HEADER_LENGTH - buffered, end - pos);
      append(src, pos, take);
      pos += take;
      if (buffered < Http2FrameParser.HEADER_LENGTH) {
        return pos;
      }
    }
    int total = frameLength(buffer, 0);
    if (total > maxFrameBytes) {
      buffered = 0;
      skipTooLarge(buffer, 0, timeNanos);
      return pos;
    }
    int take = Math.min(total - buffered, end - pos);
    append(src, pos, take);
    pos += take;
    if (buffered == total) {
      buffered = 0;
      emit(buffer, 0, total - Http2FrameParser.HEADER_LENGTH, timeNanos);
      if (buffer.length > 1 << 16) {
        buffer = new byte[64]; // give back a big frame's buffer
      }
    }
    return pos;
  }

  private void skipTooLarge(byte[] header, int pos, long timeNanos) {
    int payloadLength = frameLength(header, pos) - Http2FrameParser.HEADER_LENGTH;
    skipRemaining = payloadLength;
    sink.frameTooLarge(direction, header[pos + 3] & 0xff, header[pos + 4] & 0xff,
        Http2FrameParser.int32(header, pos + 5) & Integer.MAX_VALUE, payloadLength, timeNanos);
  }

  private void emit(byte[] src, int pos, int payloadLength, long timeNanos) {
    sink.frame(direction, src[pos + 3] & 0xff, src[pos + 4] & 0xff,
        Http2FrameParser.int32(src, pos + 5) & Integer.MAX_VALUE, src, pos + Http2FrameParser.HEADER_LENGTH,
        payloadLength, timeNanos);
  }

  private static int frameLength(byte[] src, int pos) {
    return Http2FrameParser.HEADER_LENGTH
        + (((src[pos] & 0xff) << 16) | ((src[pos + 1] & 0xff) << 8) | (src[pos + 2] & 0xff));
  }

  private void append(byte[] src, int pos, int length) {
    if (buffered + length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffered + length, Math.min(buffer.length * 2, maxFrameBytes)));
    }
    System.arraycopy(src, pos, buffer, buffered, length);
    buffered += length;
  }

  /** Consumes preface bytes; returns the new position. */
  private int preface(byte[] src, int pos, int end, long timeNanos) {
    if (mismatchPending) {
      // Not HTTP/2: collect up to a line (at most EXCERPT bytes) to tell what it is, then stop.
      int take = Math.min(EXCERPT - buffered, end - pos);
      append(src, pos, take);
      pos += take;
      if (decisive()) {
        stop(timeNanos);
      }
      return pos;
    }
    int need = direction == Direction.CLIENT ? CLIENT_MAGIC.length : Http2FrameParser.HEADER_LENGTH;
    int take = Math.min(need - buffered, end - pos);
    append(src, pos, take);
    pos += take;
    boolean mismatch = false;
    if (direction == Direction.CLIENT) {
      for (int i = 0; i < buffered && !mismatch; i++) {
        mismatch = buffer[i] != CLIENT_MAGIC[i];
      }
    } else {
      mismatch = classify(buffer, buffered) != null;
    }
    if (mismatch) {
      mismatchPending = true;
      return preface(src, pos, end, timeNanos);
    }
    if (buffered == need) {
      prefaceDone = true;
      if (direction == Direction.CLIENT) {
        buffered = 0;
        sink.preface(direction, timeNanos);
        return pos;
      }
      // The server's preface is its first frame, now in the buffer; the model judges whether it is SETTINGS.
      return fillBuffer(src, pos, end, timeNanos);
    }
    return pos;
  }

  private boolean decisive() {
    if (buffered >= EXCERPT || buffered >= 5 && classify(buffer, buffered) == MismatchKind.TLS) {
      return true;
    }
    for (int i = 0; i < buffered; i++) {
      if (buffer[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  private void stop(long timeNanos) {
    byte[] head = Arrays.copyOf(buffer, buffered);
    MismatchKind kind = classify(head, head.length);
    if (kind == null) {
      kind = MismatchKind.BAD_PREFACE;
    }
    stopped = true;
    mismatchPending = false;
    buffered = 0;
    sink.mismatch(direction, kind, excerpt(kind, head), timeNanos);
  }

  /** What the first bytes look like when they are clearly not HTTP/2, else {@code null}. */
  private MismatchKind classify(byte[] head, int length) {
    if (length >= 2 && (head[0] == 0x16 || head[0] == 0x15 || head[0] == 0x17) && head[1] == 0x03) {
      return MismatchKind.TLS;
    }
    String text = new String(head, 0, Math.min(length, 16), StandardCharsets.ISO_8859_1);
    if (text.startsWith("HTTP/1.") || (length >= 5 && text.startsWith("HTTP/"))) {
      return MismatchKind.HTTP1_RESPONSE;
    }
    for (String method : HTTP1_METHODS) {
      if (text.startsWith(method)) {
        return MismatchKind.HTTP1_REQUEST;
      }
    }
    if (direction == Direction.SERVER && length >= 5 && text.startsWith("<")) {
      return MismatchKind.BAD_PREFACE; // an HTML page without a status line
    }
    return null;
  }

  private static String excerpt(MismatchKind kind, byte[] head) {
    if (kind == MismatchKind.HTTP1_REQUEST || kind == MismatchKind.HTTP1_RESPONSE) {
      String text = new String(head, StandardCharsets.ISO_8859_1);
      int eol = text.indexOf('\r');
      if (eol < 0) {
        eol = text.indexOf('\n');
      }
      return eol < 0 ? text : text.substring(0, eol);
    }
    StringBuilder hex = new StringBuilder(head.length * 2);
    for (byte b : head) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }
}
