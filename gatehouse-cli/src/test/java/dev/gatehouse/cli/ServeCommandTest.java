package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.config.TraceConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path dir;

  private static ServeCommand parse(String... args) {
    CommandLine commandLine = Gatehouse.newCommandLine();
    CommandLine.ParseResult result = commandLine.parseArgs(args);
    return (ServeCommand) result.subcommand().commandSpec().userObject();
  }

  @Test
  void flagsBuildTheGatewayConfig() {
    GatewayConfig config = parse("serve", "--descriptor-set", "api.desc", "--upstream", "localhost:50051",
        "--listen", "127.0.0.1:9090", "--max-body-bytes", "1MiB", "--shutdown-grace", "3s", "--no-access-log",
        "--json-use-proto-names", "--strict-query").gatewayConfig();

    assertThat(config.upstream().toString()).isEqualTo("localhost:50051");
    assertThat(config.listen().port()).isEqualTo(9090);
    assertThat(config.descriptorSet()).isEqualTo(Path.of("api.desc"));
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.accessLog()).isFalse();
    assertThat(config.strictQuery()).isTrue();
    assertThat(config.json().useProtoNames()).isTrue();
    assertThat(config.json().emitUnpopulated()).isTrue();
  }

  @Test
  void flagsOverrideTheYamlFileAndRefineItsJsonBlock() throws IOException {
    Path yaml = Files.writeString(dir.resolve("gatehouse.yaml"), String.join("\n",
        "upstream: localhost:50051",
        "descriptor-set: api.desc",
        "listen: 127.0.0.1:9000",
        "json:",
        "  enums-as-numbers: true",
        ""));

    GatewayConfig config = parse("serve", "--config", yaml.toString(), "--listen", "127.0.0.1:9001",
        "--json-use-proto-names").gatewayConfig();

    assertThat(config.listen().port()).isEqualTo(9001);
    assertThat(config.descriptorSet()).isEqualTo(dir.resolve("api.desc"));
    assertThat(config.json().enumsAsNumbers()).isTrue();
    assertThat(config.json().useProtoNames()).isTrue();
  }

  @Test
  void traceFlagsSetTheTraceSettings() {
    GatewayConfig config = parse("serve", "--descriptor-set", "api.desc", "--upstream", "localhost:50051",
        "--trace", "--trace-format", "jsonl", "--trace-output", "trace.jsonl", "--ui", "127.0.0.1:9901",
        "--trace-show-secrets").gatewayConfig();

    assertThat(config.trace()).isEqualTo(new TraceConfig(true, true, "jsonl", Path.of("trace.jsonl"),
        new HostPort("127.0.0.1", 9901), true));
  }

  @Test
  void withoutTraceFlagsOnlyRequestsAskingAreTracedAsTextToStandardError() {
    GatewayConfig config = parse("serve", "--descriptor-set", "api.desc", "--upstream", "localhost:50051")
        .gatewayConfig();

    assertThat(config.trace()).isEqualTo(TraceConfig.DEFAULT);
  }

  @Test
  void tracingOnRequestCanBeSwitchedOff() {
    GatewayConfig config = parse("serve", "--descriptor-set", "api.desc", "--upstream", "localhost:50051",
        "--no-trace-on-request").gatewayConfig();

    assertThat(config.trace().onRequest()).isFalse();
    assertThat(config.trace().all()).isFalse();
  }

  @Test
  void tlsFlagsTurnOnHttps() {
    GatewayConfig config = parse("serve", "--descriptor-set", "api.desc", "--upstream", "localhost:50051",
        "--tls-certificate", "cert.pem", "--tls-private-key", "key.pem").gatewayConfig();

    assertThat(config.tls()).isTrue();
    assertThat(config.tlsCertificate()).isEqualTo(Path.of("cert.pem"));
    assertThat(config.tlsPrivateKey()).isEqualTo(Path.of("key.pem"));
  }

  @Test
  void aBadFlagValueNamesTheFlagAndTheExpectation() {
    assertThatThrownBy(() -> parse("serve", "--descriptor-set", "api.desc", "--upstream", "localhost:50051",
        "--shutdown-grace", "soon").gatewayConfig())
        .hasMessageContaining("shutdown-grace: soon").hasMessageContaining("expected");
  }

  @Test
  void withoutAnUpstreamServeExitsWithAMessageNotAStackTrace() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Gatehouse.newCommandLine();
    commandLine.setErr(new PrintWriter(err));

    int exitCode = commandLine.execute("serve", "--descriptor-set", "api.desc");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).startsWith("gatehouse serve: ").contains("upstream").doesNotContain("Exception");
  }
}
