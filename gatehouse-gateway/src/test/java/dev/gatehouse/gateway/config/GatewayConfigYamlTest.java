package dev.gatehouse.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigYamlTest {

  @Test
  void traceKeysSetTheTraceSettings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, """
        upstream: localhost:50051
        descriptor-set: api.desc
        trace: true
        trace-format: jsonl
        trace-output: trace.jsonl
        trace-show-secrets: true
        ui: 127.0.0.1:9901
        """);

    TraceConfig trace = GatewayConfigYaml.read(file).build().trace();

    assertThat(trace).isEqualTo(new TraceConfig(true, true, "jsonl", dir.toAbsolutePath().resolve("trace.jsonl"),
        new HostPort("127.0.0.1", 9901), true));
  }

  @Test
  void aTraceHidesSecretsUnlessTheFileSaysOtherwise() {
    assertThat(GatewayConfigYaml.parse("test", "upstream: h:1\ndescriptor-set: a\ntrace: true", null,
        GatewayConfig.builder()).build().trace().showSecrets()).isFalse();
  }

  @Test
  void anUnknownTraceFormatIsRefusedWithTheExpectedOnes() {
    assertThatThrownBy(() -> GatewayConfigYaml.parse("test", "upstream: h:1\ndescriptor-set: a\ntrace-format: xml",
        null, GatewayConfig.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("traceFormat: xml (expected: text or jsonl)");
  }

  @Test
  void everyKeySetsItsField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, """
        listen: "[::1]:9090"
        upstream: localhost:50051
        descriptor-set: api.desc
        max-body-bytes: 1MiB
        max-header-bytes: 16384
        metadata-prefix: gw-
        strict-query: true
        shutdown-grace: 30s
        connect-timeout: 500ms
        default-timeout: 2m
        health-path: /health
        access-log: false
        io-threads: 3
        json:
          emit-unpopulated: false
          use-proto-names: true
          enums-as-numbers: true
          strict: true
          pretty: true
        """);

    GatewayConfig config = GatewayConfigYaml.read(file).build();

    assertThat(config.listen()).isEqualTo(new HostPort("::1", 9090));
    assertThat(config.upstream()).isEqualTo(new HostPort("localhost", 50051));
    assertThat(config.descriptorSet()).isEqualTo(dir.toAbsolutePath().resolve("api.desc"));
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.maxHeaderBytes()).isEqualTo(16384);
    assertThat(config.metadataPrefix()).isEqualTo("gw-");
    assertThat(config.strictQuery()).isTrue();
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.defaultTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.healthPath()).isEqualTo("/health");
    assertThat(config.accessLog()).isFalse();
    assertThat(config.ioThreads()).isEqualTo(3);
    assertThat(config.json().emitUnpopulated()).isFalse();
    assertThat(config.json().useProtoNames()).isTrue();
    assertThat(config.json().enumsAsNumbers()).isTrue();
    assertThat(config.json().strict()).isTrue();
    assertThat(config.json().pretty()).isTrue();
  }

  @Test
  void absentKeysKeepTheDefaults() {
    GatewayConfig config = GatewayConfigYaml.parse("t.yaml", "upstream: 127.0.0.1:50051\ndescriptor-set: /a.desc\n",
        null, GatewayConfig.builder()).build();

    assertThat(config.listen()).isEqualTo(new HostPort("127.0.0.1", 8080));
    assertThat(config.maxBodyBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(config.metadataPrefix()).isEqualTo("grpcgateway-");
    assertThat(config.accessLog()).isTrue();
  }

  @Test
  void unknownKeyIsAnErrorNamingIt() {
    assertThatThrownBy(() -> GatewayConfigYaml.parse("t.yaml", "upstreams: x:1\n", null, GatewayConfig.builder()))
        .hasMessageContaining("t.yaml").hasMessageContaining("unknown key \"upstreams\"");
  }

  @Test
  void badValueIsAnErrorNamingKeyAndExpectation() {
    assertThatThrownBy(() -> GatewayConfigYaml.parse("t.yaml", "shutdown-grace: soon\n", null,
        GatewayConfig.builder()))
        .hasMessage("config t.yaml: shutdown-grace: soon (expected: a duration such as 500ms, 10s, 2m or 1h)");
  }

  @Test
  void missingUpstreamIsReportedWhenBuilt() {
    assertThatThrownBy(() -> GatewayConfig.builder().descriptorSet(Path.of("a.desc")).build())
        .hasMessage("upstream");
  }

  @Test
  void hostPortParsesIpv6AndRejectsBadPorts() {
    assertThat(HostPort.parse("[::1]:80")).isEqualTo(new HostPort("::1", 80));
    assertThat(new HostPort("::1", 80)).hasToString("[::1]:80");
    assertThatThrownBy(() -> HostPort.parse("localhost")).hasMessageContaining("expected: HOST:PORT");
    assertThatThrownBy(() -> HostPort.parse("localhost:99999")).hasMessage("port: 99999 (expected: 0 to 65535)");
  }
}
