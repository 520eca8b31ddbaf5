package dev.gatehouse.lens.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.CallStartEvent;
import dev.gatehouse.h2.event.ConnectionEndEvent;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.event.PingEvent;
import dev.gatehouse.h2.event.PrefaceEvent;
import dev.gatehouse.h2.event.ProtocolMismatchEvent;
import dev.gatehouse.h2.event.ResponseHeadersEvent;
import dev.gatehouse.h2.event.SettingsAckEvent;
import dev.gatehouse.h2.event.StallEndEvent;
import dev.gatehouse.h2.event.StallStartEvent;
import dev.gatehouse.h2.event.StreamStateEvent;
import dev.gatehouse.h2.event.TrailersEvent;
import dev.gatehouse.h2.event.ViolationEvent;
import dev.gatehouse.h2.event.WindowEvent;
import dev.gatehouse.h2.frame.Setting;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.render.CallTracker;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import dev.gatehouse.lens.render.Rendered;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The JSON Lines output: one JSON object per event and per finding. Every line has {@code event}, {@code time}
 * (RFC 3339, UTC, microseconds) and {@code conn}; the other keys per event are the contract of issue 5, documented in
 * {@code docs/lens-format.md}. Written with Jackson's streaming generator, one line per call to the sink.
 */
public final class JsonlOutput extends LineOutput {

  /** Message JSON longer than this is left out ({@code json_omitted} says so): one line must stay writable. */
  static final int MAX_JSON_CHARS = 1 << 20;

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private static final JsonFactory JSON = new JsonFactory();

  /** Writes to {@code sink}, rendering messages with {@code renderer}, secrets hidden by default. */
  public JsonlOutput(LineSink sink, PayloadRenderer renderer) {
    this(sink, renderer, Redaction.DEFAULT);
  }

  /** Writes to {@code sink}, rendering messages with {@code renderer}, hiding the values {@code redaction} names. */
  public JsonlOutput(LineSink sink, PayloadRenderer renderer, Redaction redaction) {
    super(sink, renderer, redaction);
  }

  @Override
  String opened(LensConnection connection) {
    return line(connection, "open", connection.openedNanos(), json -> {
      json.writeStringField("client", connection.client());
      json.writeStringField("upstream", connection.upstream());
    });
  }

  @Override
  public void onFinding(LensConnection connection, Finding finding) {
    sink.write(line(connection, "finding", finding.timeNanos(), json -> {
      json.writeStringField("severity", finding.severity().label());
      json.writeStringField("code", finding.code().name());
      json.writeNumberField("stream", finding.streamId());
      json.writeStringField("text", finding.text());
      json.writeArrayFieldStart("evidence");
      for (long seq : finding.evidence()) {
        json.writeNumber(seq);
      }
      json.writeEndArray();
      if (!finding.fix().isEmpty()) {
        json.writeStringField("fix", finding.fix());
      }
    }));
  }

  /** {@code {"event":"dropped","count":n}}, at the time of closing. */
  @Override
  String dropped(long count) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("event", "dropped");
      json.writeStringField("time", TIME.format(Instant.now()));
      json.writeNumberField("conn", 0);
      json.writeNumberField("count", count);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The line for one event, or {@code null} for none. */
  @Override
  String format(LensConnection connection, Event event, CallTracker calls) {
    long time = event.timeNanos();
    if (event instanceof FrameEvent frame) {
      return line(connection, "frame", time, json -> JsonlFrames.write(json, frame, redaction));
    }
    if (event instanceof PrefaceEvent preface) {
      return line(connection, "preface", time, json -> json.writeStringField("dir", preface.direction().label()));
    }
    if (event instanceof ProtocolMismatchEvent mismatch) {
      return line(connection, "mismatch", time, json -> {
        json.writeStringField("dir", mismatch.direction().label());
        json.writeStringField("kind", mismatch.kind().name());
        json.writeStringField("excerpt", mismatch.excerpt());
      });
    }
    if (event instanceof StreamStateEvent state) {
      return line(connection, "state", time, json -> {
        json.writeNumberField("stream", state.streamId());
        json.writeStringField("from", state.from().label());
        json.writeStringField("to", state.to().label());
        json.writeStringField("cause", state.cause());
        json.writeStringField("dir", state.direction().label());
        json.writeNumberField("seq", state.causeSeq());
      });
    }
    if (event instanceof SettingsAckEvent ack) {
      return line(connection, "settings_ack", time, json -> {
        json.writeStringField("dir", ack.direction().label());
        json.writeNumberField("settings_seq", ack.settingsSeq());
        json.writeNumberField("seq", ack.ackSeq());
        json.writeNumberField("rtt_ms", ack.rttNanos() / 1e6);
        json.writeObjectFieldStart("settings");
        for (Setting setting : ack.settings()) {
          json.writeNumberField(setting.name(), setting.value());
        }
        json.writeEndObject();
      });
    }
    if (event instanceof PingEvent ping) {
      return line(connection, "ping", time, json -> {
        json.writeStringField("dir", ping.direction().label());
        json.writeNumberField("seq", ping.seq());
        json.writeBooleanField("ack", ping.ack());
        json.writeStringField("opaque", String.format("%016x", ping.opaqueData()));
        json.writeStringField("kind", ping.kind().name());
        json.writeStringField("fingerprint", ping.fingerprint());
        if (ping.ack() && ping.pingSeq() > 0) {
          json.writeNumberField("ping_seq", ping.pingSeq());
          json.writeNumberField("rtt_ms", ping.rttNanos() / 1e6);
        }
      });
    }
    if (event instanceof WindowEvent window) {
      return line(connection, "window", time, json -> {
        json.writeStringField("data_sender", window.dataSender().label());
        json.writeNumberField("stream", window.streamId());
        json.writeNumberField("before", window.before());
        json.writeNumberField("after", window.after());
        json.writeStringField("cause", window.cause().name());
        json.writeNumberField("seq", window.frameSeq());
      });
    }
    if (event instanceof StallStartEvent stall) {
      return line(connection, "stall_start", time, json -> {
        json.writeStringField("data_sender", stall.dataSender().label());
        json.writeNumberField("stream", stall.streamId());
        json.writeNumberField("window", stall.window());
        json.writeNumberField("seq", stall.frameSeq());
      });
    }
    if (event instanceof StallEndEvent stall) {
      return line(connection, "stall_end", time, json -> {
        json.writeStringField("data_sender", stall.dataSender().label());
        json.writeNumberField("stream", stall.streamId());
        json.writeNumberField("duration_ms", stall.durationNanos() / 1e6);
        json.writeNumberField("window", stall.window());
        json.writeStringField("reason", stall.reason());
        json.writeNumberField("seq", stall.frameSeq());
      });
    }
    if (event instanceof ViolationEvent violation) {
      return line(connection, "violation", time, json -> {
        json.writeStringField("dir", violation.offender().label());
        json.writeNumberField("stream", violation.streamId());
        json.writeNumberField("seq", violation.frameSeq());
        json.writeStringField("kind", violation.kind().name());
        json.writeBooleanField("tolerated", violation.kind().tolerated());
        json.writeStringField("text", violation.text());
      });
    }
    if (event instanceof CallStartEvent start) {
      return line(connection, "call_start", time, json -> JsonlCalls.start(json, connection, start, redaction));
    }
    if (event instanceof ResponseHeadersEvent response) {
      return line(connection, "response_headers", time, json -> JsonlCalls.response(json, response, redaction));
    }
    if (event instanceof MessageEvent message) {
      return line(connection, "message", time, json -> message(json, message, calls));
    }
    if (event instanceof TrailersEvent trailers) {
      byte[] details = trailers.statusDetails();
      return line(connection, "trailers", time, json -> JsonlCalls.trailers(json, trailers, details, renderer,
          redaction));
    }
    if (event instanceof CallEndEvent end) {
      return line(connection, "call", time, json -> JsonlCalls.end(json, end, calls.timeout(end.streamId())));
    }
    if (event instanceof ConnectionEndEvent end) {
      return line(connection, "connection_end", time, json -> {
        json.writeStringField("closed_by", end.closedBy() == null ? null : end.closedBy().label());
        json.writeBooleanField("client_goaway", end.clientGoAway());
        json.writeBooleanField("server_goaway", end.serverGoAway());
        json.writeNumberField("frames", end.frames());
        json.writeNumberField("client_bytes", end.clientBytes());
        json.writeNumberField("server_bytes", end.serverBytes());
      });
    }
    return null;
  }

  private void message(JsonGenerator json, MessageEvent message, CallTracker calls) throws IOException {
    json.writeNumberField("stream", message.streamId());
    json.writeStringField("dir", message.direction().label());
    json.writeStringField("method", message.method());
    json.writeNumberField("index", message.index());
    json.writeNumberField("length", message.declaredLength());
    json.writeNumberField("received", message.receivedLength());
    json.writeBooleanField("compressed", message.compressed());
    if (message.cut() != null) {
      json.writeStringField("cut", message.cut().name());
      return;
    }
    if (message.dataTruncated()) {
      json.writeStringField("json_omitted", "larger than the decoder keeps");
      return;
    }
    byte[] data = message.data();
    Rendered rendered = renderer.message(message.method(), message.direction(), message.compressed(),
        calls.encoding(message.direction(), message.streamId()), data);
    if (rendered.type() != null) {
      json.writeStringField("type", rendered.type());
    }
    if (rendered.note() != null) {
      json.writeStringField("note", rendered.note());
    }
    if (rendered.json() != null && rendered.json().length() <= MAX_JSON_CHARS) {
      json.writeFieldName("json");
      json.writeRawValue(rendered.json());
    } else if (rendered.json() != null) {
      json.writeStringField("json_omitted", rendered.json().length() + " characters of JSON");
    } else if (data.length <= MAX_JSON_CHARS / 2) {
      json.writeStringField("base64", Base64.getEncoder().encodeToString(data));
    }
  }

  /** Writes the event's own keys after the common ones. */
  @FunctionalInterface
  interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  static String line(LensConnection connection, String event, long timeNanos, Fields fields) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("event", event);
      json.writeStringField("time", TIME.format(connection.wallTime(timeNanos)));
      json.writeNumberField("conn", connection.id());
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
