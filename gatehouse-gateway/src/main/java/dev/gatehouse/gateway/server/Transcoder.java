package dev.gatehouse.gateway.server;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import dev.gatehouse.core.binding.BindingOptions;
import dev.gatehouse.core.binding.RequestBinder;
import dev.gatehouse.core.descriptor.FieldPath;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.gateway.config.GatewayConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The gateway's use of the core's request binding and JSON printing, set up once per server and shared by every
 * connection (both are thread-safe).
 */
final class Transcoder {
  private final RequestBinder binder;
  private final ProtoJson json;
  private final ProtoJson streamJson;

  /**
   * @param streamJson prints the messages of streams, which must be compact (one line each) whatever the
   *     configuration says about pretty printing
   */
  Transcoder(ProtoJson json, ProtoJson streamJson, GatewayConfig config) {
    this.binder = new RequestBinder(json, BindingOptions.DEFAULTS.withStrictQuery(config.strictQuery()));
    this.json = json;
    this.streamJson = streamJson;
  }

  /** The request message for a matched route, from the JSON body, the path variables and the query. */
  byte[] bind(RouteMatch match, byte[] body, String rawQuery) {
    return binder.bind(match, body, rawQuery);
  }

  /** The response message as JSON: the whole message, or the route's {@code response_body} field. */
  byte[] toJson(Route route, byte[] message) {
    return toJson(json, route, message);
  }

  /** A message of a stream as compact JSON: the whole message, or the route's {@code response_body} field. */
  byte[] toStreamJson(Route route, byte[] message) {
    return toJson(streamJson, route, message);
  }

  private static byte[] toJson(ProtoJson json, Route route, byte[] message) {
    FieldPath responseBody = route.responseBody();
    if (responseBody == null) {
      return json.toJson(route.method().getOutputType(), message);
    }
    List<FieldDescriptor> fields = responseBody.fields();
    byte[] container = message;
    for (int i = 0; i < fields.size() - 1; i++) {
      container = submessage(container, fields.get(i).getNumber());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + message.length);
    try {
      json.fieldToJson(responseBody.leaf(), container, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The bytes of a singular message field, every occurrence concatenated, which protobuf reads as their merge; empty
   * when the field is absent.
   */
  private static byte[] submessage(byte[] message, int fieldNumber) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CodedInputStream in = CodedInputStream.newInstance(message);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (WireFormat.getTagFieldNumber(tag) == fieldNumber
            && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          out.writeBytes(in.readByteArray());
        } else {
          in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the backend's response is not a valid message", e);
    }
    return out.toByteArray();
  }
}
