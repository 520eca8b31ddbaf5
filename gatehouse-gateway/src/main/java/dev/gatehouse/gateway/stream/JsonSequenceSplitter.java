package dev.gatehouse.gateway.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a byte stream holding a sequence of JSON values (newline-delimited, whitespace-separated, or directly
 * concatenated, as grpc-gateway accepts them) into one byte array per value, as soon as each value's last byte
 * arrives: a client-streaming request body becomes request messages while it is still being uploaded.
 *
 * <p>Jackson's non-blocking parser finds where each value ends; only the bytes of the value in progress are kept,
 * so memory is bounded by the largest value, which is limited to {@code maxValueBytes}. Not thread-safe.
 */
public final class JsonSequenceSplitter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final int maxValueBytes;
  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  /** The bytes from {@link #pendingBase} on: the value in progress and what follows it. */
  private byte[] pending = new byte[256];
  private int pendingLength;
  private long pendingBase;
  /** Absolute offset where the value in progress starts, or -1 between values. */
  private long valueStart = -1;
  /** Absolute offset just after the last complete value. */
  private long lastEnd;
  private int depth;
  private int values;
  private boolean ended;

  /** A splitter refusing any single value longer than {@code maxValueBytes}. */
  public JsonSequenceSplitter(int maxValueBytes) {
    if (maxValueBytes < 1) {
      throw new IllegalArgumentException("maxValueBytes: " + maxValueBytes + " (expected: >= 1)");
    }
    this.maxValueBytes = maxValueBytes;
    try {
      this.parser = FACTORY.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException("Jackson cannot create a non-blocking parser", e);
    }
    this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
  }

  /** How many values were completed so far. */
  public int values() {
    return values;
  }

  /**
   * Takes the next bytes of the stream (copied; the caller keeps {@code bytes}) and hands every value they complete
   * to {@code sink}, in order.
   *
   * @throws StatusException INVALID_ARGUMENT for bytes that are not a JSON value, RESOURCE_EXHAUSTED for a value
   *     longer than the limit; the splitter is unusable afterwards
   */
  public void feed(byte[] bytes, int offset, int length, Consumer<byte[]> sink) {
    if (ended) {
      throw new IllegalStateException("feed: the input already ended");
    }
    if (length == 0) {
      return;
    }
    int start = pendingLength;
    ensureCapacity(pendingLength + length);
    System.arraycopy(bytes, offset, pending, start, length);
    pendingLength += length;
    try {
      // The parser reads the array given here until it returns NOT_AVAILABLE; the array is not touched until then.
      feeder.feedInput(pending, start, start + length);
    } catch (IOException e) {
      throw invalid(e);
    }
    drain(sink);
  }

  /**
   * The stream ended: hands the last value to {@code sink} when one was still open to more bytes (a bare number).
   *
   * @throws StatusException INVALID_ARGUMENT when the stream ends inside a value
   */
  public void end(Consumer<byte[]> sink) {
    if (ended) {
      return;
    }
    ended = true;
    feeder.endOfInput();
    drain(sink);
    if (valueStart >= 0) {
      throw new StatusException(GrpcCode.INVALID_ARGUMENT, "request message #" + (values + 1)
          + ": the body ends inside a JSON value (expected: complete JSON values)");
    }
  }

  private void drain(Consumer<byte[]> sink) {
    try {
      for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.NOT_AVAILABLE;
          token = parser.nextToken()) {
        if (valueStart < 0) {
          valueStart = firstNonWhitespace(lastEnd);
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
        if (depth == 0) {
          long end = parser.currentLocation().getByteOffset();
          values++;
          sink.accept(slice(valueStart, end));
          valueStart = -1;
          lastEnd = end;
        }
      }
    } catch (IOException e) {
      throw invalid(e);
    }
    if (valueStart < 0) {
      // Whitespace between values is consumed; keeping it would let a body of blanks grow without bound.
      lastEnd = firstNonWhitespace(lastEnd);
    }
    long keepFrom = valueStart >= 0 ? valueStart : lastEnd;
    if (valueStart >= 0 && pendingBase + pendingLength - valueStart > maxValueBytes) {
      throw new StatusException(GrpcCode.RESOURCE_EXHAUSTED, "request message #" + (values + 1)
          + " larger than " + maxValueBytes + " bytes");
    }
    compact(keepFrom);
  }

  /**
   * Where the value after {@code from} starts. Only whitespace may separate values (anything else fails to parse),
   * so this is the first byte that is not whitespace; the parser's token offsets are not relied upon here.
   */
  private long firstNonWhitespace(long from) {
    int i = (int) (from - pendingBase);
    while (i < pendingLength && isWhitespace(pending[i])) {
      i++;
    }
    return pendingBase + i;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  private byte[] slice(long from, long to) {
    int start = (int) (from - pendingBase);
    int end = (int) Math.min(to - pendingBase, pendingLength);
    if (end - start > maxValueBytes) {
      throw new StatusException(GrpcCode.RESOURCE_EXHAUSTED, "request message #" + values + " larger than "
          + maxValueBytes + " bytes");
    }
    return Arrays.copyOfRange(pending, start, end);
  }

  /** Drops the bytes before {@code from}, which no value needs any more. */
  private void compact(long from) {
    int drop = (int) Math.min(Math.max(0, from - pendingBase), pendingLength);
    if (drop == 0) {
      return;
    }
    System.arraycopy(pending, drop, pending, 0, pendingLength - drop);
    pendingLength -= drop;
    pendingBase += drop;
    if (pending.length > 4096 && pendingLength < pending.length / 4) {
      pending = Arrays.copyOf(pending, Math.max(256, pendingLength * 2));
    }
  }

  private void ensureCapacity(int capacity) {
    if (capacity > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(capacity, pending.length * 2));
    }
  }

  private StatusException invalid(IOException e) {
    String message = e instanceof com.fasterxml.jackson.core.JacksonException jackson
        ? jackson.getOriginalMessage() : e.getMessage();
    return new StatusException(GrpcCode.INVALID_ARGUMENT, "request message #" + (values + 1) + ": invalid JSON: "
        + message, e);
  }
}
