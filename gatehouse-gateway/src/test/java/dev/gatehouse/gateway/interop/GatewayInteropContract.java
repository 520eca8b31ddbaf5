package dev.gatehouse.gateway.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.peer.ForeignPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a REST client sees through the gateway, whatever gRPC implementation serves behind it: path, query and body
 * binding, metadata both ways, an error with details and a deadline. One subclass per implementation; each starts
 * its backend and gateway once. The assertions are the same for every backend, byte for byte: no peer needed an
 * exception (Python and Node declare the error details themselves and Go re-encodes messages with dynamicpb, yet the
 * JSON the gateway prints is identical). Echo answers are checked to come from the backend under test
 * ({@code x-peer}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatewayInteropContract {
  private static final String ALL_TYPES = readJsonResource("/interop/all-types.json");

  private PeerGateway gateway;

  /** The implementation serving behind the gateway. */
  abstract ForeignPeer peer();

  @BeforeAll
  void startBackendAndGateway() {
    gateway = PeerGateway.start(peer());
  }

  @AfterAll
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void pathVariableBindsTheShelfName() throws Exception {
    HttpResponse<String> response = gateway.get("/v1/shelves/7");

    assertOk(response);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"name\":\"shelves/7\",\"theme\":\"theme-7\"}");
  }

  @Test
  void percentEncodedPathVariableArrivesDecoded() throws Exception {
    HttpResponse<String> response = gateway.get("/v1/echo/caf%C3%A9%20au%20lait");

    assertEchoedByThePeer(response);
    assertThat(response.body()).isEqualTo("{\"stringValue\":\"café au lait\"}");
  }

  @Test
  void queryParametersBindPageSizeTokenAndRepeatedEnums() throws Exception {
    HttpResponse<String> response =
        gateway.get("/v1/shelves/7/books?page_size=3&page_token=x&genres=FICTION&genres=SCIENCE");

    assertOk(response);
    assertThat(response.body()).isEqualTo("{\"books\":[{\"name\":\"shelves/7/books/1\"},"
        + "{\"name\":\"shelves/7/books/2\"},{\"name\":\"shelves/7/books/3\"}],\"nextPageToken\":\"next\"}");
  }

  @Test
  void queryParametersReachTheBackendAsFields() throws Exception {
    // ListBooks answers neither the token nor the genres, so Echo shows what the backend received. The '&' decoded
    // from %26 is printed escaped, as JsonFormat prints it.
    HttpResponse<String> response = gateway.get("/v1/echo/q?int64_value=9007199254740993"
        + "&repeatedColor=GREEN&repeated_color=3&nested.name=n%26m&string_map%5Bk%5D=v&bytes_value=AP8C");

    assertEchoedByThePeer(response);
    assertThat(response.body()).isEqualTo("{\"int64Value\":\"9007199254740993\",\"stringValue\":\"q\","
        + "\"bytesValue\":\"AP8C\",\"nested\":{\"name\":\"n\\u0026m\"},\"repeatedColor\":[\"GREEN\",\"BLUE\"],"
        + "\"stringMap\":{\"k\":\"v\"}}");
  }

  @Test
  void everyKindOfFieldInTheBodyComesBackAsTheSameJson() throws Exception {
    HttpResponse<String> response = gateway.postJson("/v1/echo", ALL_TYPES);

    assertEchoedByThePeer(response);
    assertThat(response.body()).isEqualTo(ALL_TYPES);
  }

  @Test
  void bodyFieldBindsTheShelfAndTheQueryTheRest() throws Exception {
    HttpResponse<String> response = gateway.postJson("/v1/shelves?shelf_id=fiction", "{\"theme\":\"Sci-Fi\"}");

    assertOk(response);
    assertThat(response.body()).isEqualTo("{\"name\":\"shelves/fiction\",\"theme\":\"Sci-Fi\"}");
  }

  @Test
  void metadataGoesInAndComesBackAsHeaderAndTrailerHeaders() throws Exception {
    HttpResponse<String> response = gateway.send(gateway.request("/v1/echo")
        .header("Content-Type", "application/json")
        .header("Grpc-Metadata-X-Echo-Id", "7")
        .header("Authorization", "Bearer interop")
        .POST(HttpRequest.BodyPublishers.ofString("{\"stringValue\":\"m\"}")));

    assertEchoedByThePeer(response);
    assertThat(response.body()).isEqualTo("{\"stringValue\":\"m\"}");
    assertThat(response.headers().allValues("Grpc-Metadata-X-Echo-Id")).containsExactly("7");
    assertThat(response.headers().allValues("Grpc-Trailer-X-Trailer-Id")).containsExactly("7");
    assertThat(response.headers().allValues("Grpc-Trailer-X-Saw-Authorization")).containsExactly("true");
  }

  @Test
  void withoutAuthorizationTheBackendSawNone() throws Exception {
    HttpResponse<String> response = gateway.postJson("/v1/echo", "{}");

    assertEchoedByThePeer(response);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(response.headers().allValues("Grpc-Trailer-X-Saw-Authorization")).containsExactly("false");
  }

  @Test
  void binaryMetadataIsDecodedOnTheWayInAndEncodedOnTheWayOut() throws Exception {
    String blob = Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 0xfe, (byte) 0xff});

    HttpResponse<String> response = gateway.send(gateway.request("/v1/echo")
        .header("Content-Type", "application/json")
        .header("Grpc-Metadata-X-Echo-Blob-Bin", blob)
        .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertEchoedByThePeer(response);
    assertThat(response.headers().firstValue("Grpc-Metadata-X-Echo-Blob-Bin").map(GatewayInteropContract::decodeBase64))
        .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(0, 1, 0xfe, 0xff));
    assertThat(response.headers().firstValue("Grpc-Trailer-X-Trailer-Blob-Bin").map(GatewayInteropContract::decodeBase64))
        .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(0, 1, 0xfe, 0xff));
  }

  @Test
  void backendErrorIsA404WithItsDetailsRendered() throws Exception {
    HttpResponse<String> response = gateway.get("/v1/shelves/missing");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"code\":5,\"message\":\"shelf shelves/missing not found\",\"details\":["
        + "{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"SHELF_NOT_FOUND\","
        + "\"domain\":\"library.gatehouse.dev\",\"metadata\":{\"shelf\":\"shelves/missing\"}},"
        + "{\"@type\":\"type.googleapis.com/google.rpc.ResourceInfo\",\"resourceType\":\"gatehouse.testing.v1.Shelf\","
        + "\"resourceName\":\"shelves/missing\"}]}");
  }

  @Test
  void grpcTimeoutBecomesTheDeadlineAndItsExpiryA504() throws Exception {
    HttpResponse<String> response = gateway.send(gateway.request("/v1/shelves/slow").header("Grpc-Timeout", "200m"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
    assertThat(response.body()).startsWith("{\"code\":4,");
  }

  @Test
  void healthEndpointAsksTheBackendsHealthService() throws Exception {
    HttpResponse<String> response = gateway.get("/healthz");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private void assertOk(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("%s\nbackend output:\n%s", response.body(), gateway.backendOutput())
        .isEqualTo(200);
  }

  /** Echo answers carry the server's name: the gateway really talked to the peer under test. */
  private void assertEchoedByThePeer(HttpResponse<String> response) {
    assertOk(response);
    assertThat(response.headers().allValues("Grpc-Metadata-X-Peer")).containsExactly(peer().wireName());
  }

  private static byte[] decodeBase64(String value) {
    return Base64.getDecoder().decode(value);
  }

  /** The JSON of a resource written one member per line, joined into the compact form the gateway prints. */
  private static String readJsonResource(String name) {
    try (InputStream in = GatewayInteropContract.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .collect(Collectors.joining());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
