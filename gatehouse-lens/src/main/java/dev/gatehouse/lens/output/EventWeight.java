package dev.gatehouse.lens.output;

import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.MessageEvent;

/**
 * What an event's line may cost a {@link QueuedLineWriter}'s queue before it is formatted: a message's line grows
 * with its bytes (JSON or base64 of them), any other line is short.
 */
final class EventWeight {

  private static final long LINE = 512;
  /** The most a message line holds per message byte (JSON of a protobuf message, base64, hex), roughly. */
  private static final long PER_MESSAGE_BYTE = 3;

  private EventWeight() {}

  static long of(Event event) {
    if (event instanceof MessageEvent message) {
      return LINE + PER_MESSAGE_BYTE * Math.max(0, message.receivedLength());
    }
    return LINE;
  }
}
