package dev.gatehouse.h2.grpc;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.MessageCut;
import dev.gatehouse.h2.event.MessageEvent;
import java.util.Arrays;

/**
 * Reassembles the length-prefixed messages of one direction of one stream (gRPC PROTOCOL-HTTP2.md
 * "Length-Prefixed-Message"), whatever the DATA frame boundaries: several messages in one frame, one message over
 * many. Keeps at most {@code maxMessageBytes} of each message; the rest is counted, not stored.
 */
final class MessageReassembler {

  private static final int PREFIX = 5;
  private static final byte[] EMPTY = new byte[0];

  private final Direction direction;
  private final int streamId;
  private final int maxMessageBytes;

  private final byte[] prefix = new byte[PREFIX];
  private int prefixHave;
  private long declared = -1;
  private long received;
  private byte[] data = EMPTY;
  private int kept;
  private long firstSeq = -1;
  private int count;

  MessageReassembler(Direction direction, int streamId, int maxMessageBytes) {
    this.direction = direction;
    this.streamId = streamId;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** Complete messages so far. */
  int count() {
    return count;
  }

  /** Whether a message is part-way. */
  boolean inProgress() {
    return prefixHave > 0;
  }

  /** Consumes DATA bytes; {@code out} receives each message completed. */
  void feed(byte[] src, int offset, int length, String method, long seq, long timeNanos, CallAssembler out) {
    int pos = offset;
    int end = offset + length;
    while (pos < end) {
      if (prefixHave < PREFIX) {
        if (prefixHave == 0) {
          firstSeq = seq;
          if (end - pos >= PREFIX) {
            long len = prefixLength(src, pos);
            // Fast path: the whole message is in this frame.
            if (len <= end - pos - PREFIX && len <= maxMessageBytes) {
              int flag = src[pos] & 0xff;
              byte[] bytes = Arrays.copyOfRange(src, pos + PREFIX, pos + PREFIX + (int) len);
              out.message(new MessageEvent(timeNanos, direction, streamId, method, count++, flag == 1, flag, len,
                  len, bytes, null, seq, seq));
              pos += PREFIX + (int) len;
              continue;
            }
          }
        }
        int take = Math.min(PREFIX - prefixHave, end - pos);
        System.arraycopy(src, pos, prefix, prefixHave, take);
        prefixHave += take;
        pos += take;
        if (prefixHave < PREFIX) {
          return;
        }
        declared = prefixLength(prefix, 0);
        received = 0;
        kept = 0;
        data = declared == 0 ? EMPTY : new byte[(int) Math.min(Math.min(declared, maxMessageBytes), 1 << 16)];
      }
      long want = declared - received;
      int take = (int) Math.min(want, end - pos);
      keep(src, pos, take);
      received += take;
      pos += take;
      if (received == declared) {
        int flag = prefix[0] & 0xff;
        out.message(new MessageEvent(timeNanos, direction, streamId, method, count++, flag == 1, flag, declared,
            received, kept == data.length ? data : Arrays.copyOf(data, kept), null, firstSeq, seq));
        reset();
      }
    }
  }

  /** The stream or connection ended: a message part-way is reported as cut off. */
  void cut(MessageCut cut, String method, long seq, long timeNanos, CallAssembler out) {
    if (prefixHave == 0) {
      return;
    }
    int flag = prefix[0] & 0xff;
    long declaredLength = prefixHave < PREFIX ? -1 : declared;
    out.message(new MessageEvent(timeNanos, direction, streamId, method, count, flag == 1, flag, declaredLength,
        received, Arrays.copyOf(data, kept), cut, firstSeq, seq));
    reset();
  }

  private void keep(byte[] src, int pos, int take) {
    int room = (int) Math.min(take, maxMessageBytes - (long) kept);
    if (room <= 0) {
      return;
    }
    if (kept + room > data.length) {
      long target = Math.min(Math.min(declared, maxMessageBytes), Math.max((long) data.length * 2, kept + room));
      data = Arrays.copyOf(data, (int) target);
    }
    System.arraycopy(src, pos, data, kept, room);
    kept += room;
  }

  private void reset() {
    prefixHave = 0;
    declared = -1;
    received = 0;
    kept = 0;
    data = EMPTY;
  }

  private static long prefixLength(byte[] src, int pos) {
    return ((src[pos + 1] & 0xffL) << 24) | ((src[pos + 2] & 0xff) << 16) | ((src[pos + 3] & 0xff) << 8)
        | (src[pos + 4] & 0xff);
  }
}
