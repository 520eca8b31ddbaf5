package dev.gatehouse.lens.render;

/**
 * A payload rendered for output.
 *
 * @param json the JSON text, or {@code null} when the payload could not be rendered
 * @param type the protobuf message type used, e.g. {@code gatehouse.testing.v1.Shelf}, or {@code null}
 * @param note why {@code json} is missing or how it was made (e.g. {@code gzip}), or {@code null}
 */
public record Rendered(String json, String type, String note) {

  static Rendered failed(String note) {
    return new Rendered(null, null, note);
  }
}
