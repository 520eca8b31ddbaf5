package dev.gatehouse.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testing.peer.JavaLibraryServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curl (HTTP/2 by prior knowledge, HTTP/1.1, TLS with ALPN) and Java's client over TLS, against grpc-java. */
class RealClientsTest {
  private static JavaLibraryServer backend;
  private static StreamingGateway cleartext;
  private static StreamingGateway tls;
  private static SelfSignedCertificate certificate;

  @BeforeAll
  static void start(@TempDir Path folder) throws Exception {
    backend = JavaLibraryServer.start(0);
    cleartext = new StreamingGateway(backend.port());
    certificate = new SelfSignedCertificate(folder);
    tls = new StreamingGateway(backend.port(), config -> config.tls(certificate.certificate, certificate.privateKey));
  }

  @AfterAll
  static void stop() {
    tls.close();
    cleartext.close();
    backend.close();
  }

  private static Process curl(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static String output(Process curl) throws Exception {
    String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(curl.exitValue()).as("curl's exit code; output: %s", out).isZero();
    return out;
  }

  @Test
  void chunkedHttp1BidiIsFullDuplexEachMessageAnsweredBeforeTheNextIsSent() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", cleartext.port())) {
      OutputStream in = socket.getOutputStream();
      BufferedReader out = new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.UTF_8));
      in.write(("POST /v1/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      in.write(chunk("{\"text\":\"one\"}\n"));
      in.flush();
      assertThat(out.readLine()).isEqualTo("HTTP/1.1 200 OK");
      String line = out.readLine();
      while (!line.isEmpty()) {
        line = out.readLine();
      }
      assertThat(out.readLine()).isEqualTo(Integer.toHexString(46));
      assertThat(out.readLine()).isEqualTo("{\"result\":{\"text\":\"echo: one\",\"from\":\"java\"}}");

      // Half a message, then the rest: the second answer comes only once the message is complete.
      in.write(chunk("{\"text\":"));
      in.write(chunk("\"two\"}"));
      in.flush();
      assertThat(out.readLine()).isEmpty();
      assertThat(out.readLine()).isEqualTo(Integer.toHexString(46));
      assertThat(out.readLine()).isEqualTo("{\"result\":{\"text\":\"echo: two\",\"from\":\"java\"}}");
      in.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      in.flush();
      assertThat(out.readLine()).isEmpty();
      assertThat(out.readLine()).isEqualTo("0");
    }
  }

  private static byte[] chunk(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return (Integer.toHexString(bytes.length) + "\r\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void curlSeesTrailerMetadataAsRealHttp2Trailers() throws Exception {
    String headersAndTrailers = output(curl("--http2-prior-knowledge", "-D", "-", "-o", "/dev/null",
        "-H", "TE: trailers", "-H", "Grpc-Metadata-X-Echo-Id: 7", "-H", "Content-Type: application/json", "-d", "{\"stringValue\":\"x\"}",
        cleartext.uri("/v1/echo").toString()));

    String[] blocks = headersAndTrailers.split("\r?\n\r?\n");
    assertThat(blocks[0]).startsWith("HTTP/2 200").contains("grpc-metadata-x-echo-id: 7")
        .doesNotContain("grpc-trailer-");
    assertThat(blocks[1]).contains("grpc-trailer-x-trailer-id: 7");
  }

  @Test
  void curlStreamsServerSentEventsOverHttp1() throws Exception {
    String body = output(curl("--http1.1", "--no-buffer", "-H", "Accept: text/event-stream",
        cleartext.uri("/v1/shelves/2:watch").toString()));

    assertThat(body).isEqualTo("data: {\"name\":\"shelves/2/books/1\",\"title\":\"title-1\"}\n\n"
        + "data: {\"name\":\"shelves/2/books/2\",\"title\":\"title-2\"}\n\n");
  }

  @Test
  void tlsNegotiatesHttp2OrHttp1WithAlpn() throws Exception {
    String url = "https://127.0.0.1:" + tls.port() + "/v1/shelves/2:watch";
    String h2 = output(curl("--cacert", certificate.certificate.toString(), "--http2", "-w", "%{http_version}",
        url));
    String h1 = output(curl("--cacert", certificate.certificate.toString(), "--http1.1", "-w", "%{http_version}",
        url));

    String body = "{\"result\":{\"name\":\"shelves/2/books/1\",\"title\":\"title-1\"}}\n"
        + "{\"result\":{\"name\":\"shelves/2/books/2\",\"title\":\"title-2\"}}\n";
    assertThat(h2).isEqualTo(body + "2");
    assertThat(h1).isEqualTo(body + "1.1");
  }

  @Test
  void javaClientOverTlsUsesHttp2ForEveryStreamingShape() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(certificate.clientContext())
        .version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
    String base = "https://127.0.0.1:" + tls.port();

    HttpResponse<String> watch = client.send(HttpRequest.newBuilder(java.net.URI.create(base
        + "/v1/shelves/fail-1:watch")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> bulk = client.send(HttpRequest.newBuilder(java.net.URI.create(base + "/v1/books:bulkCreate"))
        .POST(HttpRequest.BodyPublishers.ofString("{}{}{}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(watch.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(watch.body()).startsWith("{\"result\":").contains("\n{\"error\":{\"code\":10,");
    assertThat(bulk.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(bulk.body()).isEqualTo("{\"created\":3}");
  }
}
