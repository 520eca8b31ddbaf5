package dev.gatehouse.cli;

import dev.gatehouse.core.descriptor.DescriptorLoadException;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.lens.LensConfig;
import dev.gatehouse.lens.OutputFormat;
import dev.gatehouse.lens.binlog.BinaryLogOutput;
import dev.gatehouse.lens.proxy.LensServer;
import dev.gatehouse.lens.render.Redaction;
import dev.gatehouse.lens.ui.LensUi;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse lens}: a transparent h2c proxy between a gRPC client and server that decodes both directions and
 * explains what went wrong.
 */
@Command(name = "lens", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Sits between a gRPC client and server (h2c), forwards every byte untouched, and prints the "
        + "HTTP/2 frames, gRPC calls and findings.")
final class LensCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--listen", required = true, paramLabel = "HOST:PORT",
      description = "Where the gRPC client connects, e.g. 127.0.0.1:9900.")
  String listen;

  @Option(names = "--upstream", required = true, paramLabel = "HOST:PORT", description = "The gRPC server.")
  String upstream;

  @Option(names = "--descriptor-set", paramLabel = "FILE",
      description = "Decode messages as JSON with these descriptors; without it messages are decoded schema-less.")
  Path descriptorSet;

  @Option(names = "--format", paramLabel = "text|jsonl", defaultValue = "text",
      description = "Output format (default: ${DEFAULT-VALUE}); see docs/lens-format.md.")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
  Path output;

  @Option(names = "--ui", paramLabel = "HOST:PORT",
      description = "Also serve the live web view there, e.g. 127.0.0.1:9901; see docs/lens.md.")
  String ui;

  @Option(names = "--binlog", paramLabel = "FILE",
      description = "Also write every gRPC call as a gRPC binary log (grpc.binarylog.v1.GrpcLogEntry, "
          + "length-delimited as grpc-java writes it) to FILE; see docs/lens-format.md.")
  Path binlog;

  @Option(names = "--show-secrets",
      description = "Show the values of authorization, proxy-authorization, cookie, set-cookie, x-api-key, "
          + "x-auth-token (and --redact names) as sent, in every output; by default they are redacted to their size "
          + "and auth scheme, e.g. <redacted: 19 bytes, Bearer …>.")
  boolean showSecrets;

  @Option(names = "--redact", paramLabel = "NAME",
      description = "Also redact the values of this header or metadata key (repeatable), e.g. x-session-bin.")
  List<String> redact = List.of();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    LensConfig config;
    ServiceCatalog catalog;
    Redaction redaction;
    try {
      config = LensConfig.of(listen, upstream).withFormat(OutputFormat.parse(format)).withOutput(output)
          .withDescriptorSet(descriptorSet);
      catalog = descriptorSet == null ? null : ServiceCatalog.load(descriptorSet);
      redaction = showSecrets ? Redaction.NONE : Redaction.defaultsAnd(Set.copyOf(redact));
    } catch (IllegalArgumentException | DescriptorLoadException e) {
      err.println("gatehouse lens: " + e.getMessage());
      err.flush();
      return 2;
    }
    LensUi view = null;
    BinaryLogOutput binaryLog = null;
    LensServer lens;
    try {
      LensServer.Builder builder = LensServer.builder(config).redaction(redaction);
      if (catalog != null) {
        builder.catalog(catalog);
      }
      if (ui != null) {
        view = LensUi.start(ui, catalog, redaction);
        builder.listener(view.listener());
      }
      if (binlog != null) {
        binaryLog = BinaryLogOutput.open(binlog, redaction);
        builder.listener(binaryLog);
      }
      lens = builder.start();
    } catch (UncheckedIOException | IllegalArgumentException e) {
      if (view != null) {
        view.close();
      }
      if (binaryLog != null) {
        binaryLog.close();
      }
      err.println("gatehouse lens: " + e.getMessage());
      err.flush();
      return 2;
    }
    err.println("gatehouse lens: listening on " + listen + ", forwarding to " + upstream
        + (view == null ? "" : "; live view on " + view.uri())
        + (binaryLog == null ? "" : "; binary log to " + binlog));
    err.flush();
    LensUi openView = view;
    BinaryLogOutput openBinaryLog = binaryLog;
    ConsolePrinter.awaitShutdownSignal(() -> {
      lens.close();
      if (openView != null) {
        openView.close();
      }
      if (openBinaryLog != null) {
        openBinaryLog.close();
        if (openBinaryLog.dropped() > 0) {
          err.println("gatehouse lens: " + openBinaryLog.dropped() + " binary log entries dropped because the file "
              + "could not keep up");
          err.flush();
        }
      }
    });
    return 0;
  }
}
