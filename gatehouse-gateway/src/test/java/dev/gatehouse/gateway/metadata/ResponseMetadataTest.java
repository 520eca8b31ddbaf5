package dev.gatehouse.gateway.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class ResponseMetadataTest {

  @Test
  void headerMetadataIsPrefixedAndTransportKeysAreLeftOut() {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("x-id", Metadata.ASCII_STRING_MARSHALLER), "1");
    metadata.put(Metadata.Key.of("content-type", Metadata.ASCII_STRING_MARSHALLER), "application/grpc");
    metadata.put(Metadata.Key.of("grpc-accept-encoding", Metadata.ASCII_STRING_MARSHALLER), "gzip");
    metadata.put(Metadata.Key.of("token-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] {1, 2, 3});
    HttpHeaders out = new DefaultHttpHeaders();

    ResponseMetadata.addHeaders(metadata, out);

    assertThat(out.names()).containsExactlyInAnyOrder("Grpc-Metadata-x-id", "Grpc-Metadata-token-bin");
    assertThat(out.get("grpc-metadata-x-id")).isEqualTo("1");
    assertThat(out.get("grpc-metadata-token-bin")).isEqualTo("AQID");
  }

  @Test
  void trailerMetadataIsPrefixedWithGrpcTrailerAndDetailsStayOut() {
    Metadata trailers = new Metadata();
    trailers.put(Metadata.Key.of("x-cost", Metadata.ASCII_STRING_MARSHALLER), "7");
    trailers.put(Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] {8, 5});
    HttpHeaders out = new DefaultHttpHeaders();

    ResponseMetadata.addTrailers(trailers, out);

    assertThat(out.names()).containsExactly("Grpc-Trailer-x-cost");
  }

  @Test
  void wwwAuthenticateComesFromTrailersOrHeaders() {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("www-authenticate", Metadata.ASCII_STRING_MARSHALLER), "Basic");

    assertThat(ResponseMetadata.wwwAuthenticate(headers, new Metadata())).isEqualTo("Basic");
    assertThat(ResponseMetadata.wwwAuthenticate(new Metadata(), new Metadata())).isNull();
  }
}
