package dev.gatehouse.lens.render;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.JsonOptions;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.protobuf.SchemalessProtobuf;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Renders gRPC messages and status details as JSON. Thread-safe and shared by every connection: core's {@link
 * ProtoJson} caches one plan per message type.
 *
 * <p>Messages are printed as JsonFormat prints them in compact form, leaving out fields that hold their default
 * (the lens shows what was sent). Without a descriptor set, or for a method the set does not know, a message is
 * decoded without a schema by the h2 module (field numbers as keys); bytes that are not protobuf at all are not
 * rendered and the output shows them in hex.
 */
public final class PayloadRenderer {

  private static final String STATUS_TYPE = "google.rpc.Status";

  private final ServiceCatalog catalog;
  private final boolean described;
  private final ProtoJson json;
  private final int maxInflatedBytes;

  private PayloadRenderer(ServiceCatalog catalog, boolean described, int maxInflatedBytes) {
    this.catalog = catalog;
    this.described = described;
    this.json = ProtoJson.create(catalog, JsonOptions.DEFAULT.withEmitUnpopulated(false));
    this.maxInflatedBytes = maxInflatedBytes;
  }

  /**
   * A renderer for the types of {@code catalog}, or, when it is {@code null}, only for status details (with the
   * {@code google.rpc} error details Gatehouse carries).
   *
   * @param maxInflatedBytes the most bytes a compressed message may inflate to before it is not rendered
   */
  public static PayloadRenderer create(ServiceCatalog catalog, int maxInflatedBytes) {
    if (maxInflatedBytes < 1) {
      throw new IllegalArgumentException("maxInflatedBytes: " + maxInflatedBytes + " (expected: >= 1)");
    }
    if (catalog == null) {
      return new PayloadRenderer(ServiceCatalog.of("built-in", FileDescriptorSet.getDefaultInstance()), false,
          maxInflatedBytes);
    }
    return new PayloadRenderer(catalog, true, maxInflatedBytes);
  }

  /** Whether a descriptor set was given. */
  public boolean described() {
    return described;
  }

  /**
   * One complete message of a call.
   *
   * @param method the call's {@code :path}, e.g. {@code /pkg.Service/Method}, or {@code null}
   * @param sender who sent it: the client sends the method's input type, the server its output type
   * @param compressed the message's compressed flag
   * @param encoding the sender's {@code grpc-encoding}, or {@code null}
   * @param data the message bytes
   */
  public Rendered message(String method, Direction sender, boolean compressed, String encoding, byte[] data) {
    String note = null;
    byte[] bytes = data;
    if (compressed) {
      if (!"gzip".equals(encoding)) {
        return Rendered.failed("compressed with " + (encoding == null ? "an unnamed encoding" : encoding));
      }
      try {
        bytes = gunzip(data);
      } catch (IOException e) {
        return Rendered.failed("gzip data does not inflate: " + e.getMessage());
      }
      if (bytes == null) {
        return Rendered.failed("inflates to more than " + maxInflatedBytes + " bytes");
      }
      note = "gzip, " + bytes.length + " bytes inflated";
    }
    Descriptor type = type(method, sender);
    if (type == null) {
      return schemaless(bytes, described ? "method not in the descriptor set" : "no descriptor set", note);
    }
    try {
      return new Rendered(new String(json.toJson(type, bytes), StandardCharsets.UTF_8), type.getFullName(), note);
    } catch (RuntimeException e) {
      // Bytes that do not parse as the type are shown by field number; the call itself will fail and tell why.
      return schemaless(bytes, "not a valid " + type.getFullName() + ": " + e.getMessage(), note);
    }
  }

  /** The h2 module's schema-less decoding (keys are field numbers), or no JSON when the bytes are not protobuf. */
  private static Rendered schemaless(byte[] bytes, String why, String note) {
    String fields = SchemalessProtobuf.toJson(bytes);
    String reason = why + ", decoded without a schema" + (note == null ? "" : "; " + note);
    return fields == null ? Rendered.failed(why + "; not a protobuf message") : new Rendered(fields, null, reason);
  }

  /** A {@code grpc-status-details-bin} value (a serialized {@code google.rpc.Status}) as JSON. */
  public Rendered statusDetails(byte[] data) {
    Descriptor type = catalog.findMessage(STATUS_TYPE);
    try {
      return new Rendered(new String(json.toJson(type, data), StandardCharsets.UTF_8), STATUS_TYPE, null);
    } catch (RuntimeException e) {
      return new Rendered(null, STATUS_TYPE, "not a valid " + STATUS_TYPE + ": " + e.getMessage());
    }
  }

  private Descriptor type(String method, Direction sender) {
    if (!described || method == null || method.length() < 2) {
      return null;
    }
    MethodDescriptor descriptor = catalog.findMethod(method.substring(1));
    if (descriptor == null) {
      return null;
    }
    return sender == Direction.CLIENT ? descriptor.getInputType() : descriptor.getOutputType();
  }

  /**
   * The inflated bytes of a gzip message, or {@code null} when they exceed the renderer's cap (a gzip bomb must not
   * fill the heap). The binary log shares it, to log messages uncompressed as gRPC does.
   *
   * @throws IOException when {@code data} is not gzip
   */
  public byte[] gunzip(byte[] data) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxInflatedBytes, data.length * 4 + 64));
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        if (out.size() + n > maxInflatedBytes) {
          return null;
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }
}
