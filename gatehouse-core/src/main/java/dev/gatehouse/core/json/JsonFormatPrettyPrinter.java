package dev.gatehouse.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * JsonFormat's default layout: each object field on its own line indented by two spaces per object level, arrays on
 * one line with {@code ", "} between elements, {@code ": "} after names, and an empty object as <code>{\n}</code>.
 * Holds the current depth, so one instance serves one generator.
 */
final class JsonFormatPrettyPrinter implements PrettyPrinter {
  private int depth;

  private void newLineAndIndent(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
    for (int i = 0; i < depth; i++) {
      g.writeRaw("  ");
    }
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    depth++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    newLineAndIndent(g);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    newLineAndIndent(g);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    depth--;
    // An empty object still breaks its line: "{" newline "}".
    newLineAndIndent(g);
    g.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) {
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(", ");
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    g.writeRaw(']');
  }
}
