package dev.gatehouse.testing.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A foreign peer as a child process: its output captured (bounded) for failure messages, every wait bounded, so a
 * broken peer fails a test instead of hanging it.
 */
final class PeerProcess {

  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);
  static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(30);
  static final Duration SERVER_STOP_TIMEOUT = Duration.ofSeconds(5);

  private static final Pattern LISTENING = Pattern.compile("LISTENING (\\d+)");
  private static final int MAX_CAPTURED_CHARS = 64 * 1024;

  private final Process process;
  private final StringBuffer stdout = new StringBuffer();
  private final StringBuffer stderr = new StringBuffer();
  private final CompletableFuture<Void> stdoutDone = new CompletableFuture<>();
  private final CompletableFuture<Void> stderrDone = new CompletableFuture<>();

  private PeerProcess(List<String> command, Path directory, Consumer<String> stdoutLines) {
    try {
      process = new ProcessBuilder(command).directory(directory.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    capture(process.getInputStream(), stdout, stdoutLines, stdoutDone, command);
    capture(process.getErrorStream(), stderr, line -> { }, stderrDone, command);
  }

  /** What a finished process printed and how it ended; exit code -1 when it was ended for taking too long. */
  record Finished(int exitCode, String stdout, String stderr) {
    String output() {
      return "stdout:\n" + stdout.indent(2) + "stderr:\n" + stderr.indent(2);
    }
  }

  /** Runs a command to its end, at most {@code timeout}. */
  static Finished run(List<String> command, Path directory, Duration timeout) {
    PeerProcess child = new PeerProcess(command, directory, line -> { });
    closeQuietly(child);
    return child.awaitExit(timeout);
  }

  static ClientRun runClient(ForeignPeer peer, Scenario scenario, List<String> command) {
    PeerProcess child = new PeerProcess(command, PeerInstallation.get().root(), line -> { });
    closeQuietly(child);
    Finished finished = child.awaitExit(ForeignPeer.CLIENT_TIMEOUT);
    String jsonLine = "";
    for (String line : finished.stdout().split("\n")) {
      if (line.startsWith("{")) {
        jsonLine = line.strip();
      }
    }
    ScenarioReport report = null;
    if (!jsonLine.isEmpty()) {
      try {
        report = ScenarioReport.parse(jsonLine);
      } catch (IllegalArgumentException e) {
        report = null;
      }
    }
    String output = finished.exitCode() == -1
        ? "ended after " + ForeignPeer.CLIENT_TIMEOUT.toSeconds() + " s\n" + finished.output()
        : finished.output();
    return new ClientRun(peer, scenario, finished.exitCode(), jsonLine, report, output);
  }

  static PeerServer startServer(ForeignPeer peer, List<String> command) {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    PeerProcess child = new PeerProcess(command, PeerInstallation.get().root(), line -> {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.matches()) {
        port.complete(Integer.parseInt(matcher.group(1)));
      }
    });
    // stdin stays open: the peers stop when it closes, so a JVM that dies leaves no server behind.
    child.process.onExit().thenRun(() -> port.completeExceptionally(new IllegalStateException("exited")));
    try {
      int listening = port.get(SERVER_START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return new Server(peer, listening, child);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.stop();
      throw new IllegalStateException(peer.implementation() + " server start interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      String how = e instanceof TimeoutException
          ? "printed no LISTENING line within " + SERVER_START_TIMEOUT.toSeconds() + " s"
          : "exited before listening";
      Finished finished = child.stop();
      throw new IllegalStateException(peer.implementation() + " server " + how + " (exit code "
          + finished.exitCode() + "; if a runtime or package is missing, " + PeerInstallation.INSTALL_HINT + ")\n"
          + "command: " + String.join(" ", command) + "\n" + finished.output(), e);
    }
  }

  /** Asks the process to stop (SIGTERM: a graceful shutdown in every peer) and waits for it, then kills it. */
  private Finished stop() {
    process.destroy();
    Finished finished = awaitExit(SERVER_STOP_TIMEOUT);
    closeQuietly(this);
    return finished;
  }

  private Finished awaitExit(Duration timeout) {
    int exitCode;
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        exitCode = process.exitValue();
      } else {
        process.destroyForcibly().waitFor(SERVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        exitCode = -1;
      }
      // The readers end when the pipes close; bounded, since a grandchild could hold them open.
      CompletableFuture.allOf(stdoutDone, stderrDone).get(SERVER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      exitCode = -1;
    } catch (ExecutionException | TimeoutException e) {
      exitCode = process.isAlive() ? -1 : process.exitValue();
    }
    return new Finished(exitCode, stdout.toString(), stderr.toString());
  }

  private static void closeQuietly(PeerProcess child) {
    try {
      child.process.getOutputStream().close();
    } catch (IOException e) {
      // The process has gone already: nothing left to tell it.
    }
  }

  private static void capture(InputStream stream, StringBuffer into, Consumer<String> lines,
      CompletableFuture<Void> done, List<String> command) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (into.length() < MAX_CAPTURED_CHARS) {
            into.append(line).append('\n');
          }
          lines.accept(line);
        }
      } catch (IOException e) {
        into.append("(output unreadable: ").append(e.getMessage()).append(")\n");
      } finally {
        done.complete(null);
      }
    }, "peer-output " + Path.of(command.get(command.size() > 1 ? 1 : 0)).getFileName());
    reader.setDaemon(true);
    reader.start();
  }

  /** A foreign Library server, stopped by {@link #close()}. */
  private static final class Server implements PeerServer {
    private final ForeignPeer peer;
    private final int port;
    private final PeerProcess child;

    Server(ForeignPeer peer, int port, PeerProcess child) {
      this.peer = peer;
      this.port = port;
      this.child = child;
    }

    @Override
    public ForeignPeer peer() {
      return peer;
    }

    @Override
    public int port() {
      return port;
    }

    @Override
    public String output() {
      return "stdout:\n" + child.stdout.toString().indent(2) + "stderr:\n" + child.stderr.toString().indent(2);
    }

    @Override
    public void close() {
      child.stop();
    }

    @Override
    public String toString() {
      return peer.implementation() + " server on " + target();
    }
  }
}
