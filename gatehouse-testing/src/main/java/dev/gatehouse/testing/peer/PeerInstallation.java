package dev.gatehouse.testing.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the foreign peers' programs, runtimes and the descriptor set are, checked before each use so that a missing
 * piece fails with the command that installs it.
 */
final class PeerInstallation {

  static final String INSTALL_HINT = "run scripts/install-test-deps (as root; it uses apt-get and npm ci)";
  static final String REPO_ROOT_PROPERTY = "gatehouse.repo.root";

  private static final String DESCRIPTOR_SET_RESOURCE = "/gatehouse/testing/v1/testing.desc";
  // Debian's python3 packages; the machine's default python3 may be another one without them.
  private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
  private static final Path DEBIAN_PYTHON_PACKAGES = Path.of("/usr/lib/python3/dist-packages");

  private static PeerInstallation instance;

  private final Path root;
  private final Path peers;
  private final Path descriptorSet;
  private Path goBinary;

  private PeerInstallation(Path root, Path descriptorSet) {
    this.root = root;
    this.peers = root.resolve("gatehouse-testing/src/main/peers");
    this.descriptorSet = descriptorSet;
  }

  static synchronized PeerInstallation get() {
    if (instance == null) {
      instance = new PeerInstallation(findRoot(), extractDescriptorSet());
    }
    return instance;
  }

  Path root() {
    return root;
  }

  /** The command line of a foreign peer's role, after checking that what it needs is installed. */
  synchronized List<String> command(ForeignPeer peer, String role, List<String> arguments) {
    List<String> command = new ArrayList<>();
    switch (peer) {
      case GO -> command.add(goBinary().toString());
      case PYTHON -> {
        require(peer, Files.isExecutable(DEBIAN_PYTHON), DEBIAN_PYTHON + " not found");
        require(peer, Files.isDirectory(DEBIAN_PYTHON_PACKAGES.resolve("grpc")),
            "Debian package python3-grpcio not installed (no " + DEBIAN_PYTHON_PACKAGES.resolve("grpc") + ")");
        require(peer, Files.isDirectory(DEBIAN_PYTHON_PACKAGES.resolve("google/protobuf")),
            "Debian package python3-protobuf not installed (no "
                + DEBIAN_PYTHON_PACKAGES.resolve("google/protobuf") + ")");
        command.add(DEBIAN_PYTHON.toString());
        command.add(peers.resolve("python/peer.py").toString());
      }
      case NODE -> {
        Path node = onPath("node");
        require(peer, node != null, "node not found on PATH");
        for (String module : List.of("@grpc/grpc-js", "@grpc/proto-loader", "protobufjs")) {
          require(peer, Files.isRegularFile(peers.resolve("node/node_modules").resolve(module).resolve("package.json")),
              "npm package " + module + " not installed in " + peers.resolve("node/node_modules"));
        }
        command.add(node.toString());
        command.add(peers.resolve("node/peer.js").toString());
      }
      case JAVA -> throw new IllegalArgumentException("peer: JAVA (expected: a peer that runs as a process)");
    }
    command.add(role);
    command.addAll(arguments);
    command.add("--descriptor-set");
    command.add(descriptorSet.toString());
    return command;
  }

  /** The grpc-go peer's binary, built by {@code build.sh} once per JVM; it rebuilds only when main.go changed. */
  private Path goBinary() {
    if (goBinary == null) {
      Path script = peers.resolve("go/build.sh");
      PeerProcess.Finished build = PeerProcess.run(List.of("bash", script.toString()), root, PeerProcess.BUILD_TIMEOUT);
      require(ForeignPeer.GO, build.exitCode() == 0,
          "building the grpc-go peer failed (" + script + ", exit code " + build.exitCode() + "):\n"
              + build.output().indent(2));
      String[] lines = build.stdout().strip().split("\n");
      goBinary = Path.of(lines[lines.length - 1]);
    }
    return goBinary;
  }

  static void require(ForeignPeer peer, boolean condition, String missing) {
    if (!condition) {
      throw new IllegalStateException(peer.implementation() + " peer unavailable: " + missing + "; " + INSTALL_HINT);
    }
  }

  private static Path onPath(String program) {
    String path = System.getenv("PATH");
    for (String directory : path == null ? new String[0] : path.split(":")) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Path findRoot() {
    String property = System.getProperty(REPO_ROOT_PROPERTY);
    if (property != null && !property.isBlank()) {
      Path root = Path.of(property).toAbsolutePath();
      if (!Files.isDirectory(root.resolve("gatehouse-testing/src/main/peers"))) {
        throw new IllegalStateException(REPO_ROOT_PROPERTY + ": " + property
            + " (expected: the repository root, holding gatehouse-testing/src/main/peers)");
      }
      return root;
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("gatehouse-testing/src/main/peers"))) {
        return dir;
      }
    }
    throw new IllegalStateException("repository root not found above " + start
        + " (expected: a folder with mvnw and gatehouse-testing/src/main/peers); set -D" + REPO_ROOT_PROPERTY);
  }

  // The descriptor set is a classpath resource, inside a jar when another module uses the fixture.
  private static Path extractDescriptorSet() {
    try (InputStream in = PeerInstallation.class.getResourceAsStream(DESCRIPTOR_SET_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DESCRIPTOR_SET_RESOURCE + " not on the classpath "
            + "(expected: built by gatehouse-testing's protobuf plugin)");
      }
      Path file = Files.createTempFile("gatehouse-testing-", ".desc");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + DESCRIPTOR_SET_RESOURCE + " to a file", e);
    }
  }
}
