package dev.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gatehouse} command. */
@Command(
    name = "gatehouse",
    mixinStandardHelpOptions = true,
    versionProvider = Gatehouse.Version.class,
    description = "A gRPC gateway and HTTP/2 lens.",
    subcommands = {DemoCommand.class, ServeCommand.class, RoutesCommand.class, LensCommand.class,
        CommandLine.HelpCommand.class})
public final class Gatehouse {

  private Gatehouse() {}

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line with every subcommand, as {@link #main} runs it; tests execute it directly. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new Gatehouse());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Gatehouse.class.getPackage().getImplementationVersion();
      return new String[] {"gatehouse " + (version == null ? "(development build)" : version)};
    }
  }
}
