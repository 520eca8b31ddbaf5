package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RoutesCommandTest {
  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Gatehouse.newCommandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private Path testingDescriptorSet() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return Files.write(dir.resolve("testing.desc"), in.readAllBytes());
    }
  }

  @Test
  void printsEveryRouteWithItsMethodTemplateBodyAndResponseBody() throws IOException {
    Run run = run("routes", "--descriptor-set", testingDescriptorSet().toString());

    assertThat(run.out()).containsPattern("GET +/v1/\\{name=shelves/\\*\\} +gatehouse.testing.v1.Library/GetShelf +- +\\*");
    assertThat(run.out()).containsPattern("PATCH +/v1/\\{book.name=shelves/\\*/books/\\*\\} +gatehouse.testing.v1.Library/UpdateBook +book");
    assertThat(run.out()).containsPattern("GET +/v1/\\{name=shelves/\\*/books/\\*\\}/title +gatehouse.testing.v1.Library/GetBookTitle +- +title");
    assertThat(run.out()).containsPattern("POST +/gatehouse.testing.v1.Library/Unbound +gatehouse.testing.v1.Library/Unbound +\\*");
    assertThat(run.out()).contains("(server streaming)").contains("(bidi streaming)");
  }

  @Test
  void unboundMethodsCanBeLeftOut() throws IOException {
    Run run = run("routes", "--descriptor-set", testingDescriptorSet().toString(), "--no-unbound-methods");

    assertThat(run.out()).doesNotContain("/gatehouse.testing.v1.Library/Unbound");
  }

  @Test
  void aMissingDescriptorSetIsAClearErrorNotAStackTrace() {
    Run run = run("routes", "--descriptor-set", dir.resolve("missing.desc").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("gatehouse routes: descriptor set ").contains("no such file")
        .doesNotContain("Exception");
  }
}
