package dev.gatehouse.gateway.server;

import dev.gatehouse.gateway.stream.StreamFraming;
import java.util.Locale;

/**
 * Just enough of media types for the gateway's content negotiation: is a {@code Content-Type} JSON, and which type
 * does an {@code Accept} header let the response have.
 */
final class MediaTypes {
  static final String APPLICATION_JSON = "application/json";
  static final String APPLICATION_NDJSON = "application/x-ndjson";
  static final String TEXT_EVENT_STREAM = "text/event-stream";

  private MediaTypes() {
  }

  /** Whether a request's {@code Content-Type} is JSON: {@code application/json} or any {@code +json} type. */
  static boolean isJson(String contentType) {
    String type = essence(contentType);
    return type.equals(APPLICATION_JSON) || type.endsWith("+json");
  }

  /**
   * The JSON type to answer with: {@code application/json} when the client takes it (no {@code Accept}, a wildcard,
   * or the type itself), else the first {@code +json} type it names, else {@code null} (406).
   */
  static String negotiateJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return APPLICATION_JSON;
    }
    if (accepts(accept, APPLICATION_JSON)) {
      return APPLICATION_JSON;
    }
    for (String range : accept.split(",")) {
      String type = essence(range);
      if (type.endsWith("+json") && quality(range) > 0) {
        return type;
      }
    }
    return null;
  }

  /**
   * How to lay out a server stream for an {@code Accept} header, or {@code null} (406) when it takes none of them:
   * Server-Sent Events for {@code text/event-stream}; one JSON array for {@code application/json; stream=array};
   * newline-delimited JSON typed {@code application/x-ndjson} when that type is named; else newline-delimited JSON
   * typed as the negotiated JSON type ({@code application/json}, as grpc-gateway does).
   */
  static StreamFormat negotiateStream(String accept) {
    if (accept != null) {
      for (String range : accept.split(",")) {
        String type = essence(range);
        if (quality(range) <= 0) {
          continue;
        }
        if (type.equals(TEXT_EVENT_STREAM)) {
          return new StreamFormat(StreamFraming.SSE, TEXT_EVENT_STREAM);
        }
        if (type.equals(APPLICATION_JSON) && parameter(range, "stream").equalsIgnoreCase("array")) {
          return new StreamFormat(StreamFraming.JSON_ARRAY, APPLICATION_JSON);
        }
        if (type.equals(APPLICATION_NDJSON)) {
          return new StreamFormat(StreamFraming.NDJSON, APPLICATION_NDJSON);
        }
      }
    }
    String json = negotiateJson(accept);
    return json == null ? null : new StreamFormat(StreamFraming.NDJSON, json);
  }

  /** The value of a media range's parameter, unquoted, or "" when absent. */
  private static String parameter(String range, String name) {
    String[] parts = range.split(";");
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int equals = parameter.indexOf('=');
      if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase(name)) {
        String value = parameter.substring(equals + 1).trim();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1) : value;
      }
    }
    return "";
  }

  /** Whether an {@code Accept} header lets the response have {@code contentType}. */
  static boolean accepts(String accept, String contentType) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String type = essence(contentType);
    int slash = type.indexOf('/');
    String major = slash < 0 ? type : type.substring(0, slash);
    for (String range : accept.split(",")) {
      String candidate = essence(range);
      boolean matches = candidate.equals("*/*") || candidate.equals(type)
          || (candidate.endsWith("/*") && candidate.substring(0, candidate.length() - 2).equals(major));
      if (matches && quality(range) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The type without parameters, lower case: {@code application/json} for {@code Application/JSON; charset=utf-8}. */
  static String essence(String mediaType) {
    if (mediaType == null) {
      return "";
    }
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** The {@code q} parameter of an Accept range, 1 when absent or unreadable. */
  private static double quality(String range) {
    String[] parts = range.split(";");
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
        try {
          return Double.parseDouble(parameter.substring(2).trim());
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }
}
