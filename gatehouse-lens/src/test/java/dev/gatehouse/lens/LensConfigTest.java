package dev.gatehouse.lens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.lens.proxy.LensServer;
import dev.gatehouse.testing.peer.ClientRun;
import dev.gatehouse.testing.peer.ForeignPeer;
import dev.gatehouse.testing.peer.JavaLibraryServer;
import dev.gatehouse.testing.peer.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's options as a value, and a lens started from it writing its text to a file. */
class LensConfigTest {

  @Test
  void hostAndPortParseIncludingBracketedIpv6() {
    LensConfig config = LensConfig.of("[::1]:8080", "127.0.0.1:50051");

    assertThat(config.listenHost()).isEqualTo("::1");
    assertThat(config.listenPort()).isEqualTo(8080);
    assertThat(config.upstreamHost()).isEqualTo("127.0.0.1");
    assertThat(config.upstreamPort()).isEqualTo(50051);
    assertThat(config.format()).isEqualTo(OutputFormat.TEXT);
    assertThat(config.output()).isNull();
  }

  @Test
  void badAddressesNameTheOptionAndTheExpectation() {
    assertThatThrownBy(() -> LensConfig.of("8080", "127.0.0.1:50051"))
        .hasMessage("listen: 8080 (expected: HOST:PORT, e.g. 127.0.0.1:50051)");
    assertThatThrownBy(() -> LensConfig.of("127.0.0.1:0", "127.0.0.1:0"))
        .hasMessage("upstreamPort: 0 (expected: 1..65535)");
    assertThatThrownBy(() -> OutputFormat.parse("xml")).hasMessage("format: xml (expected: text or jsonl)");
  }

  @Test
  void lensWritesItsTextOutputToTheConfiguredFile(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("lens.txt");
    Path descriptors = dir.resolve("testing.desc");
    try (java.io.InputStream in = getClass().getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      Files.write(descriptors, in.readAllBytes());
    }
    try (JavaLibraryServer server = JavaLibraryServer.start(0)) {
      LensConfig config = LensConfig.of("127.0.0.1:0", "127.0.0.1:" + server.port())
          .withDescriptorSet(descriptors).withOutput(output);
      try (LensServer lens = Lens.start(config)) {
        ClientRun run = ForeignPeer.JAVA.runClient("127.0.0.1:" + lens.port(), Scenario.UNARY);
        assertThat(run.passed()).as(run.describe()).isTrue();
      }
    }

    assertThat(Files.readString(output))
        .contains("C→S connection preface")
        .contains("HEADERS frame <length=")
        .contains("message stream 3 #0 /gatehouse.testing.v1.Library/GetShelf (11 bytes): {\"name\":\"shelves/1\"}")
        .contains("call stream 3 /gatehouse.testing.v1.Library/GetShelf: OK (0)");
  }
}
