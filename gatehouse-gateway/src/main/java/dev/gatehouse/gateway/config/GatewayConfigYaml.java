package dev.gatehouse.gateway.config;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.core.json.JsonOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a gateway configuration from YAML. Keys are the long flag names of {@code gatehouse serve}, so a file and a
 * command line read alike:
 *
 * <pre>{@code
 * listen: 127.0.0.1:8080
 * upstream: localhost:50051
 * descriptor-set: api.desc        # relative to the YAML file
 * max-body-bytes: 4MiB            # or a plain number of bytes
 * max-header-bytes: 64KiB
 * metadata-prefix: grpcgateway-
 * strict-query: false
 * shutdown-grace: 10s             # ms, s, m, h
 * connect-timeout: 1s
 * default-timeout: 0s             # 0 = no deadline unless Grpc-Timeout sets one
 * health-path: /healthz
 * access-log: true
 * io-threads: 0
 * tls-certificate: cert.pem       # with tls-private-key: HTTPS, HTTP/2 or HTTP/1.1 by ALPN; relative to the file
 * tls-private-key: key.pem        # PKCS#8 PEM, unencrypted
 * trace: false                    # show the frames of every upstream call (else: X-Gatehouse-Trace: 1 only)
 * trace-on-request: true          # may a request ask with X-Gatehouse-Trace: 1
 * trace-format: text              # or jsonl
 * trace-output: trace.jsonl       # default: standard error; relative to the file
 * trace-show-secrets: false       # show authorization, cookies, … in the trace (default: redacted)
 * ui: 127.0.0.1:9901              # the lens's live view of the upstream traffic
 * json:
 *   emit-unpopulated: true        # print fields holding their default value
 *   use-proto-names: false        # page_count rather than pageCount
 *   enums-as-numbers: false
 *   strict: false                 # reject unknown JSON fields in request bodies
 *   pretty: false
 * }</pre>
 *
 * <p>An unknown key is an error rather than ignored, so a typo does not silently leave a default in place.
 */
public final class GatewayConfigYaml {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private GatewayConfigYaml() {
  }

  /** Reads {@code file} into a builder, so command-line flags can override what it sets before building. */
  public static GatewayConfig.Builder read(Path file) {
    requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("config " + file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("config " + file + ": cannot be read: " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(file.toString(), text, base, GatewayConfig.builder());
  }

  /**
   * Applies the YAML {@code text} to {@code builder}.
   *
   * @param source names the text in error messages
   * @param base the directory relative paths are resolved against, or {@code null} for the working directory
   */
  public static GatewayConfig.Builder parse(String source, String text, Path base, GatewayConfig.Builder builder) {
    requireNonNull(builder, "builder");
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("config " + source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      return builder;
    }
    return apply(source, asMap(source, "the document", root), base, builder);
  }

  /**
   * Applies settings keyed like the YAML file to {@code builder}: the command line hands its flags here too, so a
   * flag and a key are read by the same code. Values are what SnakeYAML produces: strings, integers, booleans, and a
   * nested mapping for {@code json} (whose keys start from the options already in the builder).
   *
   * @param source names the settings in error messages
   * @param base the directory relative paths are resolved against, or {@code null} for the working directory
   */
  public static GatewayConfig.Builder apply(String source, Map<?, ?> map, Path base, GatewayConfig.Builder builder) {
    requireNonNull(builder, "builder");
    JsonOptions json = null;
    Path tlsCertificate = null;
    Path tlsPrivateKey = null;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Object value = entry.getValue();
      Field field = new Field(source, key, value);
      switch (key) {
        case "listen" -> builder.listen(field.hostPort());
        case "upstream" -> builder.upstream(field.hostPort());
        case "descriptor-set" -> builder.descriptorSet(field.path(base));
        case "max-body-bytes" -> builder.maxBodyBytes(field.size());
        case "max-header-bytes" -> builder.maxHeaderBytes(field.size());
        case "metadata-prefix" -> builder.metadataPrefix(field.string());
        case "strict-query" -> builder.strictQuery(field.bool());
        case "shutdown-grace" -> builder.shutdownGrace(field.duration());
        case "connect-timeout" -> builder.connectTimeout(field.duration());
        case "default-timeout" -> builder.defaultTimeout(field.duration());
        case "health-path" -> builder.healthPath(field.string());
        case "access-log" -> builder.accessLog(field.bool());
        case "io-threads" -> builder.ioThreads(field.integer());
        case "json" -> json = json(source, asMap(source, key, value), json != null ? json : builder.json());
        case "tls-certificate" -> tlsCertificate = field.path(base);
        case "tls-private-key" -> tlsPrivateKey = field.path(base);
        case "trace" -> builder.trace(field.bool());
        case "trace-on-request" -> builder.traceOnRequest(field.bool());
        case "trace-format" -> builder.traceFormat(field.string());
        case "trace-output" -> builder.traceOutput(field.path(base));
        case "trace-show-secrets" -> builder.traceShowSecrets(field.bool());
        case "ui" -> builder.ui(field.hostPort());
        default -> throw new IllegalArgumentException("config " + source + ": unknown key \"" + key
            + "\" (expected one of: listen, upstream, descriptor-set, max-body-bytes, max-header-bytes,"
            + " metadata-prefix, strict-query, shutdown-grace, connect-timeout, default-timeout, health-path,"
            + " access-log, io-threads, json, tls-certificate, tls-private-key, trace, trace-on-request, trace-format, trace-output,"
            + " trace-show-secrets, ui)");
      }
    }
    if (tlsCertificate != null || tlsPrivateKey != null) {
      if (tlsCertificate == null || tlsPrivateKey == null) {
        throw new IllegalArgumentException("config " + source + ": tls-certificate and tls-private-key"
            + " (expected: both, or neither)");
      }
      builder.tls(tlsCertificate, tlsPrivateKey);
    }
    if (json != null) {
      builder.json(json);
    }
    return builder;
  }

  private static JsonOptions json(String source, Map<?, ?> map, JsonOptions start) {
    JsonOptions json = start;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Field field = new Field(source, "json." + key, entry.getValue());
      json = switch (key) {
        case "emit-unpopulated" -> json.withEmitUnpopulated(field.bool());
        case "use-proto-names" -> json.withUseProtoNames(field.bool());
        case "enums-as-numbers" -> json.withEnumsAsNumbers(field.bool());
        case "strict" -> json.withStrict(field.bool());
        case "pretty" -> json.withPretty(field.bool());
        default -> throw new IllegalArgumentException("config " + source + ": unknown key \"json." + key
            + "\" (expected one of: emit-unpopulated, use-proto-names, enums-as-numbers, strict, pretty)");
      };
    }
    return json;
  }

  private static Map<?, ?> asMap(String source, String what, Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException("config " + source + ": " + what + ": " + value + " (expected: a mapping)");
  }

  /** One key's value, converted with an error naming the file, the key and the value. */
  private record Field(String source, String key, Object value) {

    String string() {
      if (value instanceof String || value instanceof Number) {
        return String.valueOf(value);
      }
      throw invalid("a string");
    }

    Path path(Path base) {
      Path path = Path.of(string());
      return base == null ? path : base.resolve(path);
    }

    HostPort hostPort() {
      try {
        return HostPort.parse(string());
      } catch (IllegalArgumentException e) {
        throw invalid("HOST:PORT, e.g. 127.0.0.1:8080");
      }
    }

    boolean bool() {
      if (value instanceof Boolean b) {
        return b;
      }
      throw invalid("true or false");
    }

    int integer() {
      if (value instanceof Integer i) {
        return i;
      }
      throw invalid("an integer");
    }

    int size() {
      if (value instanceof Integer i) {
        return i;
      }
      Matcher m = SIZE.matcher(String.valueOf(value).trim());
      if (value instanceof String && m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long bytes = switch (unit) {
          case "KiB" -> n * 1024;
          case "MiB" -> n * 1024 * 1024;
          case "GiB" -> n * 1024 * 1024 * 1024;
          default -> n;
        };
        if (bytes <= Integer.MAX_VALUE) {
          return (int) bytes;
        }
      }
      throw invalid("a size in bytes below 2GiB, e.g. 4194304 or 4MiB");
    }

    Duration duration() {
      if (value instanceof Integer i && i == 0) {
        return Duration.ZERO;
      }
      Matcher m = DURATION.matcher(String.valueOf(value).trim().toLowerCase(Locale.ROOT));
      if (value instanceof String && m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      throw invalid("a duration such as 500ms, 10s, 2m or 1h");
    }

    private IllegalArgumentException invalid(String expected) {
      return new IllegalArgumentException("config " + source + ": " + key + ": " + value + " (expected: " + expected
          + ")");
    }
  }
}
