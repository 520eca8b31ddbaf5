package dev.gatehouse.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Int32Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.JsonOptions;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.Genre;
import dev.gatehouse.testing.v1.ListBooksResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON ⇄ protobuf for the gateway's two hot paths, {@link ProtoJson} against protobuf-java-util's JsonFormat doing the
 * same job: a request body to wire bytes (JsonFormat: JSON → builder → bytes) and a response's wire bytes to JSON
 * (JsonFormat: bytes → message → JSON string → UTF-8). Both with grpc-gateway's defaults (unpopulated fields
 * printed, compact). Two sizes: one {@code Book} (about 250 bytes of JSON) and a {@code ListBooksResponse} of about
 * 64 KiB of JSON.
 *
 * <p>Run: {@code java -jar gatehouse-bench/target/benchmarks.jar JsonTranscode -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonTranscodeBenchmark {
  @Param({"small", "large"})
  public String size;

  private ProtoJson protoJson;
  private JsonFormat.Printer printer;
  private JsonFormat.Parser parser;
  private Descriptor type;
  private Message prototype;
  private byte[] proto;
  private byte[] json;

  @Setup
  public void setUp() throws IOException {
    ServiceCatalog catalog;
    try (InputStream in = JsonTranscodeBenchmark.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      catalog = ServiceCatalog.parse("testing.desc", in.readAllBytes());
    }
    protoJson = ProtoJson.create(catalog, JsonOptions.DEFAULT);
    printer = JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();
    parser = JsonFormat.parser().ignoringUnknownFields();
    Message message = size.equals("small") ? book(0) : books(65_536);
    prototype = message.getDefaultInstanceForType();
    type = catalog.findMessage(message.getDescriptorForType().getFullName());
    proto = message.toByteArray();
    json = printer.print(message).getBytes(StandardCharsets.UTF_8);
    if (!new String(protoJson.toJson(type, proto), StandardCharsets.UTF_8).equals(printer.print(message))) {
      throw new IllegalStateException("ProtoJson and JsonFormat disagree on the benchmark message");
    }
    System.out.printf("%n%s: %d bytes of JSON, %d bytes of protobuf%n", size, json.length, proto.length);
  }

  static Book book(int i) {
    return Book.newBuilder()
        .setName("shelves/fiction/books/" + (1000 + i))
        .setTitle("The Left Hand of Darkness, vol. " + i)
        .setAuthor("Ursula K. Le Guin")
        .setPageCount(304 + i)
        .setGenre(Genre.FICTION)
        .addTags("classic")
        .addTags("sf")
        .setPublishTime(Timestamp.newBuilder().setSeconds(1_714_564_800L + i).setNanos(500_000_000))
        .setRating(Int32Value.of(5))
        .setCover(ByteString.copyFromUtf8("cover" + i))
        .build();
  }

  private Message books(int jsonBytes) throws InvalidProtocolBufferException {
    ListBooksResponse.Builder response = ListBooksResponse.newBuilder().setNextPageToken("next-page-token");
    for (int i = 0; printer.print(response).length() < jsonBytes; i++) {
      response.addBooks(book(i));
    }
    return response.build();
  }

  @Benchmark
  public byte[] toJsonProtoJson() {
    return protoJson.toJson(type, proto);
  }

  @Benchmark
  public byte[] toJsonJsonFormat() throws InvalidProtocolBufferException {
    return printer.print(prototype.getParserForType().parseFrom(proto)).getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] toProtoProtoJson() {
    return protoJson.toProto(type, json);
  }

  @Benchmark
  public byte[] toProtoJsonFormat() throws InvalidProtocolBufferException {
    Message.Builder builder = prototype.newBuilderForType();
    parser.merge(new String(json, StandardCharsets.UTF_8), builder);
    return builder.build().toByteArray();
  }
}
