package dev.gatehouse.gateway.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.status.StatusException;
import io.grpc.Metadata;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RequestMetadataTest {
  private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.200", 40000);

  @Test
  void grpcMetadataPrefixIsStrippedAndNamesMergeCaseInsensitively() {
    HttpHeaders headers = new DefaultHttpHeaders()
        .add("Grpc-Metadata-Foo-BAZ", "v2")
        .add("grpc-metadata-foo-bAz", "v3");

    Metadata metadata = RequestMetadata.of(headers, "grpcgateway-", PEER);

    assertThat(metadata.getAll(ascii("foo-baz"))).containsExactly("v2", "v3");
  }

  @Test
  void permanentHeadersGetTheConfiguredPrefixAndOthersAreDropped() {
    HttpHeaders headers = new DefaultHttpHeaders()
        .add("User-Agent", "curl/8")
        .add("Cookie", "a=b")
        .add("X-Request-Id", "r1");

    Metadata metadata = RequestMetadata.of(headers, "gw-", PEER);

    assertThat(metadata.get(ascii("gw-user-agent"))).isEqualTo("curl/8");
    assertThat(metadata.get(ascii("gw-cookie"))).isEqualTo("a=b");
    assertThat(metadata.keys()).containsOnly("gw-user-agent", "gw-cookie", "x-forwarded-for");
  }

  @Test
  void forwardedForAppendsThePeerToEveryIncomingValue() {
    HttpHeaders headers = new DefaultHttpHeaders()
        .add("X-Forwarded-For", "192.0.2.100, 192.0.2.101")
        .add("X-Forwarded-For", "192.0.2.102")
        .add("Host", "api.example.com");

    Metadata metadata = RequestMetadata.of(headers, "grpcgateway-", PEER);

    assertThat(metadata.get(ascii("x-forwarded-for")))
        .isEqualTo("192.0.2.100, 192.0.2.101, 192.0.2.102, 192.0.2.200");
    assertThat(metadata.get(ascii("x-forwarded-host"))).isEqualTo("api.example.com");
  }

  @Test
  void incomingForwardedHostWinsOverHost() {
    HttpHeaders headers = new DefaultHttpHeaders().add("Host", "gateway:8080").add("X-Forwarded-Host", "example.com");

    assertThat(RequestMetadata.of(headers, "grpcgateway-", PEER).get(ascii("x-forwarded-host")))
        .isEqualTo("example.com");
  }

  @Test
  void hopByHopReservedAndConnectionNamedHeadersAreNeverForwarded() {
    HttpHeaders headers = new DefaultHttpHeaders()
        .add("Connection", "keep-alive, Pragma")
        .add("Pragma", "no-cache")
        .add("TE", "trailers")
        .add("Transfer-Encoding", "chunked")
        .add("Proxy-Authorization", "Basic x")
        .add("Content-Length", "3")
        .add("Grpc-Timeout", "1S")
        .add("Grpc-Metadata-Grpc-Status", "0")
        .add("Grpc-Metadata-Content-Type", "text/plain")
        .add("Grpc-Metadata-Connection", "close");

    Metadata metadata = RequestMetadata.of(headers, "grpcgateway-", null);

    assertThat(metadata.keys()).isEmpty();
  }

  @Test
  void binaryValuesAreBase64DecodedPaddedOrNot() {
    HttpHeaders headers = new DefaultHttpHeaders()
        .add("Grpc-Metadata-A-Bin", "AQID")
        .add("Grpc-Metadata-B-Bin", "AQ")
        .add("Grpc-Metadata-C-Bin", "_-8=");

    Metadata metadata = RequestMetadata.of(headers, "grpcgateway-", null);

    assertThat(metadata.get(binary("a-bin"))).containsExactly(1, 2, 3);
    assertThat(metadata.get(binary("b-bin"))).containsExactly(1);
    assertThat(metadata.get(binary("c-bin"))).containsExactly(0xff, 0xef);
  }

  @Test
  void invalidBase64IsInvalidArgumentNamingTheHeader() {
    HttpHeaders headers = new DefaultHttpHeaders().add("Grpc-Metadata-A-Bin", "%%%");

    assertThatThrownBy(() -> RequestMetadata.of(headers, "grpcgateway-", null))
        .isInstanceOf(StatusException.class)
        .hasMessage("invalid binary header Grpc-Metadata-A-Bin: \"%%%\" (expected: base64)");
  }

  @Test
  void invalidKeysAndNonAsciiValuesAreSkippedNotRejected() {
    HttpHeaders headers = new DefaultHttpHeaders()
        .add("Grpc-Metadata-Foo+Bar", "x")
        .add("Grpc-Metadata-City", "Gjøvik")
        .add("Grpc-Metadata-Ok", "fine");

    Metadata metadata = RequestMetadata.of(headers, "grpcgateway-", null);

    assertThat(metadata.keys()).containsExactly("ok");
  }

  @Test
  void traceContextIsForwardedUnchanged() {
    HttpHeaders headers = new DefaultHttpHeaders()
        .add("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .add("Tracestate", "congo=t61rcWkgMzE");

    Metadata metadata = RequestMetadata.of(headers, "grpcgateway-", null);

    assertThat(metadata.get(ascii("traceparent"))).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    assertThat(metadata.get(ascii("tracestate"))).isEqualTo("congo=t61rcWkgMzE");
  }

  private static Metadata.Key<String> ascii(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }

  private static Metadata.Key<byte[]> binary(String name) {
    return Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER);
  }
}
