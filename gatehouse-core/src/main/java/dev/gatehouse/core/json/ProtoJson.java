package dev.gatehouse.core.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proto3 JSON mapping between JSON bytes and protobuf wire bytes, for message types known at run time.
 *
 * <p>Create one per {@link ServiceCatalog} and {@link JsonOptions} and share it: it is thread-safe. The first use of
 * a message type compiles a plan for it (field names, numbers, wire types, print order), cached per descriptor; after
 * that a call is a single streaming pass with no reflection, no {@code DynamicMessage} and no JSON tree.
 *
 * <p>Output is JsonFormat's, byte for byte in compact form ({@code omittingInsignificantWhitespace()}), and in its
 * indented form when {@link JsonOptions#pretty()} is set. Input follows JsonFormat's parser with these deliberate
 * differences: a field given twice (also once by JSON name and once by proto name) is an error; a number is not
 * accepted for a string field; data after the top-level JSON value is an error; an empty document is the empty
 * message. Every input error is a {@link dev.gatehouse.core.status.StatusException} INVALID_ARGUMENT naming the JSON
 * path and what was expected; bytes that cannot be printed (malformed, an {@code Any} of an unknown type) raise an
 * INTERNAL one.
 */
public final class ProtoJson {
  private final ServiceCatalog catalog;
  private final JsonOptions options;
  private final JsonFactory jsonFactory;
  private final ConcurrentHashMap<Descriptor, MessagePlan> plans = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<EnumDescriptor, EnumPlan> enumPlans = new ConcurrentHashMap<>();

  private ProtoJson(ServiceCatalog catalog, JsonOptions options) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.options = requireNonNull(options, "options");
    JsonFactory factory = new JsonFactoryBuilder()
        .characterEscapes(new JsonFormatEscapes())
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        // With custom escapes Jackson would otherwise write a supplementary character as two escaped surrogates.
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .build();
    this.jsonFactory = factory;
  }

  /** A transcoder for the types of {@code catalog} (which also resolves {@code Any} type URLs). */
  public static ProtoJson create(ServiceCatalog catalog, JsonOptions options) {
    return new ProtoJson(catalog, options);
  }

  public JsonOptions options() {
    return options;
  }

  public ServiceCatalog catalog() {
    return catalog;
  }

  /** The JSON document {@code json} as the wire bytes of a {@code type} message. */
  public byte[] toProto(Descriptor type, byte[] json) {
    return toProto(type, json, 0, json.length);
  }

  /** The JSON document in {@code json[offset, offset + length)} as the wire bytes of a {@code type} message. */
  public byte[] toProto(Descriptor type, byte[] json, int offset, int length) {
    return new JsonToProto(this, json, offset, length).message(plan(type)).toByteArray();
  }

  /** Reads the whole stream (a request body is one document) and transcodes it. */
  public byte[] toProto(Descriptor type, InputStream json) throws IOException {
    return toProto(type, json.readAllBytes());
  }

  /** Transcodes {@code json} and writes the message's wire bytes (no length prefix) to {@code out}. */
  public void toProto(Descriptor type, byte[] json, CodedOutputStream out) throws IOException {
    WireWriter wire = new JsonToProto(this, json, 0, json.length).message(plan(type));
    out.writeRawBytes(wire.buffer(), 0, wire.position());
  }

  /**
   * One field's JSON value (a request body bound to that field: a message, scalar, array or object for a map) as
   * the field's wire encoding, tag included, ready to be appended to the bytes of the message holding it. JSON
   * {@code null} and an empty document give no bytes. Error paths start with the field's JSON name.
   */
  public byte[] fieldToProto(FieldDescriptor field, byte[] json) {
    FieldPlan plan = fieldPlan(field);
    return new JsonToProto(this, json, 0, json.length).field(plan).toByteArray();
  }

  /** The wire bytes of a {@code type} message as JSON. */
  public byte[] toJson(Descriptor type, byte[] proto) {
    ByteArrayBuilder out = new ByteArrayBuilder(Math.max(64, proto.length * 2));
    try {
      toJson(type, proto, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the wire bytes of a {@code type} message as JSON to {@code out}, which stays open. */
  public void toJson(Descriptor type, byte[] proto, OutputStream out) throws IOException {
    try (JsonGenerator generator = newGenerator(out)) {
      toJson(type, proto, 0, proto.length, generator);
    }
  }

  /**
   * Writes the wire bytes in {@code proto[offset, offset + length)} as one JSON value to {@code out}, which must come
   * from {@link #newGenerator} (its escaping is JsonFormat's). For a stream of messages on one generator.
   */
  public void toJson(Descriptor type, byte[] proto, int offset, int length, JsonGenerator out) throws IOException {
    new ProtoToJson(this, out).message(plan(type), proto, offset, offset + length);
  }

  /**
   * Writes the value of one field of the message in {@code message} (for a binding's {@code response_body}): the
   * field's JSON value without its name; an absent field prints its default ({@code []}, <code>{}</code>, zero, or an
   * empty message).
   */
  public void fieldToJson(FieldDescriptor field, byte[] message, OutputStream out) throws IOException {
    FieldPlan plan = fieldPlan(field);
    try (JsonGenerator generator = newGenerator(out)) {
      new ProtoToJson(this, generator).fieldValue(plan(field.getContainingType()), plan, message, 0, message.length);
    }
  }

  /** A generator writing UTF-8 to {@code out} with JsonFormat's escaping and, if set, its indented layout. */
  public JsonGenerator newGenerator(OutputStream out) throws IOException {
    JsonGenerator generator = jsonFactory.createGenerator(out);
    if (options.pretty()) {
      generator.setPrettyPrinter(new JsonFormatPrettyPrinter());
    }
    return generator;
  }

  private FieldPlan fieldPlan(FieldDescriptor field) {
    FieldPlan plan = plan(field.getContainingType()).fieldByNumber(field.getNumber());
    if (plan == null) {
      throw new IllegalArgumentException("field " + field.getFullName() + " (expected: a field of its message type)");
    }
    return plan;
  }

  MessagePlan plan(Descriptor type) {
    MessagePlan plan = plans.get(type);
    if (plan == null) {
      plan = plans.computeIfAbsent(type, t -> new MessagePlan(this, t, options));
    }
    return plan;
  }

  EnumPlan enumPlan(EnumDescriptor type) {
    EnumPlan plan = enumPlans.get(type);
    if (plan == null) {
      plan = enumPlans.computeIfAbsent(type, EnumPlan::new);
    }
    return plan;
  }

  JsonFactory jsonFactory() {
    return jsonFactory;
  }
}
