package dev.gatehouse.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.GatewayConfigYaml;
import io.grpc.Metadata;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a browser can send instead of headers reaches the backend as metadata; and the TLS keys of the YAML file. */
class WebSocketMetadataTest {
  @Test
  void bearerSubprotocolAndQueryParametersBecomeMetadata() throws Exception {
    try (FlowControlledBackend backend = new FlowControlledBackend();
        StreamingGateway gateway = new StreamingGateway(backend.port())) {
      BlockingQueue<String> frames = new LinkedBlockingQueue<>();
      HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("bearer", "abc.def")
          .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port()
              + "/v1/shelves/big-0:watch?grpc-metadata-x-user=ann&grpc-metadata-x-trace=1"), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                  frames.add("close " + code);
                  return null;
                }
              }).get(10, TimeUnit.SECONDS);

      assertThat(frames.poll(10, TimeUnit.SECONDS)).isEqualTo("close 1000");
      Metadata metadata = backend.requestHeaders.poll(5, TimeUnit.SECONDS);
      assertThat(metadata.get(key("authorization"))).isEqualTo("Bearer abc.def");
      assertThat(metadata.get(key("x-user"))).isEqualTo("ann");
      assertThat(metadata.get(key("x-trace"))).isEqualTo("1");
      assertThat(metadata.keys()).noneMatch(k -> k.contains("sec-websocket-protocol"));
    }
  }

  private static Metadata.Key<String> key(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }

  @Test
  void yamlTlsKeysAreResolvedAgainstTheFileAndComeInPairs() {
    GatewayConfig config = GatewayConfigYaml.parse("test.yaml",
        "upstream: 127.0.0.1:1\ndescriptor-set: api.desc\ntls-certificate: cert.pem\ntls-private-key: key.pem\n",
        Path.of("/etc/gatehouse"), GatewayConfig.builder()).build();

    assertThat(config.tls()).isTrue();
    assertThat(config.tlsCertificate()).isEqualTo(Path.of("/etc/gatehouse/cert.pem"));
    assertThat(config.tlsPrivateKey()).isEqualTo(Path.of("/etc/gatehouse/key.pem"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GatewayConfigYaml.parse("test.yaml",
        "tls-certificate: cert.pem\n", null, GatewayConfig.builder()))
        .hasMessage("config test.yaml: tls-certificate and tls-private-key (expected: both, or neither)");
  }
}
