package dev.gatehouse.lens.render;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.hpack.HeaderBlock;
import dev.gatehouse.h2.hpack.HeaderField;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What an output must remember about a connection's live calls to render their payloads: each call's {@code
 * grpc-encoding} per direction (to inflate compressed messages) and the last header block (for status details sent as
 * C-core's "true binary" metadata). One per connection and output; fed every event in order.
 */
public final class CallTracker {

  private static final String STATUS_DETAILS = "grpc-status-details-bin";

  private final Map<Integer, String[]> encodings = new HashMap<>();
  private final Map<Integer, Duration> timeouts = new HashMap<>();
  private long lastBlockSeq = -1;
  private HeaderBlock lastBlock;

  /**
   * Learns from headers and forgets ended calls. Feed each event after rendering it, so a call's end is rendered
   * while its context is still known.
   */
  public void onEvent(Event event) {
    if (event instanceof FrameEvent frame && frame.headerBlock() != null) {
      lastBlockSeq = frame.seq();
      lastBlock = frame.headerBlock();
    } else if (event instanceof CallStartEvent start) {
      encodings.put(start.streamId(), new String[] {start.grpcEncoding(), null});
      if (start.timeout() != null) {
        timeouts.put(start.streamId(), start.timeout());
      }
    } else if (event instanceof ResponseHeadersEvent response) {
      String[] pair = encodings.get(response.streamId());
      if (pair != null) {
        pair[1] = response.grpcEncoding();
      }
    } else if (event instanceof CallEndEvent end) {
      encodings.remove(end.streamId());
      timeouts.remove(end.streamId());
    }
  }

  /** The call's {@code grpc-timeout}, or {@code null}. */
  public Duration timeout(int streamId) {
    return timeouts.get(streamId);
  }

  /** The {@code grpc-encoding} {@code sender} declared on the stream, or {@code null}. */
  public String encoding(Direction sender, int streamId) {
    String[] pair = encodings.get(streamId);
    return pair == null ? null : pair[sender.ordinal()];
  }

  /**
   * The trailers' {@code grpc-status-details-bin} bytes, or {@code null}. Peers that both advertise SETTINGS 0xfe03
   * (gRPC C-core: Python, C++, Ruby) send {@code -bin} values as a NUL byte followed by the raw bytes instead of
   * base64; the h2 decoder only base64-decodes, so those are taken from the header block here.
   */
  public byte[] statusDetails(TrailersEvent trailers) {
    byte[] decoded = trailers.statusDetails();
    if (decoded != null || lastBlock == null || lastBlockSeq != trailers.frameSeq()) {
      return decoded;
    }
    return trueBinary(lastBlock, STATUS_DETAILS);
  }

  /** A {@code -bin} field sent as true binary (NUL then raw bytes), or {@code null}. */
  public static byte[] trueBinary(HeaderBlock block, String name) {
    for (HeaderField field : block.fields()) {
      if (field.name().equals(name) && !field.value().isEmpty() && field.value().charAt(0) == '\0') {
        // HPACK fields are decoded as ISO-8859-1, one char per byte, so this gives the bytes back unchanged.
        return field.value().substring(1).getBytes(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }
}
