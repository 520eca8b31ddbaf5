package dev.gatehouse.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.gatehouse.core.binding.BindingOptions;
import dev.gatehouse.core.binding.RequestBinder;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.JsonOptions;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.core.route.RouteLoader;
import dev.gatehouse.core.route.RouteLookup;
import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.core.route.RouteOptions;
import dev.gatehouse.core.route.RouteTable;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.CreateBookRequest;
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
 * A whole request's way into gRPC: route matching plus binding (JSON body, path variable, query parameter → request
 * bytes) for {@code POST /v1/shelves/{shelf}/books?request_id=…} whose body is one book (about 250 bytes of JSON) or
 * a 64 KiB body. The baseline does the same with generated code and JsonFormat: parse the body into a builder, set
 * the path and query fields, serialize — which a gateway without generated code could not even do.
 *
 * <p>Run: {@code gatehouse-bench/scripts/jmh Binding}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BindingBenchmark {
  private static final String QUERY = "request_id=8f14e45f-ceea-467f-a0e6-7f6b0d6c1b2a";

  @Param({"small", "large"})
  public String size;

  private RouteTable routes;
  private RequestBinder binder;
  private JsonFormat.Parser parser;
  private String path;
  private byte[] body;

  @Setup
  public void setUp() throws IOException {
    ServiceCatalog catalog;
    try (InputStream in = BindingBenchmark.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      catalog = ServiceCatalog.parse("testing.desc", in.readAllBytes());
    }
    routes = RouteTable.of(RouteLoader.load(catalog, RouteOptions.DEFAULTS));
    binder = new RequestBinder(ProtoJson.create(catalog, JsonOptions.DEFAULT), BindingOptions.DEFAULTS);
    parser = JsonFormat.parser().ignoringUnknownFields();
    JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
    Book book = JsonTranscodeBenchmark.book(0);
    if (size.equals("small")) {
      body = printer.print(book).getBytes(StandardCharsets.UTF_8);
    } else {
      // A book whose tags carry 64 KiB: one request body of that size, bound as the "book" field.
      Book.Builder large = book.toBuilder();
      while (printer.print(large).length() < 65_536) {
        large.addTags("tag-" + large.getTagsCount() + "-" + "x".repeat(40));
      }
      body = printer.print(large).getBytes(StandardCharsets.UTF_8);
    }
    path = "/v1/shelves/fiction/books";
    byte[] ours = bindOurs();
    byte[] theirs = bindJsonFormat();
    if (!CreateBookRequest.parseFrom(ours).equals(CreateBookRequest.parseFrom(theirs))) {
      throw new IllegalStateException("the binder and the JsonFormat baseline build different requests");
    }
    System.out.printf("%n%s: %d bytes of JSON body, %d bytes of request%n", size, body.length, ours.length);
  }

  @Benchmark
  public byte[] bindOurs() throws IOException {
    RouteLookup lookup = routes.match("POST", path);
    RouteMatch match = ((RouteLookup.Matched) lookup).match();
    return binder.bind(match, body, QUERY);
  }

  @Benchmark
  public byte[] bindJsonFormat() throws InvalidProtocolBufferException {
    RouteLookup lookup = routes.match("POST", path);
    RouteMatch match = ((RouteLookup.Matched) lookup).match();
    Book.Builder book = Book.newBuilder();
    parser.merge(new String(body, StandardCharsets.UTF_8), book);
    return CreateBookRequest.newBuilder()
        .setBook(book)
        .setParent(match.variables().get(0).value())
        .setRequestId(QUERY.substring(QUERY.indexOf('=') + 1))
        .build()
        .toByteArray();
  }
}
