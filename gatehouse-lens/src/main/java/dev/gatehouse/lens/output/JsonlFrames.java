package dev.gatehouse.lens.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.frame.ContinuationFrame;
import dev.gatehouse.h2.frame.DataFrame;
import dev.gatehouse.h2.frame.GoAwayFrame;
import dev.gatehouse.h2.frame.HeadersFrame;
import dev.gatehouse.h2.frame.Http2Frame;
import dev.gatehouse.h2.frame.MalformedFrame;
import dev.gatehouse.h2.frame.PingFrame;
import dev.gatehouse.h2.frame.Priority;
import dev.gatehouse.h2.frame.PriorityFrame;
import dev.gatehouse.h2.frame.PushPromiseFrame;
import dev.gatehouse.h2.frame.RstStreamFrame;
import dev.gatehouse.h2.frame.Setting;
import dev.gatehouse.h2.frame.SettingsFrame;
import dev.gatehouse.h2.frame.UnknownFrame;
import dev.gatehouse.h2.frame.WindowUpdateFrame;
import dev.gatehouse.h2.hpack.HeaderBlock;
import dev.gatehouse.h2.hpack.HeaderField;
import dev.gatehouse.lens.render.Redaction;
import java.io.IOException;
import java.util.HexFormat;

/** The keys of a {@code frame} line in JSON Lines, per frame type. */
final class JsonlFrames {

  private JsonlFrames() {}

  static void write(JsonGenerator json, FrameEvent event, Redaction redaction) throws IOException {
    Http2Frame frame = event.frame();
    json.writeStringField("dir", event.direction().label());
    json.writeNumberField("seq", event.seq());
    json.writeStringField("type", frame instanceof UnknownFrame ? "UNKNOWN" : frame.type().name());
    if (frame instanceof UnknownFrame unknown) {
      json.writeNumberField("type_code", unknown.typeCode());
    }
    json.writeNumberField("stream", frame.streamId());
    json.writeArrayFieldStart("flags");
    for (String flag : frame.flags().names()) {
      json.writeString(flag);
    }
    json.writeEndArray();
    json.writeNumberField("length", frame.length());
    if (frame instanceof DataFrame data) {
      json.writeNumberField("data_length", data.dataLength());
      if (data.padLength() > 0) {
        json.writeNumberField("pad_length", data.padLength());
      }
    } else if (frame instanceof HeadersFrame headers) {
      if (headers.padLength() > 0) {
        json.writeNumberField("pad_length", headers.padLength());
      }
      if (headers.priority() != null) {
        priority(json, headers.priority());
      }
      headers(json, event.headerBlock(), redaction);
    } else if (frame instanceof ContinuationFrame) {
      headers(json, event.headerBlock(), redaction);
    } else if (frame instanceof PushPromiseFrame push) {
      json.writeNumberField("promised_stream", push.promisedStreamId());
      headers(json, event.headerBlock(), redaction);
    } else if (frame instanceof SettingsFrame settings) {
      json.writeBooleanField("ack", settings.ack());
      json.writeObjectFieldStart("settings");
      for (Setting setting : settings.settings()) {
        json.writeNumberField(setting.name(), setting.value());
      }
      json.writeEndObject();
    } else if (frame instanceof WindowUpdateFrame update) {
      json.writeNumberField("increment", update.increment());
    } else if (frame instanceof RstStreamFrame rst) {
      json.writeStringField("error_code", rst.errorCode().name());
    } else if (frame instanceof GoAwayFrame goAway) {
      json.writeStringField("error_code", goAway.errorCode().name());
      json.writeNumberField("last_stream", goAway.lastStreamId());
      json.writeStringField("debug", goAway.debugText());
    } else if (frame instanceof PingFrame ping) {
      json.writeStringField("opaque", ping.opaqueHex());
      json.writeBooleanField("ack", ping.ack());
    } else if (frame instanceof PriorityFrame priority) {
      priority(json, priority.priority());
    } else if (frame instanceof UnknownFrame unknown) {
      json.writeStringField("payload", HexFormat.of().formatHex(unknown.payload()));
    } else if (frame instanceof MalformedFrame malformed) {
      json.writeBooleanField("malformed", true);
      json.writeStringField("reason", malformed.reason());
    }
  }

  /**
   * {@code headers} as [[name, value], …] (empty while a block waits for CONTINUATION; values {@code redaction} names
   * hidden), and the block's sizes.
   */
  private static void headers(JsonGenerator json, HeaderBlock block, Redaction redaction) throws IOException {
    json.writeArrayFieldStart("headers");
    if (block != null) {
      for (HeaderField field : block.fields()) {
        json.writeStartArray();
        json.writeString(field.name());
        json.writeString(redaction.value(field.name(), field.value()));
        json.writeEndArray();
      }
    }
    json.writeEndArray();
    if (block == null) {
      return;
    }
    json.writeArrayFieldStart("hpack");
    for (HeaderField field : block.fields()) {
      json.writeString(field.representation().name() + (field.index() > 0 ? ":" + field.index() : "")
          + (field.nameHuffman() || field.valueHuffman() ? ":huffman" : ""));
    }
    json.writeEndArray();
    json.writeNumberField("header_list_size", block.headerListSize());
    json.writeNumberField("hpack_length", block.encodedLength());
    json.writeNumberField("table_size", block.tableSize());
    if (block.failed()) {
      json.writeStringField("hpack_error", block.error());
    }
  }

  private static void priority(JsonGenerator json, Priority priority) throws IOException {
    json.writeObjectFieldStart("priority");
    json.writeNumberField("dependency", priority.streamDependency());
    json.writeNumberField("weight", priority.weight());
    json.writeBooleanField("exclusive", priority.exclusive());
    json.writeEndObject();
  }
}
