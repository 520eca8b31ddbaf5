package dev.gatehouse.gateway.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over a socket, for what {@code java.net.http} cannot do: pipelining, hand-written chunked
 * bodies, trailers, oversized headers, and hanging up mid-call. Reads block at most ten seconds.
 */
final class RawHttpConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttpConnection(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  void send(String request) throws IOException {
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads one response, or returns {@code null} when the server closed the connection first. */
  Response read() throws IOException {
    String statusLine = readLine();
    if (statusLine == null) {
      return null;
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, List<String>> headers = readHeaders();
    byte[] body;
    String length = first(headers, "content-length");
    Map<String, List<String>> trailers = Map.of();
    if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(readLine().trim(), 16); size > 0; size = Integer.parseInt(readLine().trim(), 16)) {
        bytes.write(in.readNBytes(size));
        readLine();
      }
      trailers = readHeaders();
      body = bytes.toByteArray();
    } else if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else {
      body = new byte[0];
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8), trailers);
  }

  /** Whether the server closed the connection (reads end of stream). */
  boolean isClosedByServer() throws IOException {
    return in.read() == -1;
  }

  private Map<String, List<String>> readHeaders() throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    return headers;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null ? null : values.get(0);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  record Response(int status, Map<String, List<String>> headers, String body, Map<String, List<String>> trailers) {
    String header(String name) {
      return first(headers, name);
    }

    String trailer(String name) {
      return first(trailers, name);
    }
  }
}
