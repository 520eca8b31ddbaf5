package dev.gatehouse.cli;

import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.GatewayConfigYaml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse serve}: the gateway in front of a gRPC backend. Every flag has a key of the same name in the YAML
 * file {@code --config} reads; a flag given on the command line overrides the file.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Serves a REST/JSON API in front of a gRPC backend, mapped by the google.api.http rules of its "
        + "descriptors.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "A YAML file with any of the settings below.")
  Path config;

  @Option(names = "--descriptor-set", paramLabel = "FILE",
      description = "The backend's FileDescriptorSet (protoc --include_imports --descriptor_set_out=FILE).")
  Path descriptorSet;

  @Option(names = "--upstream", paramLabel = "HOST:PORT", description = "The gRPC backend.")
  String upstream;

  @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Where to listen (default: 127.0.0.1:8080).")
  String listen;

  @Option(names = "--tls-certificate", paramLabel = "FILE",
      description = "Serve HTTPS (HTTP/2 and HTTP/1.1 by ALPN) with this PEM certificate chain.")
  Path tlsCertificate;

  @Option(names = "--tls-private-key", paramLabel = "FILE",
      description = "The PEM (PKCS#8) private key of --tls-certificate.")
  Path tlsPrivateKey;

  @Option(names = "--max-body-bytes", paramLabel = "SIZE",
      description = "Largest request body, e.g. 4MiB (default); larger bodies get 413.")
  String maxBodyBytes;

  @Option(names = "--max-header-bytes", paramLabel = "SIZE",
      description = "Largest request head, e.g. 64KiB (default); larger heads get 431.")
  String maxHeaderBytes;

  @Option(names = "--metadata-prefix", paramLabel = "PREFIX",
      description = "Prefix for standard request headers passed as metadata (default: grpcgateway-).")
  String metadataPrefix;

  @Option(names = "--strict-query", description = "Reject unknown query parameters instead of ignoring them.")
  Boolean strictQuery;

  @Option(names = "--shutdown-grace", paramLabel = "DURATION",
      description = "How long in-flight requests may finish after SIGTERM, e.g. 10s (default).")
  String shutdownGrace;

  @Option(names = "--connect-timeout", paramLabel = "DURATION",
      description = "How long to wait for the backend before answering 503, e.g. 1s (default).")
  String connectTimeout;

  @Option(names = "--default-timeout", paramLabel = "DURATION",
      description = "Deadline of calls that send no Grpc-Timeout; 0s (default) means none.")
  String defaultTimeout;

  @Option(names = "--health-path", paramLabel = "PATH", description = "The health endpoint (default: /healthz).")
  String healthPath;

  @Option(names = "--access-log", negatable = true, description = "Print one line per request (default: on).")
  Boolean accessLog;

  @Option(names = "--io-threads", paramLabel = "N", description = "Event loop threads; 0 (default) picks for you.")
  Integer ioThreads;

  @Option(names = "--trace", negatable = true,
      description = "Show the HTTP/2 frames of every upstream call (default: only of requests carrying "
          + "X-Gatehouse-Trace: 1); see docs/lens.md.")
  Boolean trace;

  @Option(names = "--trace-on-request", negatable = true,
      description = "Let a request ask for its own trace with X-Gatehouse-Trace: 1 (default: on).")
  Boolean traceOnRequest;

  @Option(names = "--trace-format", paramLabel = "text|jsonl",
      description = "Format of the upstream frames (default: text); see docs/lens-format.md.")
  String traceFormat;

  @Option(names = "--trace-output", paramLabel = "FILE",
      description = "Write the upstream frames to FILE instead of standard error.")
  Path traceOutput;

  @Option(names = "--trace-show-secrets", negatable = true,
      description = "Show authorization, cookies and API keys in the trace as sent (default: redacted).")
  Boolean traceShowSecrets;

  @Option(names = "--ui", paramLabel = "HOST:PORT",
      description = "Serve the lens's live view of the upstream frames there, e.g. 127.0.0.1:9901.")
  String ui;

  @Option(names = "--json-emit-unpopulated", negatable = true,
      description = "Print fields that hold their default value (default: on, like grpc-gateway).")
  Boolean emitUnpopulated;

  @Option(names = "--json-use-proto-names", negatable = true,
      description = "Print proto field names (page_count) rather than JSON names (pageCount).")
  Boolean useProtoNames;

  @Option(names = "--json-enums-as-numbers", negatable = true, description = "Print enums as numbers.")
  Boolean enumsAsNumbers;

  @Option(names = "--json-strict", negatable = true, description = "Reject unknown fields in request bodies.")
  Boolean jsonStrict;

  @Option(names = "--json-pretty", negatable = true, description = "Indent JSON answers.")
  Boolean pretty;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    GatewayConfig gatewayConfig;
    try {
      gatewayConfig = gatewayConfig();
    } catch (NullPointerException e) {
      // The config's constructor names the missing setting, e.g. "upstream".
      err.println("gatehouse serve: missing --" + e.getMessage() + " (or the key " + e.getMessage() + " in --config)");
      err.flush();
      return 2;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("gatehouse serve: " + e.getMessage());
      err.flush();
      return 2;
    }
    return GatewayRunner.runUntilStopped(gatewayConfig, spec.commandLine().getOut(), err);
  }

  /** The configuration: the YAML file if given, then the flags on top. */
  GatewayConfig gatewayConfig() {
    GatewayConfig.Builder builder = config == null ? GatewayConfig.builder() : GatewayConfigYaml.read(config);
    GatewayConfigYaml.apply("the command line", flags(), null, builder);
    return builder.build();
  }

  private Map<String, Object> flags() {
    Map<String, Object> flags = new LinkedHashMap<>();
    put(flags, "listen", listen);
    put(flags, "upstream", upstream);
    put(flags, "descriptor-set", descriptorSet == null ? null : descriptorSet.toString());
    put(flags, "tls-certificate", tlsCertificate == null ? null : tlsCertificate.toString());
    put(flags, "tls-private-key", tlsPrivateKey == null ? null : tlsPrivateKey.toString());
    put(flags, "max-body-bytes", maxBodyBytes);
    put(flags, "max-header-bytes", maxHeaderBytes);
    put(flags, "metadata-prefix", metadataPrefix);
    put(flags, "strict-query", strictQuery);
    put(flags, "shutdown-grace", shutdownGrace);
    put(flags, "connect-timeout", connectTimeout);
    put(flags, "default-timeout", defaultTimeout);
    put(flags, "health-path", healthPath);
    put(flags, "access-log", accessLog);
    put(flags, "io-threads", ioThreads);
    put(flags, "trace", trace);
    put(flags, "trace-on-request", traceOnRequest);
    put(flags, "trace-format", traceFormat);
    put(flags, "trace-output", traceOutput == null ? null : traceOutput.toString());
    put(flags, "trace-show-secrets", traceShowSecrets);
    put(flags, "ui", ui);
    Map<String, Object> json = new LinkedHashMap<>();
    put(json, "emit-unpopulated", emitUnpopulated);
    put(json, "use-proto-names", useProtoNames);
    put(json, "enums-as-numbers", enumsAsNumbers);
    put(json, "strict", jsonStrict);
    put(json, "pretty", pretty);
    if (!json.isEmpty()) {
      flags.put("json", json);
    }
    return flags;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
