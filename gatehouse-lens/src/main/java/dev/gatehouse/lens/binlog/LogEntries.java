package dev.gatehouse.lens.binlog;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import dev.gatehouse.lens.render.Redaction;
import io.grpc.binarylog.v1.Address;
import io.grpc.binarylog.v1.Metadata;
import io.grpc.binarylog.v1.MetadataEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Conversions from what the decoder reports to the binary log's messages. */
final class LogEntries {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final String TRACE_BIN = "grpc-trace-bin";

  private LogEntries() {}

  /**
   * The metadata as gRFC A16 logs it: every entry but the gRPC-internal {@code grpc-*} keys (except
   * {@code grpc-trace-bin}); pseudo-headers and transport keys ({@code content-type}, {@code te},
   * {@code user-agent}, …) never reach here, the decoder keeps them out of metadata. Values are bytes: {@code -bin}
   * values decoded (from base64, or from gRPC C-core's "true binary" form), the others as sent; a value
   * {@code redaction} hides is logged as its redacted text (UTF-8), so the log leaks no more than the other outputs.
   */
  static Metadata metadata(List<dev.gatehouse.h2.grpc.Metadata> entries, Redaction redaction) {
    Metadata.Builder metadata = Metadata.newBuilder();
    for (dev.gatehouse.h2.grpc.Metadata entry : entries) {
      String name = entry.name();
      if (name.startsWith("grpc-") && !name.equals(TRACE_BIN)) {
        continue;
      }
      byte[] value = redaction.hides(name)
          ? redaction.value(name, entry.value()).getBytes(StandardCharsets.UTF_8) : value(entry);
      metadata.addEntry(MetadataEntry.newBuilder().setKey(name).setValue(ByteString.copyFrom(value)));
    }
    return metadata.build();
  }

  private static byte[] value(dev.gatehouse.h2.grpc.Metadata entry) {
    if (entry.isBinary()) {
      byte[] binary = entry.binary();
      if (binary != null) {
        return binary;
      }
      if (entry.value().startsWith("\0")) {
        // HPACK fields are decoded as ISO-8859-1, one char per byte, so this gives the raw bytes back.
        return entry.value().substring(1).getBytes(StandardCharsets.ISO_8859_1);
      }
    }
    return entry.value().getBytes(StandardCharsets.ISO_8859_1);
  }

  static Timestamp timestamp(Instant time) {
    return Timestamp.newBuilder().setSeconds(time.getEpochSecond()).setNanos(time.getNano()).build();
  }

  static Duration duration(java.time.Duration duration) {
    return Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
  }

  /**
   * An address given as {@code HOST:PORT} text (the lens's connection addresses): IPv4 and IPv6 literals with their
   * port, anything else (a host name) as {@code TYPE_UNKNOWN} with the text as given.
   */
  static Address address(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    String port = colon < 0 ? "" : hostAndPort.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!port.matches("\\d{1,5}")) {
      return Address.newBuilder().setType(Address.Type.TYPE_UNKNOWN).setAddress(hostAndPort).build();
    }
    Address.Type type = IPV4.matcher(host).matches() ? Address.Type.TYPE_IPV4
        : host.contains(":") ? Address.Type.TYPE_IPV6 : Address.Type.TYPE_UNKNOWN;
    if (type == Address.Type.TYPE_UNKNOWN) {
      return Address.newBuilder().setType(type).setAddress(hostAndPort).build();
    }
    return Address.newBuilder().setType(type).setAddress(host).setIpPort(Integer.parseInt(port)).build();
  }
}
