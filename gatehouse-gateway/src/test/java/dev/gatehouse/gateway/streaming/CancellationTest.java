package dev.gatehouse.gateway.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CancellationTest {
  @Test
  void anHttp1ClientLeavingMidStreamCancelsTheUpstreamCall() throws Exception {
    try (FlowControlledBackend backend = new FlowControlledBackend();
        StreamingGateway gateway = new StreamingGateway(backend.port())) {
      try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
        socket.getOutputStream().write("GET /v1/shelves/forever:watch HTTP/1.1\r\nHost: x\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
            StandardCharsets.US_ASCII));
        assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
      }
      assertThat(backend.cancelled.await(10, TimeUnit.SECONDS)).as("the backend saw the cancellation").isTrue();
      assertThat(gateway.accessLog.poll(10, TimeUnit.SECONDS).httpStatus()).isEqualTo(499);
    }
  }

  @Test
  void anHttp2StreamResetCancelsTheUpstreamCall() throws Exception {
    try (FlowControlledBackend backend = new FlowControlledBackend();
        StreamingGateway gateway = new StreamingGateway(backend.port())) {
      HttpResponse<String> warmUp = gateway.http2.send(HttpRequest.newBuilder(gateway.uri("/nothing")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(warmUp.version()).isEqualTo(HttpClient.Version.HTTP_2);
      HttpResponse<InputStream> response = gateway.http2.send(
          HttpRequest.newBuilder(gateway.uri("/v1/shelves/forever:watch")).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
      InputStream body = response.body();
      assertThat(body.read(new byte[1024])).isPositive();
      // Closing the body before its end makes Java's client reset the stream (RST_STREAM CANCEL).
      body.close();

      assertThat(backend.cancelled.await(10, TimeUnit.SECONDS)).as("the backend saw the cancellation").isTrue();
    }
  }
}
