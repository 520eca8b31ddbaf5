package dev.gatehouse.core.status;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gatehouse.core.json.ProtoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders a {@code google.rpc.Status} as the JSON error body every client sees:
 * <code>{"code":5,"message":"not found","details":[…]}</code>, with all three fields always present and each detail
 * printed as JSON with {@code "@type"} by the {@link ProtoJson} given (any type of its catalog, and the
 * {@code google.rpc} error details always).
 *
 * <p>A detail that cannot be printed — its type is in no descriptor the gateway has, or its bytes are malformed —
 * does not spoil the body, unlike grpc-gateway (which answers a generic 500 then): it is rendered raw as
 * <code>{"@type":"…","value":"&lt;base64 of the packed bytes&gt;"}</code>. Thread-safe.
 */
public final class ErrorBody {
  private static final byte[] NO_BYTES = new byte[0];

  private final ProtoJson json;

  public ErrorBody(ProtoJson json) {
    this.json = requireNonNull(json, "json");
  }

  /** The body of a status given by its parts. */
  public byte[] render(int code, String message, List<Any> details) {
    ByteArrayBuilder out = new ByteArrayBuilder(128);
    try (JsonGenerator generator = json.newGenerator(out)) {
      generator.writeStartObject();
      generator.writeNumberField("code", code);
      generator.writeStringField("message", message == null ? "" : message);
      generator.writeFieldName("details");
      generator.writeStartArray();
      for (Any detail : details) {
        writeDetail(generator, detail);
      }
      generator.writeEndArray();
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The body of a {@code google.rpc.Status}. */
  public byte[] render(com.google.rpc.Status status) {
    return render(status.getCode(), status.getMessage(), status.getDetailsList());
  }

  /** The body of an error raised inside the gateway. */
  public byte[] render(StatusException error) {
    return render(error.code().value(), error.getMessage(), error.details());
  }

  /**
   * The body of a backend's error from its trailers: the serialized {@code google.rpc.Status} of
   * {@code grpc-status-details-bin} when it parses, else {@code grpc-status} and {@code grpc-message} without details.
   */
  public byte[] render(int code, String message, byte[] statusDetailsBin) {
    if (statusDetailsBin != null && statusDetailsBin.length > 0) {
      try {
        return render(com.google.rpc.Status.parseFrom(statusDetailsBin));
      } catch (InvalidProtocolBufferException e) {
        // A garbled trailer must not hide the error itself.
      }
    }
    return render(code, message, List.of());
  }

  private void writeDetail(JsonGenerator generator, Any detail) throws IOException {
    byte[] bytes = detail.toByteArray();
    try {
      // Printed once aside first: a failure half-way must not leave half a detail in the body.
      json.toJson(Any.getDescriptor(), bytes);
    } catch (StatusException | IllegalArgumentException unprintable) {
      generator.writeStartObject();
      generator.writeStringField("@type", detail.getTypeUrl());
      generator.writeFieldName("value");
      byte[] value = detail.getValue().isEmpty() ? NO_BYTES : detail.getValue().toByteArray();
      generator.writeBinary(value);
      generator.writeEndObject();
      return;
    }
    json.toJson(Any.getDescriptor(), bytes, 0, bytes.length, generator);
  }
}
