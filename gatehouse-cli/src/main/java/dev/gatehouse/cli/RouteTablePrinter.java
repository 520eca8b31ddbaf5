package dev.gatehouse.cli;

import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.RouteConflict;
import dev.gatehouse.core.route.RouteTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints a route table as aligned columns, then its conflicts, for people reading a terminal. */
final class RouteTablePrinter {
  private static final String[] HEADER = {"METHOD", "TEMPLATE", "GRPC METHOD", "BODY", "RESPONSE BODY"};

  private RouteTablePrinter() {}

  static void print(RouteTable table, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Route route : table.routes()) {
      rows.add(new String[] {
          route.httpMethod(),
          route.template().toString(),
          route.grpcMethodName() + streaming(route),
          switch (route.body().kind()) {
            case NONE -> "-";
            case WHOLE_MESSAGE -> "*";
            case FIELD -> route.body().field().toString();
          },
          route.responseBody() == null ? "*" : route.responseBody().toString()});
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i] + 2));
      }
      out.println(line.toString().stripTrailing());
    }
    out.println();
    List<RouteConflict> conflicts = table.conflicts();
    String routes = count(table.routes().size(), "route");
    if (conflicts.isEmpty()) {
      out.println(routes + ", no conflicts.");
    } else {
      out.println(routes + ", " + count(conflicts.size(), "conflict") + ":");
      for (RouteConflict conflict : conflicts) {
        out.println("  " + conflict);
      }
    }
    out.flush();
  }

  private static String streaming(Route route) {
    boolean client = route.method().isClientStreaming();
    boolean server = route.method().isServerStreaming();
    if (client && server) {
      return " (bidi streaming)";
    }
    if (client) {
      return " (client streaming)";
    }
    return server ? " (server streaming)" : "";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
