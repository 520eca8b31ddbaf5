package dev.gatehouse.cli.demo;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One example request the demo prints as a curl command. The demo's test sends each of them, in order, and checks
 * the status, so the printed commands keep working.
 *
 * @param title what the request shows, printed above the command
 * @param method the HTTP method
 * @param pathAndQuery the request target, already percent-encoded
 * @param body the JSON body, or {@code null}
 * @param expectedStatus the HTTP status the demo answers with
 */
public record DemoRequest(String title, String method, String pathAndQuery, String body, int expectedStatus) {

  public DemoRequest {
    requireNonNull(title, "title");
    requireNonNull(method, "method");
    requireNonNull(pathAndQuery, "pathAndQuery");
  }

  /** The requests, in an order that works on the demo's sample data: later ones use what earlier ones created. */
  public static List<DemoRequest> all() {
    return List.of(
        new DemoRequest("List the shelves", "GET", "/v1/shelves", null, 200),
        new DemoRequest("Get a book by name (path variable name=shelves/*/books/*)", "GET",
            "/v1/shelves/1/books/1", null, 200),
        new DemoRequest("The same method through an additional binding", "GET", "/v1/books/2", null, 200),
        new DemoRequest("Filter and page with query parameters", "GET",
            "/v1/shelves/1/books?author=Ursula%20K.%20Le%20Guin&page_size=1", null, 200),
        new DemoRequest("Create a book: the body is the book, book_id comes from the query", "POST",
            "/v1/shelves/2/books?book_id=gibbon",
            "{\"title\":\"The Decline and Fall of the Roman Empire\",\"author\":\"Edward Gibbon\","
                + "\"genre\":\"HISTORY\",\"pageCount\":\"3589\"}", 200),
        new DemoRequest("PATCH one field: the field mask is filled from the JSON keys sent", "PATCH",
            "/v1/shelves/2/books/gibbon", "{\"pageCount\":1312}", 200),
        new DemoRequest("A custom verb (:move)", "POST", "/v1/shelves/2/books/gibbon:move",
            "{\"destinationShelf\":\"shelves/1\"}", 200),
        new DemoRequest("Delete it", "DELETE", "/v1/shelves/1/books/gibbon", null, 200),
        new DemoRequest("An error with details: NOT_FOUND with a google.rpc.ResourceInfo", "GET",
            "/v1/shelves/1/books/missing", null, 404),
        new DemoRequest("FAILED_PRECONDITION with a google.rpc.ErrorInfo", "DELETE", "/v1/shelves/2", null, 400),
        new DemoRequest("Bad input is a 400 that names the parameter", "GET", "/v1/shelves?page_size=ten", null,
            400));
  }

  /** The request as a curl command against {@code baseUrl} ({@code http://127.0.0.1:8080}). */
  public String curl(String baseUrl) {
    StringBuilder command = new StringBuilder("curl -s");
    if (!method.equals("GET")) {
      command.append(" -X ").append(method);
    }
    if (body != null) {
      command.append(" -H 'Content-Type: application/json' -d '").append(body).append('\'');
    }
    return command.append(" '").append(baseUrl).append(pathAndQuery).append('\'').toString();
  }
}
