package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.cli.demo.Demo;
import dev.gatehouse.cli.demo.DemoRequest;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.server.GatewayListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTest {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void everyPrintedRequestGetsItsDocumentedStatusInOrder() throws Exception {
    try (Demo demo = Demo.start(new HostPort("127.0.0.1", 0), 0, GatewayListener.NONE)) {
      List<String> answers = new ArrayList<>();
      for (DemoRequest request : DemoRequest.all()) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(demo.baseUrl() + request.pathAndQuery()));
        if (request.body() != null) {
          http.header("Content-Type", "application/json");
        }
        http.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body()));
        HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(request.title() + ": " + response.body())
            .isEqualTo(request.expectedStatus());
        answers.add(response.body());
      }
      // The PATCH sent only pageCount: the inferred field mask kept the title the POST set.
      assertThat(answers.get(5)).contains("\"pageCount\":\"1312\"").contains("\"title\":\"The Decline and Fall");
      assertThat(answers.get(6)).contains("\"name\":\"shelves/1/books/gibbon\"");
      assertThat(answers.get(8)).contains("google.rpc.ResourceInfo");
      assertThat(answers.get(9)).contains("SHELF_NOT_EMPTY");
      assertThat(answers.get(10)).contains("page_size");
    }
  }

  @Test
  void printedCommandsAreCurlCommandsAgainstTheGateway() {
    DemoRequest create = DemoRequest.all().get(4);

    assertThat(create.curl("http://127.0.0.1:8080")).isEqualTo("curl -s -X POST -H 'Content-Type: application/json' -d '"
        + create.body() + "' 'http://127.0.0.1:8080/v1/shelves/2/books?book_id=gibbon'");
  }
}
