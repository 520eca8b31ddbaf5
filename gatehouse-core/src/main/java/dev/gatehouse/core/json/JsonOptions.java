package dev.gatehouse.core.json;

/**
 * How {@link ProtoJson} prints and parses. The defaults are grpc-gateway's: unpopulated fields printed, lowerCamelCase
 * names, enum names, compact output, unknown fields ignored on input.
 *
 * @param emitUnpopulated print fields without presence even when they hold their default ({@code 0}, {@code ""},
 *     {@code []}, {@code {}}), as JsonFormat's {@code alwaysPrintFieldsWithNoPresence()}; unset message fields, oneof
 *     members and proto3 {@code optional} fields are still left out, as JsonFormat does
 * @param useProtoNames print proto field names ({@code page_count}) instead of JSON names ({@code pageCount}); input
 *     accepts both whatever this says
 * @param enumsAsNumbers print enum values as numbers instead of names
 * @param strict reject unknown fields and unknown enum names on input instead of skipping them
 * @param pretty print with line breaks and two-space indents, as JsonFormat's default printer does
 */
public record JsonOptions(boolean emitUnpopulated, boolean useProtoNames, boolean enumsAsNumbers, boolean strict,
    boolean pretty) {

  /** grpc-gateway's defaults. */
  public static final JsonOptions DEFAULT = new JsonOptions(true, false, false, false, false);

  public JsonOptions withEmitUnpopulated(boolean value) {
    return new JsonOptions(value, useProtoNames, enumsAsNumbers, strict, pretty);
  }

  public JsonOptions withUseProtoNames(boolean value) {
    return new JsonOptions(emitUnpopulated, value, enumsAsNumbers, strict, pretty);
  }

  public JsonOptions withEnumsAsNumbers(boolean value) {
    return new JsonOptions(emitUnpopulated, useProtoNames, value, strict, pretty);
  }

  public JsonOptions withStrict(boolean value) {
    return new JsonOptions(emitUnpopulated, useProtoNames, enumsAsNumbers, value, pretty);
  }

  public JsonOptions withPretty(boolean value) {
    return new JsonOptions(emitUnpopulated, useProtoNames, enumsAsNumbers, strict, value);
  }
}
