package dev.gatehouse.bench;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.route.RouteLoader;
import dev.gatehouse.core.route.RouteLookup;
import dev.gatehouse.core.route.RouteOptions;
import dev.gatehouse.core.route.RouteTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link RouteTable#match} over a table of 50 routes shaped like a real API (collections, nested resources, custom
 * verbs, a {@code **} file route, an admin area of literal paths), loaded from {@code google.api.http} rules by {@link
 * RouteLoader}. Three requests: an all-literal path, a path with variables, and a miss (404).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteMatchBenchmark {
  /** HTTP method and template of each route, in the order an API would declare them. */
  private static final String[][] RULES = {
      {"get", "/v1/publishers"},
      {"post", "/v1/publishers"},
      {"get", "/v1/{name=publishers/*}"},
      {"patch", "/v1/{name=publishers/*}"},
      {"delete", "/v1/{name=publishers/*}"},
      {"get", "/v1/{parent=publishers/*}/shelves"},
      {"post", "/v1/{parent=publishers/*}/shelves"},
      {"get", "/v1/{name=publishers/*/shelves/*}"},
      {"patch", "/v1/{name=publishers/*/shelves/*}"},
      {"delete", "/v1/{name=publishers/*/shelves/*}"},
      {"post", "/v1/{name=publishers/*/shelves/*}:archive"},
      {"post", "/v1/{name=publishers/*/shelves/*}:restore"},
      {"get", "/v1/{parent=publishers/*/shelves/*}/books"},
      {"post", "/v1/{parent=publishers/*/shelves/*}/books"},
      {"get", "/v1/{name=publishers/*/shelves/*/books/*}"},
      {"patch", "/v1/{name=publishers/*/shelves/*/books/*}"},
      {"put", "/v1/{name=publishers/*/shelves/*/books/*}"},
      {"delete", "/v1/{name=publishers/*/shelves/*/books/*}"},
      {"post", "/v1/{name=publishers/*/shelves/*/books/*}:move"},
      {"post", "/v1/{name=publishers/*/shelves/*/books/*}:copy"},
      {"get", "/v1/{name=publishers/*/shelves/*/books/*}/title"},
      {"get", "/v1/{name=publishers/*/shelves/*/books/*}/cover"},
      {"post", "/v1/{parent=publishers/*/shelves/*}/books:batchGet"},
      {"get", "/v1/{parent=publishers/*/shelves/*/books/*}/reviews"},
      {"post", "/v1/{parent=publishers/*/shelves/*/books/*}/reviews"},
      {"get", "/v1/{name=publishers/*/shelves/*/books/*/reviews/*}"},
      {"delete", "/v1/{name=publishers/*/shelves/*/books/*/reviews/*}"},
      {"get", "/v1/authors"},
      {"post", "/v1/authors"},
      {"get", "/v1/authors/{id}"},
      {"patch", "/v1/authors/{id}"},
      {"delete", "/v1/authors/{id}"},
      {"get", "/v1/authors/{id}/books"},
      {"get", "/v1/readers/me"},
      {"patch", "/v1/readers/me"},
      {"get", "/v1/readers/{id}"},
      {"get", "/v1/readers/{id}/loans"},
      {"post", "/v1/readers/{id}/loans"},
      {"get", "/v1/readers/{id}/loans/{name}"},
      {"post", "/v1/readers/{id}/loans/{name}:return"},
      {"get", "/v1/files/{path=**}"},
      {"put", "/v1/files/{path=**}"},
      {"get", "/v1/admin/settings"},
      {"patch", "/v1/admin/settings"},
      {"get", "/v1/admin/settings/notifications/email"},
      {"get", "/v1/admin/audit/events"},
      {"post", "/v1/admin/cache:flush"},
      {"get", "/v1/search"},
      {"get", "/healthz"},
      {"get", "/v2/{name=publishers/*/shelves/*/books/*}"},
  };

  private RouteTable table;

  @Setup
  public void setUp() {
    DescriptorProto.Builder request = DescriptorProto.newBuilder().setName("Request");
    String[] fields = {"name", "parent", "id", "path"};
    for (int i = 0; i < fields.length; i++) {
      request.addField(FieldDescriptorProto.newBuilder().setName(fields[i]).setNumber(i + 1)
          .setType(FieldDescriptorProto.Type.TYPE_STRING).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL));
    }
    ServiceDescriptorProto.Builder service = ServiceDescriptorProto.newBuilder().setName("Library");
    for (int i = 0; i < RULES.length; i++) {
      HttpRule.Builder rule = HttpRule.newBuilder();
      String path = RULES[i][1];
      switch (RULES[i][0]) {
        case "get":
          rule.setGet(path);
          break;
        case "post":
          rule.setPost(path).setBody("*");
          break;
        case "put":
          rule.setPut(path).setBody("*");
          break;
        case "patch":
          rule.setPatch(path).setBody("*");
          break;
        default:
          rule.setDelete(path);
          break;
      }
      service.addMethod(MethodDescriptorProto.newBuilder().setName("Method" + i)
          .setInputType(".bench.v1.Request").setOutputType(".bench.v1.Request")
          .setOptions(MethodOptions.newBuilder().setExtension(AnnotationsProto.http, rule.build())));
    }
    FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("bench/v1/library.proto")
        .setPackage("bench.v1").setSyntax("proto3").addDependency("google/api/annotations.proto")
        .addMessageType(request).addService(service).build();
    ServiceCatalog catalog = ServiceCatalog.parse("bench",
        FileDescriptorSet.newBuilder().addFile(file).build().toByteArray());
    table = RouteTable.of(RouteLoader.load(catalog, new RouteOptions(false, false)));
    if (table.routes().size() != RULES.length || !table.conflicts().isEmpty()) {
      throw new IllegalStateException("expected " + RULES.length + " routes and no conflicts: " + table.conflicts());
    }
    for (String[] request2 : new String[][] {
        {"GET", "/v1/admin/settings/notifications/email", "Matched"},
        {"GET", "/v1/publishers/p1/shelves/s2/books/b3/title", "Matched"},
        {"GET", "/v1/publishers/p1/shelves/s2/magazines/m3", "NotFound"}}) {
      String kind = table.match(request2[0], request2[1]).getClass().getSimpleName();
      if (!kind.equals(request2[2])) {
        throw new IllegalStateException(request2[1] + ": " + kind + " (expected: " + request2[2] + ")");
      }
    }
  }

  /** Five literal segments, no variable. */
  @Benchmark
  public RouteLookup literalPath() {
    return table.match("GET", "/v1/admin/settings/notifications/email");
  }

  /** Three single-segment wildcards captured into one multi-segment variable, then a literal. */
  @Benchmark
  public RouteLookup variablePath() {
    return table.match("GET", "/v1/publishers/p1/shelves/s2/books/b3/title");
  }

  /** Nothing matches under any method: every candidate is tried and rejected, a 404. */
  @Benchmark
  public RouteLookup miss() {
    return table.match("GET", "/v1/publishers/p1/shelves/s2/magazines/m3");
  }
}
