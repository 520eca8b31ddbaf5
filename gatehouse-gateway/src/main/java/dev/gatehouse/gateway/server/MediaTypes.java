package dev.gatehouse.gateway.server;

import java.util.Locale;

/**
 * Just enough of media types for the gateway's content negotiation: is a {@code Content-Type} JSON, and which type
 * does an {@code Accept} header let the response have.
 */
final class MediaTypes {
  static final String APPLICATION_JSON = "application/json";

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
