package dev.gatehouse.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gateway in front of a real grpc-java backend, driven by a real HTTP client. */
class GatewayProxyTest {
  private static TestBackend backend;
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    backend = new TestBackend(false);
    fixture = new GatewayFixture(backend.port());
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
    backend.close();
  }

  @BeforeEach
  void forgetEarlierCalls() {
    backend.requestHeaders.clear();
    fixture.accessLog.clear();
  }

  @Test
  void pathVariableBindsTheRequestAndTheResponseIsJson() throws Exception {
    HttpResponse<String> response = fixture.get("/v1/shelves/1");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"name\":\"shelves/1\",\"theme\":\"Fiction\"}");
  }

  @Test
  void queryParametersBindTheFieldsThePathDoesNot() throws Exception {
    HttpResponse<String> response = fixture.get("/v1/shelves/7/books?pageSize=25&filter=author%3ALe%20Guin");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"shelves/7/books/1\"", "\"title\":\"author:Le Guin\"",
        "\"nextPageToken\":\"size-25\"");
  }

  @Test
  void bodyFieldBindsTheJsonBody() throws Exception {
    HttpResponse<String> response = fixture.post("/v1/shelves/2/books?requestId=42",
        "{\"title\":\"The Dispossessed\",\"pageCount\":387}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"shelves/2/books/42\"", "\"title\":\"The Dispossessed\"",
        "\"pageCount\":\"387\"");
  }

  @Test
  void headersBecomeMetadataByTheMappingRules() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/shelves/1"))
        .header("Authorization", "Bearer abc")
        .header("Grpc-Metadata-Tenant", "acme")
        .header("Grpc-Metadata-Blob-Bin", Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff}))
        .header("Grpc-Metadata-Grpc-Status", "0")
        .header("Accept-Language", "fr")
        .header("X-Forwarded-For", "192.0.2.1")
        .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
        .header("X-Custom", "dropped"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Metadata metadata = backend.requestHeaders.poll(5, TimeUnit.SECONDS);
    assertThat(metadata.get(ascii("authorization"))).isEqualTo("Bearer abc");
    assertThat(metadata.get(ascii("grpcgateway-authorization"))).isEqualTo("Bearer abc");
    assertThat(metadata.get(ascii("tenant"))).isEqualTo("acme");
    assertThat(metadata.get(Metadata.Key.of("blob-bin", Metadata.BINARY_BYTE_MARSHALLER)))
        .containsExactly(1, 2, (byte) 0xff);
    assertThat(metadata.get(ascii("grpcgateway-accept-language"))).isEqualTo("fr");
    assertThat(metadata.get(ascii("x-forwarded-for"))).isEqualTo("192.0.2.1, 127.0.0.1");
    assertThat(metadata.get(ascii("x-forwarded-host"))).isEqualTo("127.0.0.1:" + fixture.port());
    assertThat(metadata.get(ascii("traceparent"))).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    assertThat(metadata.keys()).doesNotContain("x-custom", "grpcgateway-x-custom", "grpcgateway-host",
        "grpcgateway-connection");
    assertThat(metadata.get(ascii("grpc-status"))).isNull();
  }

  @Test
  void responseMetadataBecomesHeadersWithoutTeTrailers() throws Exception {
    HttpResponse<String> response = fixture.get("/v1/shelves/1");

    assertThat(response.headers().firstValue("grpc-metadata-x-served-by")).hasValue("test-backend");
    assertThat(response.headers().firstValue("grpc-trailer-x-cost")).hasValue("7");
    assertThat(response.headers().map()).doesNotContainKeys("grpc-metadata-content-type");
  }

  @Test
  void invalidBinaryHeaderIsRejectedWith400() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/shelves/1"))
        .header("Grpc-Metadata-Blob-Bin", "not base64!"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"code\":3,\"message\":\"invalid binary header");
  }

  @Test
  void backendErrorKeepsItsCodeMessageAndDetails() throws Exception {
    HttpResponse<String> response = fixture.get("/v1/shelves/missing");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    assertThat(response.body()).contains("\"code\":5", "\"message\":\"shelf shelves/missing does not exist\"",
        "\"@type\":\"type.googleapis.com/google.rpc.BadRequest\"", "\"field\":\"name\"");
    assertThat(response.headers().firstValue("grpc-metadata-x-served-by")).isEmpty();
  }

  @Test
  void unauthenticatedCarriesTheBackendsChallenge() throws Exception {
    HttpResponse<String> response = fixture.get("/v1/shelves/locked");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"library\"");
    assertThat(response.body()).contains("\"code\":16", "token expired");
  }

  @Test
  void unknownPathIs404() throws Exception {
    HttpResponse<String> response = fixture.get("/v2/nothing");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"code\":5,\"message\":\"no route for GET /v2/nothing\",\"details\":[]}");
  }

  @Test
  void pathUnderAnotherMethodIs405WithAllow() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/shelves"))
        .method("PUT", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow")).hasValue("GET, POST");
    assertThat(response.body()).contains("\"code\":12");
  }

  @Test
  void malformedJsonIs400() throws Exception {
    HttpResponse<String> response = fixture.post("/v1/shelves/2/books", "{\"title\":");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":3");
  }

  @Test
  void badQueryParameterIs400() throws Exception {
    HttpResponse<String> response = fixture.get("/v1/shelves/7/books?pageSize=many");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":3", "many");
  }

  @Test
  void nonJsonContentTypeIs415() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/shelves/2/books"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
  }

  @Test
  void plusJsonContentTypeIsJson() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/shelves/2/books"))
        .header("Content-Type", "application/vnd.library+json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Lathe\"}")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void acceptWithoutJsonIs406() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/shelves/1"))
        .header("Accept", "text/html"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(406);
  }

  @Test
  void acceptOfAPlusJsonTypeIsAnsweredInThatType() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/shelves/1"))
        .header("Accept", "application/vnd.library+json"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/vnd.library+json");
  }

  @Test
  void httpBodyResponseIsARawDownload() throws Exception {
    HttpResponse<String> response = fixture.get("/v1/files/docs/readme.txt");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
    assertThat(response.body()).isEqualTo("contents of docs/readme.txt");
  }

  @Test
  void httpBodyDownloadHonoursAccept() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/files/a.txt"))
        .header("Accept", "image/png"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(406);
  }

  @Test
  void httpBodyRequestFieldIsARawUpload() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/shelves/1/books/2/cover"))
        .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0x89, 'P'})));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"shelves/1/books/2\"", "\"title\":\"image/png\"",
        "\"cover\":\"iVA=\"");
  }

  @Test
  void grpcTimeoutSetsTheDeadlineAndExpiryIs504() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/readers/r1"))
        .header("Grpc-Timeout", "100m"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
    assertThat(response.body()).contains("\"code\":4");
  }

  @Test
  void malformedGrpcTimeoutIs400() throws Exception {
    HttpResponse<String> response = fixture.send(HttpRequest.newBuilder(fixture.uri("/v1/shelves/1"))
        .header("Grpc-Timeout", "soon"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("invalid Grpc-Timeout");
  }

  @Test
  void trailerMetadataGoesAsHttpTrailersWhenTheClientAsksForThem() throws Exception {
    try (RawHttpConnection connection = new RawHttpConnection(fixture.port())) {
      connection.send("GET /v1/shelves/1 HTTP/1.1\r\nHost: x\r\nTE: trailers\r\n\r\n");
      RawHttpConnection.Response response = connection.read();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("transfer-encoding")).isEqualTo("chunked");
      assertThat(response.header("trailer")).isEqualToIgnoringCase("grpc-trailer-x-cost");
      assertThat(response.header("grpc-trailer-x-cost")).isNull();
      assertThat(response.trailer("grpc-trailer-x-cost")).isEqualTo("7");
      assertThat(response.body()).isEqualTo("{\"name\":\"shelves/1\",\"theme\":\"Fiction\"}");
    }
  }

  @Test
  void everyRequestIsReportedToTheAccessLog() throws Exception {
    fixture.get("/v1/shelves/missing");

    // Entries of earlier tests may still be arriving: they are logged once their write completes.
    AccessLogEntry entry = fixture.accessLog.poll(5, TimeUnit.SECONDS);
    for (int i = 0; i < 20 && !entry.path().equals("/v1/shelves/missing"); i++) {
      entry = fixture.accessLog.poll(5, TimeUnit.SECONDS);
    }
    assertThat(entry.method()).isEqualTo("GET");
    assertThat(entry.path()).isEqualTo("/v1/shelves/missing");
    assertThat(entry.httpStatus()).isEqualTo(404);
    assertThat(entry.grpcStatus()).isEqualTo(5);
    assertThat(entry.grpcMethod()).isEqualTo("gatehouse.testing.v1.Library/GetShelf");
  }

  private static Metadata.Key<String> ascii(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
