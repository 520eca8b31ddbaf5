package dev.gatehouse.gateway.server;

import com.google.api.HttpBody;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gatehouse.core.route.Route;
import dev.gatehouse.core.route.RouteLookup;
import dev.gatehouse.core.route.RouteMatch;
import dev.gatehouse.core.route.RouteTable;
import dev.gatehouse.core.status.GrpcCode;
import dev.gatehouse.core.status.StatusException;
import dev.gatehouse.gateway.health.HealthProbe;
import dev.gatehouse.gateway.health.HealthStatus;
import dev.gatehouse.gateway.metadata.RequestMetadata;
import dev.gatehouse.gateway.metadata.ResponseMetadata;
import dev.gatehouse.gateway.upstream.GrpcTimeout;
import dev.gatehouse.gateway.upstream.StreamingCall;
import dev.gatehouse.gateway.upstream.UnaryCall;
import dev.gatehouse.gateway.upstream.UnaryResult;
import dev.gatehouse.gateway.upstream.UpstreamChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http2.Http2StreamChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns one complete request into an answer: the health endpoint, or a route, content negotiation, binding, and a
 * unary call to the backend whose result becomes the answer. Shared by every connection of a server; holds no
 * per-request state (that lives in the {@link Exchange}) and never blocks.
 */
final class RequestDispatcher {
  private final ServerState server;
  private final RouteTable routes;
  private final Transcoder transcoder;
  private final UpstreamChannel upstream;
  private final UpstreamTracing tracing;
  private final HealthProbe health;

  RequestDispatcher(ServerState server, RouteTable routes, Transcoder transcoder, UpstreamChannel upstream,
      UpstreamTracing tracing) {
    this.server = server;
    this.routes = routes;
    this.transcoder = transcoder;
    this.upstream = upstream;
    this.tracing = tracing;
    this.health = new HealthProbe(upstream);
  }

  /**
   * Starts answering {@code exchange}, whose body is complete. The answer is given to the exchange now for errors
   * found at once, or later, on the connection's event loop, when the upstream call ends.
   *
   * @throws StatusException for bad input, answered as the connection's error body
   */
  void dispatch(Exchange exchange) {
    String path = exchange.path();
    ErrorAnswers errors = server.errors();
    if (isHealthCheck(exchange)) {
      checkHealth(exchange);
      return;
    }
    if (WebSocketUpgrade.isUpgrade(exchange.head()) && !(exchange.channel() instanceof Http2StreamChannel)) {
      upgradeToWebSocket(exchange);
      return;
    }
    RouteLookup lookup = exchange.lookup() != null ? exchange.lookup() : routes.match(exchange.method(), path);
    if (lookup instanceof RouteLookup.MethodNotAllowed notAllowed) {
      Answer answer = errors.of(GrpcCode.UNIMPLEMENTED, "method " + exchange.method() + " not allowed on "
          + path + " (allowed: " + notAllowed.allowHeader() + ")").withStatus(HttpResponseStatus.METHOD_NOT_ALLOWED);
      answer.headers().set(HttpHeaderNames.ALLOW, notAllowed.allowHeader());
      exchange.complete(answer);
      return;
    }
    if (!(lookup instanceof RouteLookup.Matched matched)) {
      exchange.complete(errors.of(GrpcCode.NOT_FOUND, "no route for " + exchange.method() + " " + path));
      return;
    }
    RouteMatch match = matched.match();
    Route route = match.route();
    String grpcMethod = route.grpcMethodName();
    MethodDescriptor<byte[], byte[]> method = upstream.method(grpcMethod);
    if (method == null || !method.getType().clientSendsOneMessage()) {
      // Client streams are dispatched as their body arrives (dispatchStreamedUpload); none should get here.
      exchange.complete(errors.of(GrpcCode.UNIMPLEMENTED, "method " + grpcMethod + " cannot be served here"));
      return;
    }
    HttpHeaders headers = exchange.headers();
    String accept = headers.get(HttpHeaderNames.ACCEPT);
    boolean serverStreaming = !method.getType().serverSendsOneMessage();
    StreamFormat format = serverStreaming ? MediaTypes.negotiateStream(accept) : null;
    String jsonType = serverStreaming ? null : MediaTypes.negotiateJson(accept);
    if (serverStreaming ? format == null : jsonType == null && !HttpBodies.isRawResponse(route)) {
      exchange.complete(notAcceptable(accept, serverStreaming));
      return;
    }
    byte[] request = bind(exchange, match);
    if (request == null) {
      return;
    }
    if (serverStreaming) {
      startStreamed(exchange, match, method, format, null, accept, request);
      return;
    }
    Metadata metadata = RequestMetadata.of(headers, server.config().metadataPrefix(),
        exchange.channel().remoteAddress());
    long timeoutNanos = timeoutNanos(headers);
    UnaryCall call = UnaryCall.start(tracing.channel(exchange, metadata), method, metadata, request, timeoutNanos,
        exchange.channel().eventLoop(),
        result -> exchange.complete(answer(exchange, route, jsonType, accept, result)));
    exchange.upstreamCall(call, grpcMethod);
  }

  private boolean isHealthCheck(Exchange exchange) {
    return exchange.path().equals(server.config().healthPath()) && exchange.method().equals("GET");
  }

  /**
   * Whether the request goes to a client- or bidi-streaming method, whose body is sent upstream message by message
   * as it arrives; called with the request's head. Remembers the route found in the exchange.
   */
  boolean isStreamedUpload(Exchange exchange) {
    if (isHealthCheck(exchange) || WebSocketUpgrade.isUpgrade(exchange.head())) {
      return false;
    }
    RouteLookup lookup = routes.match(exchange.method(), exchange.path());
    exchange.lookup(lookup);
    if (!(lookup instanceof RouteLookup.Matched matched)) {
      return false;
    }
    MethodDescriptor<byte[], byte[]> method = upstream.method(matched.match().route().grpcMethodName());
    return method != null && !method.getType().clientSendsOneMessage();
  }

  /**
   * Starts the call of a client- or bidi-streaming request whose head just arrived; its body chunks then go to the
   * exchange's {@link StreamedCall}. Errors found at once are answered, and the body is skipped.
   *
   * @throws StatusException for bad headers ({@code Grpc-Timeout}, binary metadata)
   */
  void dispatchStreamedUpload(Exchange exchange) {
    RouteMatch match = ((RouteLookup.Matched) exchange.lookup()).match();
    Route route = match.route();
    MethodDescriptor<byte[], byte[]> method = upstream.method(route.grpcMethodName());
    HttpHeaders headers = exchange.headers();
    String accept = headers.get(HttpHeaderNames.ACCEPT);
    boolean serverStreaming = !method.getType().serverSendsOneMessage();
    StreamFormat format = serverStreaming ? MediaTypes.negotiateStream(accept) : null;
    String jsonType = serverStreaming ? null : MediaTypes.negotiateJson(accept);
    if (serverStreaming ? format == null : jsonType == null) {
      exchange.complete(notAcceptable(accept, serverStreaming));
      return;
    }
    if (HttpBodies.isRawRequest(route)) {
      exchange.complete(server.errors().of(GrpcCode.UNIMPLEMENTED, "method " + route.grpcMethodName()
          + " streams google.api.HttpBody requests, which the gateway does not serve"));
      return;
    }
    String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
    if (contentType != null && !MediaTypes.isJson(contentType)) {
      exchange.complete(unsupportedMediaType(contentType));
      return;
    }
    startStreamed(exchange, match, method, format, jsonType, accept, null);
  }

  private void startStreamed(Exchange exchange, RouteMatch match, MethodDescriptor<byte[], byte[]> method,
      StreamFormat format, String jsonType, String accept, byte[] request) {
    HttpHeaders headers = exchange.headers();
    Metadata metadata = RequestMetadata.of(headers, server.config().metadataPrefix(),
        exchange.channel().remoteAddress());
    long timeoutNanos = timeoutNanos(headers);
    Route route = match.route();
    StreamedCall streamed = new StreamedCall(exchange, server, transcoder, match, format,
        result -> answer(exchange, route, jsonType, accept, result), request == null);
    exchange.streamedCall(streamed, route.grpcMethodName());
    StreamingCall call = StreamingCall.start(tracing.channel(exchange, metadata), method, metadata, timeoutNanos,
        exchange.channel().eventLoop(), streamed);
    streamed.started(call, request);
  }

  /** Answers a WebSocket handshake by switching the connection to a {@link WebSocketCall} for its route. */
  private void upgradeToWebSocket(Exchange exchange) {
    RouteLookup lookup = WebSocketUpgrade.route(routes, exchange.path());
    if (!(lookup instanceof RouteLookup.Matched matched)) {
      exchange.complete(server.errors().of(GrpcCode.NOT_FOUND, "no route for a WebSocket to " + exchange.path()));
      return;
    }
    RouteMatch match = matched.match();
    MethodDescriptor<byte[], byte[]> method = upstream.method(match.route().grpcMethodName());
    String query = WebSocketUpgrade.queryWithoutMetadata(exchange.rawQuery());
    Metadata metadata = RequestMetadata.of(WebSocketUpgrade.metadataHeaders(exchange.head(), exchange.rawQuery()),
        server.config().metadataPrefix(), exchange.channel().remoteAddress());
    long timeoutNanos = timeoutNanos(exchange.headers());
    byte[] request = method.getType().clientSendsOneMessage() && WebSocketUpgrade.bindsNoBody(match)
        ? transcoder.bind(match, null, query) : null;
    WebSocketServerHandshaker handshaker = WebSocketUpgrade.handshaker(exchange.head(),
        server.config().maxBodyBytes());
    if (handshaker == null) {
      Answer answer = server.errors().of(GrpcCode.INVALID_ARGUMENT, "Sec-WebSocket-Version: "
          + exchange.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION) + " (expected: 13)")
          .withStatus(HttpResponseStatus.UPGRADE_REQUIRED);
      answer.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
      exchange.complete(answer);
      return;
    }
    exchange.upstreamCall(null, match.route().grpcMethodName());
    WebSocketCall call = new WebSocketCall(server, transcoder, tracing.channel(exchange, metadata), method, match,
        query, metadata, timeoutNanos, request);
    exchange.connection().switchToWebSocket(exchange, call, handshaker, WebSocketUpgrade.full(exchange.head()));
  }

  private Answer notAcceptable(String accept, boolean stream) {
    String expected = stream
        ? "application/json, application/x-ndjson, text/event-stream or application/json; stream=array"
        : "application/json or a +json type";
    return server.errors().of(GrpcCode.INVALID_ARGUMENT, "Accept: " + accept + " (expected: " + expected + ")")
        .withStatus(HttpResponseStatus.NOT_ACCEPTABLE);
  }

  private Answer unsupportedMediaType(String contentType) {
    return server.errors().of(GrpcCode.INVALID_ARGUMENT, "Content-Type: " + contentType
        + " (expected: application/json or a +json type)").withStatus(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  /** The request message, or {@code null} after answering an unacceptable body. */
  private byte[] bind(Exchange exchange, RouteMatch match) {
    Route route = match.route();
    byte[] body = exchange.body();
    String contentType = exchange.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (route.body().kind() == Route.BodyRule.Kind.NONE || body.length == 0) {
      // A body the rule does not bind is ignored, as grpc-gateway does.
      return transcoder.bind(match, null, exchange.rawQuery());
    }
    if (HttpBodies.isRawRequest(route)) {
      byte[] rest = transcoder.bind(match, null, exchange.rawQuery());
      return HttpBodies.concat(HttpBodies.encodeRequestBody(route, contentType, body), rest);
    }
    if (contentType != null && !MediaTypes.isJson(contentType)) {
      exchange.complete(unsupportedMediaType(contentType));
      return null;
    }
    return transcoder.bind(match, body, exchange.rawQuery());
  }

  private long timeoutNanos(HttpHeaders headers) {
    String timeout = headers.get("grpc-timeout");
    if (timeout != null) {
      return GrpcTimeout.parseNanos(timeout.trim());
    }
    return server.config().defaultTimeout().toNanos();
  }

  private Answer answer(Exchange exchange, Route route, String jsonType, String accept, UnaryResult result) {
    Answer answer;
    Status status = result.status();
    if (!status.isOk()) {
      answer = server.errors().ofCall(status, result.trailers());
      String challenge = ResponseMetadata.wwwAuthenticate(result.headers(), result.trailers());
      if (status.getCode() == Status.Code.UNAUTHENTICATED && challenge != null) {
        answer.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, challenge);
      }
    } else {
      answer = success(route, jsonType, accept, result.message());
    }
    ResponseMetadata.addHeaders(result.headers(), answer.headers());
    if (exchange.acceptsTrailers()) {
      HttpHeaders trailers = new DefaultHttpHeaders();
      ResponseMetadata.addTrailers(result.trailers(), trailers);
      return answer.withTrailers(trailers);
    }
    // The unary answer is buffered whole, so its trailer metadata can still go in the headers.
    ResponseMetadata.addTrailers(result.trailers(), answer.headers());
    return answer;
  }

  private Answer success(Route route, String jsonType, String accept, byte[] message) {
    ErrorAnswers errors = server.errors();
    if (HttpBodies.isRawResponse(route)) {
      HttpBody body;
      try {
        body = HttpBodies.parseResponse(message);
      } catch (InvalidProtocolBufferException e) {
        return errors.internal("the backend's response is not a valid google.api.HttpBody: " + e.getMessage());
      }
      String contentType = body.getContentType().isEmpty() ? HttpBodies.DEFAULT_CONTENT_TYPE : body.getContentType();
      if (!MediaTypes.accepts(accept, contentType)) {
        return errors.of(GrpcCode.INVALID_ARGUMENT, "Accept: " + accept + " (the response is " + contentType + ")")
            .withStatus(HttpResponseStatus.NOT_ACCEPTABLE);
      }
      return Answer.of(HttpResponseStatus.OK, contentType, body.getData().toByteArray(), 0);
    }
    try {
      return Answer.of(HttpResponseStatus.OK, jsonType, transcoder.toJson(route, message), 0);
    } catch (StatusException e) {
      return errors.of(e);
    } catch (RuntimeException e) {
      return errors.internal("the backend's response could not be written as JSON: " + e.getMessage());
    }
  }

  private void checkHealth(Exchange exchange) {
    List<String> services = new QueryStringDecoder("?" + (exchange.rawQuery() == null ? "" : exchange.rawQuery()))
        .parameters().getOrDefault("service", List.of(""));
    health.check(services.get(0), exchange.channel().eventLoop(), outcome -> exchange.complete(healthAnswer(outcome)));
  }

  private Answer healthAnswer(HealthStatus outcome) {
    if (outcome.failure() != null) {
      return server.errors().ofCall(outcome.failure(), new Metadata())
          .withStatus(HttpResponseStatus.SERVICE_UNAVAILABLE);
    }
    byte[] body = ("{\"status\":\"" + outcome.status() + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponseStatus status = outcome.isServing() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
    int grpcStatus = outcome.isServing() ? 0 : Status.Code.UNAVAILABLE.value();
    return Answer.of(status, MediaTypes.APPLICATION_JSON, body, grpcStatus);
  }
}
