package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A listener that keeps every event. */
final class Recorder implements ConnectionListener {

  final List<Event> events = new ArrayList<>();

  @Override
  public void onEvent(Event event) {
    events.add(event);
  }

  List<String> lines() {
    return EventText.renderAll(events);
  }

  <T extends Event> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /** Decodes a whole conversation, one segment per onBytes call, then ends it. */
  static Recorder decode(List<Http2Traffic.Segment> segments, long endNanos) {
    return decode(segments, endNanos, DecoderOptions.defaults());
  }

  static Recorder decode(List<Http2Traffic.Segment> segments, long endNanos, DecoderOptions options) {
    Recorder recorder = new Recorder();
    ConnectionDecoder decoder = new ConnectionDecoder(recorder, options);
    for (Http2Traffic.Segment segment : segments) {
      decoder.onBytes(segment.direction(), segment.bytes(), segment.timeNanos());
    }
    decoder.onEnd(endNanos);
    return recorder;
  }
}
