package dev.gatehouse.testing.peer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one JSON line a peer's client prints after a scenario; every peer writes the same keys.
 *
 * @param peer the client's language: {@code go}, {@code python}, {@code node} or {@code java}
 * @param scenario the scenario's wire name
 * @param ok whether the outcome was the expected one
 * @param code the call's gRPC status code (0 for OK)
 * @param message the status message
 * @param count messages received (books, replies, {@code created})
 * @param details type names of the {@code google.rpc.Status} details, in order
 * @param reason the {@code google.rpc.ErrorInfo} reason, or empty
 * @param server the server's language as it told it ({@code x-peer} header or a chat reply's {@code from}), or empty
 * @param headers the response header metadata whose keys start with {@code x-}
 * @param trailers the trailer metadata whose keys start with {@code x-}
 * @param problem why the outcome was not the expected one, or empty
 */
public record ScenarioReport(
    String peer,
    String scenario,
    boolean ok,
    int code,
    String message,
    int count,
    List<String> details,
    String reason,
    String server,
    Map<String, String> headers,
    Map<String, String> trailers,
    String problem) {

  private static final JsonFactory JSON = new JsonFactory();

  /** Validates and copies the collections. */
  public ScenarioReport {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(problem, "problem");
    details = List.copyOf(details);
    headers = Map.copyOf(headers);
    trailers = Map.copyOf(trailers);
  }

  /** The report as the peers print it: one line of JSON. */
  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("peer", peer);
      json.writeStringField("scenario", scenario);
      json.writeBooleanField("ok", ok);
      json.writeNumberField("code", code);
      json.writeStringField("message", message);
      json.writeNumberField("count", count);
      json.writeArrayFieldStart("details");
      for (String detail : details) {
        json.writeString(detail);
      }
      json.writeEndArray();
      json.writeStringField("reason", reason);
      json.writeStringField("server", server);
      writeMap(json, "headers", headers);
      writeMap(json, "trailers", trailers);
      json.writeStringField("problem", problem);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeMap(JsonGenerator json, String name, Map<String, String> map) throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  /**
   * Reads a line a peer printed. Unknown keys are ignored, missing ones take their empty value.
   *
   * @throws IllegalArgumentException when the line is not a JSON object
   */
  public static ScenarioReport parse(String line) {
    Map<String, Object> fields = new LinkedHashMap<>();
    try (JsonParser json = JSON.createParser(line)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("report: " + line + " (expected: a JSON object)");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (value == JsonToken.START_ARRAY) {
          List<String> items = new ArrayList<>();
          while (json.nextToken() != JsonToken.END_ARRAY) {
            items.add(json.getValueAsString());
          }
          fields.put(name, items);
        } else if (value == JsonToken.START_OBJECT) {
          Map<String, String> entries = new LinkedHashMap<>();
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            entries.put(key, json.getValueAsString());
          }
          fields.put(name, entries);
        } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
          fields.put(name, json.getBooleanValue());
        } else if (value == JsonToken.VALUE_NUMBER_INT) {
          fields.put(name, json.getIntValue());
        } else {
          fields.put(name, json.getValueAsString(""));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("report: " + line + " (expected: a JSON object): " + e.getMessage(), e);
    }
    return new ScenarioReport(
        string(fields, "peer"),
        string(fields, "scenario"),
        Boolean.TRUE.equals(fields.get("ok")),
        fields.get("code") instanceof Integer code ? code : -1,
        string(fields, "message"),
        fields.get("count") instanceof Integer count ? count : 0,
        fields.get("details") instanceof List<?> list ? strings(list) : List.of(),
        string(fields, "reason"),
        string(fields, "server"),
        fields.get("headers") instanceof Map<?, ?> map ? strings(map) : Map.of(),
        fields.get("trailers") instanceof Map<?, ?> map ? strings(map) : Map.of(),
        string(fields, "problem"));
  }

  private static String string(Map<String, Object> fields, String name) {
    return fields.get(name) instanceof String value ? value : "";
  }

  private static List<String> strings(List<?> list) {
    List<String> strings = new ArrayList<>();
    for (Object item : list) {
      strings.add(String.valueOf(item));
    }
    return strings;
  }

  private static Map<String, String> strings(Map<?, ?> map) {
    Map<String, String> strings = new LinkedHashMap<>();
    map.forEach((key, value) -> strings.put(String.valueOf(key), String.valueOf(value)));
    return strings;
  }
}
