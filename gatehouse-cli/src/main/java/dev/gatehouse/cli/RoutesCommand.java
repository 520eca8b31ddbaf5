package dev.gatehouse.cli;

import dev.gatehouse.core.descriptor.DescriptorLoadException;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.route.RouteLoadException;
import dev.gatehouse.core.route.RouteLoader;
import dev.gatehouse.core.route.RouteOptions;
import dev.gatehouse.core.route.RouteTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse routes}: prints the route table a descriptor set defines, and its conflicts. */
@Command(name = "routes", mixinStandardHelpOptions = true,
    description = "Prints the HTTP routes of a descriptor set and the conflicts between them.")
final class RoutesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--descriptor-set", required = true, paramLabel = "FILE",
      description = "A FileDescriptorSet, as written by protoc --include_imports --descriptor_set_out=FILE.")
  Path descriptorSet;

  @Option(names = "--no-unbound-methods", negatable = false,
      description = "Do not expose methods without a google.api.http rule as POST /pkg.Service/Method.")
  boolean noUnboundMethods;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ServiceCatalog catalog = ServiceCatalog.load(descriptorSet);
      RouteTable table = RouteTable.of(RouteLoader.load(catalog, new RouteOptions(!noUnboundMethods, false)));
      RouteTablePrinter.print(table, out);
      return table.conflicts().isEmpty() ? 0 : 3;
    } catch (DescriptorLoadException | RouteLoadException e) {
      err.println("gatehouse routes: " + e.getMessage());
      return 2;
    }
  }
}
