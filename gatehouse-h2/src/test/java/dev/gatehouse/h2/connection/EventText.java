package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.frame.ErrorCode;
import dev.gatehouse.h2.frame.Flags;
import dev.gatehouse.h2.frame.Setting;
import dev.gatehouse.h2.grpc.GrpcStatus;
import dev.gatehouse.h2.hpack.HeaderBlock;
import dev.gatehouse.h2.hpack.HeaderField;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Renders events as one stable line each, for golden files and split-invariance checks. */
final class EventText {

  private EventText() {}

  static String render(Event event) {
    if (event instanceof FrameEvent) {
      FrameEvent frame = (FrameEvent) event;
      StringBuilder line = new StringBuilder();
      line.append("t=").append(frame.timeNanos()).append(" #").append(frame.seq()).append(' ')
          .append(frame.direction().label()).append(' ').append(value(frame.frame()));
      if (frame.headerBlock() != null) {
        line.append(" headers=").append(block(frame.headerBlock()));
      }
      return line.toString();
    }
    return value(event);
  }

  static List<String> renderAll(List<Event> events) {
    List<String> lines = new ArrayList<>(events.size());
    for (Event event : events) {
      lines.add(render(event));
    }
    return lines;
  }

  private static String block(HeaderBlock block) {
    StringBuilder out = new StringBuilder("[");
    for (HeaderField field : block.fields()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(field.name()).append(": ").append(field.value());
    }
    out.append("] size=").append(block.headerListSize());
    if (block.error() != null) {
      out.append(" error=").append(block.error());
    }
    return out.toString();
  }

  private static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof byte[]) {
      byte[] bytes = (byte[]) value;
      return "0x" + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32))
          + (bytes.length > 32 ? "…(" + bytes.length + ")" : "");
    }
    if (value instanceof ErrorCode || value instanceof GrpcStatus || value instanceof Setting
        || value instanceof Flags) {
      return value.toString();
    }
    if (value instanceof HeaderBlock) {
      return block((HeaderBlock) value);
    }
    if (value instanceof Record) {
      StringBuilder out = new StringBuilder(value.getClass().getSimpleName()).append('{');
      RecordComponent[] components = value.getClass().getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        if (i > 0) {
          out.append(", ");
        }
        try {
          out.append(components[i].getName()).append('=').append(value(components[i].getAccessor().invoke(value)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return out.append('}').toString();
    }
    if (value instanceof List) {
      List<String> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        items.add(value(item));
      }
      return items.toString();
    }
    return String.valueOf(value);
  }
}
