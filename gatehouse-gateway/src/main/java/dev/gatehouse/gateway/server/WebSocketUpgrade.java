package dev.gatehouse.gateway.server;

import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.RouteLookup;
import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.core.route.RouteTable;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a WebSocket handshake request that decide its call: the route (the handshake is always a GET, so the
 * path is also looked up under the methods the route table allows for it), and the metadata, which browsers cannot
 * send as headers: {@code Sec-WebSocket-Protocol: bearer, <token>} becomes {@code Authorization: Bearer <token>}, and
 * query parameters {@code grpc-metadata-<name>=<value>} become metadata {@code <name>}, removed from the query before
 * it is bound.
 */
final class WebSocketUpgrade {
  /** The subprotocol a browser offers, followed by its token, to authenticate. */
  static final String BEARER_PROTOCOL = "bearer";
  private static final String METADATA_PARAMETER = "grpc-metadata-";

  private WebSocketUpgrade() {
  }

  /** Whether the request asks to switch to WebSocket ({@code GET} with {@code Upgrade: websocket}). */
  static boolean isUpgrade(HttpRequest head) {
    return head.method().equals(HttpMethod.GET)
        && head.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  /** The route for the handshake's path: under GET, else under the first method it is allowed with. */
  static RouteLookup route(RouteTable routes, String path) {
    RouteLookup lookup = routes.match("GET", path);
    if (lookup instanceof RouteLookup.MethodNotAllowed notAllowed) {
      for (String method : notAllowed.allowedMethods()) {
        RouteLookup other = routes.match(method, path);
        if (other instanceof RouteLookup.Matched) {
          return other;
        }
      }
    }
    return lookup;
  }

  /** Whether the first message is in the query and path only (the route binds no body). */
  static boolean bindsNoBody(RouteMatch match) {
    return match.route().body().kind() == Route.BodyRule.Kind.NONE;
  }

  /** The query without its {@code grpc-metadata-} parameters, still percent-encoded, or {@code null}. */
  static String queryWithoutMetadata(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return rawQuery;
    }
    StringBuilder kept = new StringBuilder();
    for (String parameter : rawQuery.split("&")) {
      if (!parameter.toLowerCase(Locale.ROOT).startsWith(METADATA_PARAMETER)) {
        kept.append(kept.length() == 0 ? "" : "&").append(parameter);
      }
    }
    return kept.toString();
  }

  /**
   * The headers the call's metadata is made from: the handshake's, plus {@code Authorization} from the bearer
   * subprotocol and a {@code Grpc-Metadata-<name>} header per {@code grpc-metadata-<name>} query parameter.
   */
  static HttpHeaders metadataHeaders(HttpRequest head, String rawQuery) {
    HttpHeaders headers = new DefaultHttpHeaders().add(head.headers());
    String token = bearerToken(head.headers());
    if (token != null && !headers.contains(HttpHeaderNames.AUTHORIZATION)) {
      headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }
    if (rawQuery != null) {
      Map<String, List<String>> parameters = new QueryStringDecoder(rawQuery, StandardCharsets.UTF_8, false)
          .parameters();
      for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
        String name = parameter.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith(METADATA_PARAMETER) && name.length() > METADATA_PARAMETER.length()) {
          for (String value : parameter.getValue()) {
            headers.add("Grpc-Metadata-" + name.substring(METADATA_PARAMETER.length()), value);
          }
        }
      }
    }
    // The protocol list holds the token; it must not reach the backend as grpcgateway-… metadata.
    headers.remove(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    return headers;
  }

  private static String bearerToken(HttpHeaders headers) {
    String protocols = headers.get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
    if (protocols == null) {
      return null;
    }
    String[] offered = protocols.split(",");
    if (offered.length >= 2 && offered[0].trim().equalsIgnoreCase(BEARER_PROTOCOL)) {
      return offered[1].trim();
    }
    return null;
  }

  /** The handshaker for the request, or {@code null} for an unsupported WebSocket version. */
  static WebSocketServerHandshaker handshaker(HttpRequest head, int maxFrameBytes) {
    String host = head.headers().get(HttpHeaderNames.HOST, "localhost");
    return new WebSocketServerHandshakerFactory("ws://" + host + head.uri(), BEARER_PROTOCOL, false, maxFrameBytes)
        .newHandshaker(head);
  }

  /** The handshake request as the handshaker wants it: whole, with no body. */
  static FullHttpRequest full(HttpRequest head) {
    return new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(), Unpooled.EMPTY_BUFFER,
        head.headers(), EmptyHttpHeaders.INSTANCE);
  }
}
