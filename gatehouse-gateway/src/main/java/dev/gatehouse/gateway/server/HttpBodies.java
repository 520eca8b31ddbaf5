package dev.gatehouse.gateway.server;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gatehouse.core.route.Route;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code google.api.HttpBody}, the message that carries a raw HTTP body of any media type: as a request body field
 * (an upload: the HTTP body becomes {@code data}, its {@code Content-Type} becomes {@code content_type}) and as a
 * whole response (a download, sent with its own content type).
 */
final class HttpBodies {
  private static final String HTTP_BODY = HttpBody.getDescriptor().getFullName();
  static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private HttpBodies() {
  }

  /** Whether the route's request body binds an {@code HttpBody}, so any media type is accepted as it is. */
  static boolean isRawRequest(Route route) {
    return switch (route.body().kind()) {
      case NONE -> false;
      case WHOLE_MESSAGE -> isHttpBody(route.method().getInputType());
      case FIELD -> {
        FieldDescriptor leaf = route.body().field().leaf();
        yield leaf.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !leaf.isRepeated()
            && isHttpBody(leaf.getMessageType());
      }
    };
  }

  /** Whether the route answers with the raw body of an {@code HttpBody} response. */
  static boolean isRawResponse(Route route) {
    return route.responseBody() == null && isHttpBody(route.method().getOutputType());
  }

  private static boolean isHttpBody(Descriptor type) {
    return type.getFullName().equals(HTTP_BODY);
  }

  /**
   * The request message's bytes for the body alone: the {@code HttpBody} encoded and nested under the body field's
   * path. The binder's bytes for the path and query are appended to these; protobuf merges the concatenation.
   */
  static byte[] encodeRequestBody(Route route, String contentType, byte[] body) {
    HttpBody.Builder httpBody = HttpBody.newBuilder().setData(ByteString.copyFrom(body));
    if (contentType != null) {
      httpBody.setContentType(contentType);
    }
    byte[] bytes = httpBody.build().toByteArray();
    if (route.body().kind() == Route.BodyRule.Kind.FIELD) {
      var fields = route.body().field().fields();
      for (int i = fields.size() - 1; i >= 0; i--) {
        bytes = nest(fields.get(i).getNumber(), bytes);
      }
    }
    return bytes;
  }

  private static byte[] nest(int fieldNumber, byte[] message) {
    byte[] nested = new byte[CodedOutputStream.computeByteArraySize(fieldNumber, message)];
    try {
      CodedOutputStream.newInstance(nested).writeByteArray(fieldNumber, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return nested;
  }

  /** The response {@code HttpBody}; throws when the backend's bytes are not one. */
  static HttpBody parseResponse(byte[] message) throws InvalidProtocolBufferException {
    return HttpBody.parseFrom(message);
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
