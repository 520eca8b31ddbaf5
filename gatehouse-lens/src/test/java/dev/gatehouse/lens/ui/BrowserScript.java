package dev.gatehouse.lens.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the Playwright scripts of {@code src/test/browser/} with Node and the system Chromium. The scripts do the
 * clicking and checking in the page and exit non-zero with a message when a check fails; this class only starts
 * them, tells them when the traffic has been sent, and collects what they print.
 *
 * <p>Missing prerequisites fail the test with what to run, never skip it: the browser tests are part of the build.
 */
final class BrowserScript implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DIRECTORY = Path.of("src/test/browser").toAbsolutePath();
  /** An upper bound for a stuck browser, far above a normal run (a few seconds); not a timed assertion. */
  private static final long MAX_SECONDS = 180;

  private final Process process;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile boolean sawReady;

  private BrowserScript(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "browser-script-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** The build folder's {@code screenshots/} (target*, whichever this build writes to). */
  static Path screenshots() {
    try {
      Path testClasses = Path.of(BrowserScript.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path folder = testClasses.getParent().resolve("screenshots");
      Files.createDirectories(folder);
      return folder;
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot create the screenshots folder", e);
    }
  }

  /** Fails with what to install when Chromium, Node or the script's node modules are missing. */
  static void checkPrerequisites() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (Debian package chromium)");
    }
    if (!onPath("node")) {
      missing.add("node (Debian package nodejs)");
    }
    if (!Files.isRegularFile(DIRECTORY.resolve("node_modules/playwright-core/package.json"))) {
      missing.add(DIRECTORY.resolve("node_modules/playwright-core") + " (npm ci in " + DIRECTORY + ")");
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("the browser tests need " + String.join(", ", missing)
          + "; run scripts/install-test-deps (see docs/lens.md)");
    }
  }

  /** Starts {@code node script args…} in {@code src/test/browser}. */
  static BrowserScript start(String script, String... args) {
    checkPrerequisites();
    List<String> command = new ArrayList<>(List.of("node", DIRECTORY.resolve(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true);
    builder.environment().put("CHROMIUM", CHROMIUM.toString());
    try {
      return new BrowserScript(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + script, e);
    }
  }

  /** Waits until the script printed {@code READY} (the page is open and following the lens). */
  void awaitReady() throws InterruptedException {
    if (!ready.await(MAX_SECONDS, TimeUnit.SECONDS) || !sawReady) {
      throw new AssertionError("the browser script never got ready:\n" + output());
    }
  }

  /** Tells the script the traffic it waits for has been sent (its only line of input). */
  void send(String line) {
    try {
      process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new AssertionError("the browser script is gone:\n" + output(), e);
    }
  }

  /** Waits for the script to end and returns its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(MAX_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the browser script did not finish within " + MAX_SECONDS + " s:\n" + output());
    }
    return process.exitValue();
  }

  /** Everything the script printed so far. */
  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        output.add(line);
        if (line.equals("READY")) {
          sawReady = true;
          ready.countDown();
        }
      }
    } catch (IOException e) {
      output.add("(output lost: " + e + ")");
    } finally {
      ready.countDown(); // awaitReady then reports what the script said
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, command))) {
        return true;
      }
    }
    return false;
  }
}
