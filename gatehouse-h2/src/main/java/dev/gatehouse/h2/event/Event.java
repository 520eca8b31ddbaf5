package dev.gatehouse.h2.event;

/**
 * Something the decoder saw on a connection. Every event carries the time (nanoseconds, from the caller's clock) of
 * the bytes that completed it. Frame-caused events carry the per-connection sequence number of their frame
 * ({@link FrameEvent#seq()}), so findings can cite evidence frames.
 */
public sealed interface Event
    permits PrefaceEvent, ProtocolMismatchEvent, FrameEvent, SettingsAckEvent, PingEvent, StreamStateEvent,
        ViolationEvent, WindowEvent, StallStartEvent, StallEndEvent, CallStartEvent, ResponseHeadersEvent,
        MessageEvent, TrailersEvent, CallEndEvent, ConnectionEndEvent {

  /** When the bytes that completed this event arrived, in the caller's nanoseconds. */
  long timeNanos();
}
