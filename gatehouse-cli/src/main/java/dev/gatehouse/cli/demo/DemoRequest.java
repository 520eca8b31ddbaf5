package dev.gatehouse.cli.demo;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One example request the demo prints as a curl command. The demo's test sends each of them, in order, and checks
 * the status and a piece of the answer, so the printed commands keep working.
 *
 * @param title what the request shows, printed above the command
 * @param method the HTTP method
 * @param pathAndQuery the request target, already percent-encoded
 * @param headers extra request headers as {@code Name: value}
 * @param body the JSON body, or {@code null}
 * @param streamed whether the answer streams (curl then prints each part as it arrives: {@code -N})
 * @param expectedStatus the HTTP status the demo answers with
 * @param expectedText a piece of the answer's body
 */
public record DemoRequest(String title, String method, String pathAndQuery, List<String> headers, String body,
    boolean streamed, int expectedStatus, String expectedText) {

  public DemoRequest {
    requireNonNull(title, "title");
    requireNonNull(method, "method");
    requireNonNull(pathAndQuery, "pathAndQuery");
    headers = List.copyOf(headers);
    requireNonNull(expectedText, "expectedText");
  }

  private static DemoRequest unary(String title, String method, String pathAndQuery, String body, int status,
      String expectedText) {
    return new DemoRequest(title, method, pathAndQuery, List.of(), body, false, status, expectedText);
  }

  /** The requests, in an order that works on the demo's sample data: later ones use what earlier ones created. */
  public static List<DemoRequest> all() {
    return List.of(
        unary("List the shelves", "GET", "/v1/shelves", null, 200, "\"theme\":\"Fiction\""),
        unary("Get a book by name (path variable name=shelves/*/books/*)", "GET", "/v1/shelves/1/books/1", null,
            200, "The Left Hand of Darkness"),
        unary("The same method through an additional binding", "GET", "/v1/books/2", null, 200,
            "The Dispossessed"),
        unary("Filter and page with query parameters", "GET",
            "/v1/shelves/1/books?author=Ursula%20K.%20Le%20Guin&page_size=1", null, 200,
            "\"nextPageToken\":\"shelves/1/books/1\""),
        unary("Create a book: the body is the book, book_id comes from the query", "POST",
            "/v1/shelves/2/books?book_id=gibbon",
            "{\"title\":\"The Decline and Fall of the Roman Empire\",\"author\":\"Edward Gibbon\","
                + "\"genre\":\"HISTORY\",\"pageCount\":\"3589\"}", 200, "\"name\":\"shelves/2/books/gibbon\""),
        unary("PATCH one field: the field mask is filled from the JSON keys sent", "PATCH",
            "/v1/shelves/2/books/gibbon", "{\"pageCount\":1312}", 200, "\"pageCount\":\"1312\""),
        unary("A custom verb (:move)", "POST", "/v1/shelves/2/books/gibbon:move",
            "{\"destinationShelf\":\"shelves/1\"}", 200, "\"name\":\"shelves/1/books/gibbon\""),
        unary("Delete it", "DELETE", "/v1/shelves/1/books/gibbon", null, 200, "{}"),
        unary("An error with details: NOT_FOUND with a google.rpc.ResourceInfo", "GET",
            "/v1/shelves/1/books/missing", null, 404, "google.rpc.ResourceInfo"),
        unary("FAILED_PRECONDITION with a google.rpc.ErrorInfo", "DELETE", "/v1/shelves/2", null, 400,
            "SHELF_NOT_EMPTY"),
        unary("Bad input is a 400 that names the parameter", "GET", "/v1/shelves?page_size=ten", null, 400,
            "query parameter \\\"page_size\\\""),
        new DemoRequest("Server streaming: one {\"result\":book} line per message, as each arrives", "GET",
            "/v1/shelves/1/books:stream", List.of(), null, true, 200, "{\"result\":{\"name\":\"shelves/1/books/3\""),
        new DemoRequest("The same stream as Server-Sent Events", "GET", "/v1/shelves/1/books:stream",
            List.of("Accept: text/event-stream"), null, true, 200, "data: {\"name\":\"shelves/1/books/1\""),
        new DemoRequest("Client streaming: each JSON value in the body is one message, sent as it is read", "POST",
            "/v1/books:import", List.of(),
            "{\"parent\":\"shelves/2\",\"book\":{\"title\":\"The Histories\",\"author\":\"Herodotus\"}}"
                + "{\"parent\":\"shelves/2\",\"book\":{\"title\":\"The Peloponnesian War\",\"author\":\"Thucydides\"}}",
            false, 200, "{\"created\":2}"),
        new DemoRequest("Bidirectional streaming over HTTP: one answer line per remark", "POST", "/v1/discussions",
            List.of(), "{\"text\":\"Where is Invisible Cities?\",\"reader\":\"ann\"}{\"text\":\"Thanks!\",\"reader\":\"ann\"}",
            true, 200, "is on shelves/1"));
  }

  /** The request as a curl command against {@code baseUrl} ({@code http://127.0.0.1:8080}). */
  public String curl(String baseUrl) {
    StringBuilder command = new StringBuilder(streamed ? "curl -sN" : "curl -s");
    if (!method.equals("GET")) {
      command.append(" -X ").append(method);
    }
    for (String header : headers) {
      command.append(" -H '").append(header).append('\'');
    }
    if (body != null) {
      command.append(" -H 'Content-Type: application/json' -d '").append(body).append('\'');
    }
    return command.append(" '").append(baseUrl).append(pathAndQuery).append('\'').toString();
  }

  /**
   * JavaScript for a browser's console that talks to the bidirectional {@code Discuss} method over a WebSocket: each
   * text frame is one message each way, and the close frame carries the gRPC status.
   */
  public static String webSocketExample(String baseUrl) {
    String ws = baseUrl.replaceFirst("^http", "ws");
    return "const ws = new WebSocket('" + ws + "/v1/discussions');\n"
        + "ws.onmessage = (e) => console.log(e.data);\n"
        + "ws.onclose = (e) => console.log('closed', e.code, e.reason);\n"
        + "ws.onopen = () => { ws.send('{\"text\":\"Where is SPQR?\"}'); ws.send(''); };";
  }
}
