package dev.gatehouse.gateway.config;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.JsonOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a gateway server is configured with. Build one with {@link #builder()}, or read it from YAML with
 * {@link GatewayConfigYaml}; both validate every value.
 *
 * @param listen where the HTTP server listens; port 0 picks a free port
 * @param upstream the gRPC backend, reached in plaintext HTTP/2
 * @param descriptorSet the descriptor set file with the backend's services, or {@code null} when {@code catalog} is
 *     given instead
 * @param catalog the backend's services already loaded, or {@code null} to load {@code descriptorSet}
 * @param maxBodyBytes the largest request body accepted; a larger one is answered 413
 * @param maxHeaderBytes the largest request line and the largest header block accepted; larger ones are answered
 *     414 and 431
 * @param metadataPrefix the prefix of the metadata keys that carry standard request headers ({@code Accept} becomes
 *     {@code grpcgateway-accept})
 * @param json how JSON is printed and parsed; grpc-gateway's defaults
 * @param strictQuery refuse query parameters that bind nothing (400) instead of ignoring them
 * @param shutdownGrace how long in-flight requests may run on after {@code close()} before they are cut off
 * @param connectTimeout how long a connection attempt to the backend may take before calls fail with 503
 * @param defaultTimeout the deadline of calls whose request has no {@code Grpc-Timeout}, or {@link Duration#ZERO}
 *     for none
 * @param healthPath the path of the health endpoint, answered before routing
 * @param accessLog whether the server reports one access-log entry per request to its listener
 * @param ioThreads the number of event loop threads shared by the HTTP server and the upstream channel; 0 for
 *     Netty's default (twice the number of cores)
 * @param tlsCertificate a PEM file with the server's certificate chain, to serve HTTPS (HTTP/2 and HTTP/1.1 chosen
 *     by ALPN); {@code null}, with {@code tlsPrivateKey}, for cleartext (HTTP/1.1, and h2c by prior knowledge or
 *     Upgrade)
 * @param tlsPrivateKey the PEM file (PKCS#8, unencrypted) with the certificate's private key, or {@code null}
 * @param trace how the frames of upstream calls are shown ({@code --trace}, {@code --trace-format},
 *     {@code --trace-output}, {@code --ui}, {@code --trace-show-secrets})
 */
public record GatewayConfig(HostPort listen, HostPort upstream, Path descriptorSet, ServiceCatalog catalog,
    int maxBodyBytes, int maxHeaderBytes, String metadataPrefix, JsonOptions json, boolean strictQuery,
    Duration shutdownGrace, Duration connectTimeout, Duration defaultTimeout, String healthPath, boolean accessLog,
    int ioThreads, Path tlsCertificate, Path tlsPrivateKey, TraceConfig trace) {

  public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 8080);
  public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;
  public static final String DEFAULT_METADATA_PREFIX = "grpcgateway-";

  public GatewayConfig {
    requireNonNull(listen, "listen");
    requireNonNull(upstream, "upstream");
    if (descriptorSet == null && catalog == null) {
      throw new IllegalArgumentException("descriptorSet: null (expected: a descriptor set file, or a loaded catalog)");
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes: " + maxBodyBytes + " (expected: >= 0)");
    }
    if (maxHeaderBytes < 1024) {
      throw new IllegalArgumentException("maxHeaderBytes: " + maxHeaderBytes + " (expected: >= 1024)");
    }
    requireNonNull(metadataPrefix, "metadataPrefix");
    if (!metadataPrefix.chars().allMatch(GatewayConfig::isMetadataKeyChar)) {
      throw new IllegalArgumentException("metadataPrefix: \"" + metadataPrefix
          + "\" (expected: lower-case letters, digits, '-', '_' and '.' only)");
    }
    requireNonNull(json, "json");
    requireNonNegative("shutdownGrace", shutdownGrace);
    requireNonNegative("connectTimeout", connectTimeout);
    if (connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout: 0s (expected: > 0)");
    }
    requireNonNegative("defaultTimeout", defaultTimeout);
    requireNonNull(healthPath, "healthPath");
    if (!healthPath.startsWith("/")) {
      throw new IllegalArgumentException("healthPath: \"" + healthPath + "\" (expected: a path starting with '/')");
    }
    if (ioThreads < 0) {
      throw new IllegalArgumentException("ioThreads: " + ioThreads + " (expected: >= 0)");
    }
    if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
      throw new IllegalArgumentException("tlsCertificate: " + tlsCertificate + ", tlsPrivateKey: " + tlsPrivateKey
          + " (expected: both, or neither)");
    }
    requireNonNull(trace, "trace");
  }

  /** Whether the server speaks TLS. */
  public boolean tls() {
    return tlsCertificate != null;
  }

  /** A builder with every default set; only the upstream and the descriptors have none. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to derive a variant. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static boolean isMetadataKeyChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  }

  private static void requireNonNegative(String name, Duration duration) {
    requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + ": " + duration + " (expected: >= 0)");
    }
  }

  /** Collects a configuration's values; {@link #build()} validates them. */
  public static final class Builder {
    private HostPort listen = DEFAULT_LISTEN;
    private HostPort upstream;
    private Path descriptorSet;
    private ServiceCatalog catalog;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
    private String metadataPrefix = DEFAULT_METADATA_PREFIX;
    private JsonOptions json = JsonOptions.DEFAULT;
    private boolean strictQuery;
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration defaultTimeout = Duration.ZERO;
    private String healthPath = "/healthz";
    private boolean accessLog = true;
    private int ioThreads;
    private Path tlsCertificate;
    private Path tlsPrivateKey;
    private boolean traceAll;
    private boolean traceOnRequest = TraceConfig.DEFAULT.onRequest();
    private String traceFormat = TraceConfig.DEFAULT.format();
    private Path traceOutput;
    private HostPort ui;
    private boolean traceShowSecrets;

    Builder() {
    }

    /** The JSON options set so far, so settings applied in layers (file, then flags) refine rather than reset them. */
    JsonOptions json() {
      return json;
    }

    Builder(GatewayConfig config) {
      listen = config.listen;
      upstream = config.upstream;
      descriptorSet = config.descriptorSet;
      catalog = config.catalog;
      maxBodyBytes = config.maxBodyBytes;
      maxHeaderBytes = config.maxHeaderBytes;
      metadataPrefix = config.metadataPrefix;
      json = config.json;
      strictQuery = config.strictQuery;
      shutdownGrace = config.shutdownGrace;
      connectTimeout = config.connectTimeout;
      defaultTimeout = config.defaultTimeout;
      healthPath = config.healthPath;
      accessLog = config.accessLog;
      ioThreads = config.ioThreads;
      tlsCertificate = config.tlsCertificate;
      tlsPrivateKey = config.tlsPrivateKey;
      traceAll = config.trace.all();
      traceOnRequest = config.trace.onRequest();
      traceFormat = config.trace.format();
      traceOutput = config.trace.output();
      ui = config.trace.ui();
      traceShowSecrets = config.trace.showSecrets();
    }

    public Builder listen(HostPort listen) {
      this.listen = listen;
      return this;
    }

    public Builder upstream(HostPort upstream) {
      this.upstream = upstream;
      return this;
    }

    public Builder descriptorSet(Path descriptorSet) {
      this.descriptorSet = descriptorSet;
      return this;
    }

    public Builder catalog(ServiceCatalog catalog) {
      this.catalog = catalog;
      return this;
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public Builder maxHeaderBytes(int maxHeaderBytes) {
      this.maxHeaderBytes = maxHeaderBytes;
      return this;
    }

    public Builder metadataPrefix(String metadataPrefix) {
      this.metadataPrefix = metadataPrefix;
      return this;
    }

    public Builder json(JsonOptions json) {
      this.json = json;
      return this;
    }

    public Builder strictQuery(boolean strictQuery) {
      this.strictQuery = strictQuery;
      return this;
    }

    public Builder shutdownGrace(Duration shutdownGrace) {
      this.shutdownGrace = shutdownGrace;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder defaultTimeout(Duration defaultTimeout) {
      this.defaultTimeout = defaultTimeout;
      return this;
    }

    public Builder healthPath(String healthPath) {
      this.healthPath = healthPath;
      return this;
    }

    public Builder accessLog(boolean accessLog) {
      this.accessLog = accessLog;
      return this;
    }

    public Builder ioThreads(int ioThreads) {
      this.ioThreads = ioThreads;
      return this;
    }

    /** Serves HTTPS with this certificate chain and private key (PEM files); {@code null}s for cleartext. */
    public Builder tls(Path certificate, Path privateKey) {
      this.tlsCertificate = certificate;
      this.tlsPrivateKey = privateKey;
      return this;
    }

    /** Trace every upstream call, not only those of requests carrying {@code X-Gatehouse-Trace: 1}. */
    public Builder trace(boolean all) {
      this.traceAll = all;
      return this;
    }

    /** Whether a request may ask for its own trace with {@code X-Gatehouse-Trace: 1} (default: yes). */
    public Builder traceOnRequest(boolean onRequest) {
      this.traceOnRequest = onRequest;
      return this;
    }

    /** The trace's output format: {@code text} (default) or {@code jsonl}. */
    public Builder traceFormat(String format) {
      this.traceFormat = format;
      return this;
    }

    /** The file the trace goes to; {@code null} (default) for standard error. */
    public Builder traceOutput(Path file) {
      this.traceOutput = file;
      return this;
    }

    /** Whether the trace shows credentials and cookies as sent (default: no, they are redacted). */
    public Builder traceShowSecrets(boolean show) {
      this.traceShowSecrets = show;
      return this;
    }

    /** Serve the lens's live view of the upstream traffic there; {@code null} (default) for none. */
    public Builder ui(HostPort address) {
      this.ui = address;
      return this;
    }

    /** The configuration; throws {@link IllegalArgumentException} naming the first invalid value. */
    public GatewayConfig build() {
      return new GatewayConfig(listen, upstream, descriptorSet, catalog, maxBodyBytes, maxHeaderBytes,
          metadataPrefix, json, strictQuery, shutdownGrace, connectTimeout, defaultTimeout, healthPath, accessLog,
          ioThreads, tlsCertificate, tlsPrivateKey,
          new TraceConfig(traceAll, traceOnRequest, traceFormat, traceOutput, ui, traceShowSecrets));
    }
  }
}
