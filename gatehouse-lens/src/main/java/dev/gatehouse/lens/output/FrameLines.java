package dev.gatehouse.lens.output;

import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.frame.DataFrame;
import dev.gatehouse.h2.frame.ErrorCode;
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
import java.util.HexFormat;
import java.util.Locale;

/**
 * One frame in the text format: the frame line in {@code nghttp -v}'s shape, then its annotation lines (flags,
 * frame-specific attributes, decoded header fields), indented under it.
 */
final class FrameLines {

  /** The most payload bytes of an unknown frame shown in hex. */
  private static final int MAX_HEX_BYTES = 32;

  private FrameLines() {}

  /**
   * Appends the frame line (after the caller's time and connection prefix) and its annotations, with the header
   * values {@code redaction} names hidden.
   */
  static void append(StringBuilder out, String indent, FrameEvent event, Redaction redaction) {
    Http2Frame frame = event.frame();
    out.append(TextOutput.arrow(event.direction())).append(" #").append(event.seq()).append(' ')
        .append(typeName(frame)).append(" frame <length=").append(frame.length())
        .append(", flags=0x").append(String.format("%02x", frame.flags().raw()))
        .append(", stream_id=").append(frame.streamId()).append('>');
    if (!frame.flags().names().isEmpty()) {
      out.append('\n').append(indent).append("; ").append(String.join(" | ", frame.flags().names()));
    }
    String attributes = attributes(frame);
    if (attributes != null) {
      out.append('\n').append(indent).append(attributes);
    }
    if (frame instanceof SettingsFrame settings) {
      for (Setting setting : settings.settings()) {
        out.append('\n').append(indent).append('[').append(setting.name())
            .append(String.format("(0x%02x)", setting.id())).append(':').append(setting.value()).append(']');
      }
    }
    HeaderBlock block = event.headerBlock();
    if (block != null) {
      for (HeaderField field : block.fields()) {
        out.append('\n').append(indent).append(field.name()).append(": ")
            .append(redaction.value(field.name(), field.value()));
      }
      out.append('\n').append(indent).append("(header list ").append(block.headerListSize())
          .append(" bytes from ").append(block.encodedLength()).append(" HPACK bytes; dynamic table ")
          .append(block.tableEntries()).append(" entries, ").append(block.tableSize()).append(" bytes)");
      if (block.failed()) {
        out.append('\n').append(indent).append("; HPACK error: ").append(block.error());
      }
    }
  }

  static String typeName(Http2Frame frame) {
    if (frame instanceof UnknownFrame unknown) {
      return String.format("UNKNOWN(0x%02x)", unknown.typeCode());
    }
    return frame.type().name();
  }

  private static String attributes(Http2Frame frame) {
    if (frame instanceof DataFrame data) {
      return data.flags().has(0x8) ? "(padlen=" + data.padLength() + ")" : null;
    }
    if (frame instanceof HeadersFrame headers) {
      StringBuilder text = new StringBuilder();
      if (headers.flags().has(0x8)) {
        text.append("padlen=").append(headers.padLength());
      }
      if (headers.priority() != null) {
        text.append(text.length() == 0 ? "" : ", ").append(priority(headers.priority()));
      }
      return text.length() == 0 ? null : "(" + text + ")";
    }
    if (frame instanceof PriorityFrame priority) {
      return "(" + priority(priority.priority()) + ")";
    }
    if (frame instanceof RstStreamFrame rst) {
      return "(error_code=" + code(rst.errorCode()) + ")";
    }
    if (frame instanceof SettingsFrame settings) {
      return "(niv=" + settings.settings().size() + ")";
    }
    if (frame instanceof PushPromiseFrame push) {
      return "(promised_stream_id=" + push.promisedStreamId() + ")";
    }
    if (frame instanceof PingFrame ping) {
      return "(opaque_data=" + ping.opaqueHex() + ")";
    }
    if (frame instanceof GoAwayFrame goAway) {
      return "(last_stream_id=" + goAway.lastStreamId() + ", error_code=" + code(goAway.errorCode())
          + ", opaque_data(" + goAway.debugData().length + ")=[" + goAway.debugText() + "])";
    }
    if (frame instanceof WindowUpdateFrame update) {
      return "(window_size_increment=" + update.increment() + ")";
    }
    if (frame instanceof UnknownFrame unknown) {
      byte[] payload = unknown.payload();
      int shown = Math.min(payload.length, MAX_HEX_BYTES);
      return "(payload=" + HexFormat.of().formatHex(payload, 0, shown)
          + (unknown.length() > shown ? "…" : "") + ")";
    }
    if (frame instanceof MalformedFrame malformed) {
      return "; malformed: " + malformed.reason();
    }
    return null;
  }

  private static String priority(Priority priority) {
    return "dep_stream_id=" + priority.streamDependency() + ", weight=" + priority.weight() + ", exclusive="
        + (priority.exclusive() ? 1 : 0);
  }

  private static String code(ErrorCode code) {
    return code.name() + String.format(Locale.ROOT, "(0x%02x)", code.code());
  }
}
