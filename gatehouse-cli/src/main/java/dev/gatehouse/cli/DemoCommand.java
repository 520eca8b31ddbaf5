package dev.gatehouse.cli;

import dev.gatehouse.cli.demo.Demo;
import dev.gatehouse.cli.demo.DemoRequest;
import dev.gatehouse.gateway.config.HostPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse demo}: starts the demo bookstore gRPC service and the gateway in front of it, then prints curl
 * commands to try. Runs until stopped (Ctrl-C).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Starts the demo bookstore gRPC service and the gateway in front of it, and prints requests to try.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
      description = "Where the gateway listens (default: ${DEFAULT-VALUE}).")
  String listen;

  @Option(names = "--backend-port", paramLabel = "PORT", defaultValue = "0",
      description = "The demo gRPC service's port on 127.0.0.1; 0 (default) picks a free one.")
  int backendPort;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Demo demo;
    try {
      demo = Demo.start(HostPort.parse(listen), backendPort, new ConsolePrinter(out, err));
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("gatehouse demo: " + e.getMessage());
      err.flush();
      return 2;
    }
    printWelcome(out, demo);
    ConsolePrinter.awaitShutdownSignal(demo);
    return 0;
  }

  private static void printWelcome(PrintWriter out, Demo demo) {
    out.println("gatehouse: demo bookstore gRPC service on 127.0.0.1:" + demo.backendPort()
        + " (gatehouse.demo.v1.Bookstore in gatehouse-cli/src/main/proto/gatehouse/demo/v1/bookstore.proto)");
    out.println();
    out.println("Try these, in order; the access log below shows the gRPC call behind each:");
    for (DemoRequest request : DemoRequest.all()) {
      out.println();
      out.println("# " + request.title() + " -> " + request.expectedStatus());
      out.println(request.curl(demo.baseUrl()));
    }
    out.println();
    out.println("# Full-duplex bidirectional streaming over a WebSocket: paste into a browser's console");
    out.println("# (an empty text frame ends the client's side; the close frame carries the gRPC status)");
    out.println(DemoRequest.webSocketExample(demo.baseUrl()));
    out.println();
    out.println("Stop with Ctrl-C.");
    out.flush();
  }
}
