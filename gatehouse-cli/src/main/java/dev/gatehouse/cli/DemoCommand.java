package dev.gatehouse.cli;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.route.RouteLoader;
import dev.gatehouse.core.route.RouteOptions;
import dev.gatehouse.core.route.RouteTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse demo}: the demo bookstore API behind the gateway. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Starts the demo bookstore gRPC service and the gateway in front of it, and prints requests to try.")
final class DemoCommand implements Callable<Integer> {
  /** The demo's descriptor set, compiled into the jar from {@code gatehouse/demo/v1/bookstore.proto}. */
  static final String DESCRIPTOR_SET = "/gatehouse/demo/v1/bookstore.desc";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ServiceCatalog catalog = demoCatalog();
    out.println("The demo bookstore API maps these HTTP routes to gRPC methods:");
    out.println();
    RouteTablePrinter.print(RouteTable.of(RouteLoader.load(catalog, RouteOptions.DEFAULTS)), out);
    return 0;
  }

  static ServiceCatalog demoCatalog() {
    try (InputStream in = DemoCommand.class.getResourceAsStream(DESCRIPTOR_SET)) {
      if (in == null) {
        throw new IllegalStateException("the demo descriptor set " + DESCRIPTOR_SET + " is missing from the jar");
      }
      return ServiceCatalog.parse(DESCRIPTOR_SET, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
