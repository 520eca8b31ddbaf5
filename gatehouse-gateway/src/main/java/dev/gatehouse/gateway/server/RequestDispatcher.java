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
  private final HealthProbe health;

  RequestDispatcher(ServerState server, RouteTable routes, Transcoder transcoder, UpstreamChannel upstream) {
    this.server = server;
    this.routes = routes;
    this.transcoder = transcoder;
    this.upstream = upstream;
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
    if (path.equals(server.config().healthPath()) && exchange.method().equals("GET")) {
      checkHealth(exchange);
      return;
    }
    RouteLookup lookup = routes.match(exchange.method(), path);
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
    HttpHeaders headers = exchange.headers();
    String accept = headers.get(HttpHeaderNames.ACCEPT);
    String jsonType = MediaTypes.negotiateJson(accept);
    if (jsonType == null && !HttpBodies.isRawResponse(route)) {
      exchange.complete(errors.of(GrpcCode.INVALID_ARGUMENT, "Accept: " + accept
          + " (expected: application/json or a +json type)").withStatus(HttpResponseStatus.NOT_ACCEPTABLE));
      return;
    }
    byte[] request = bind(exchange, match);
    if (request == null) {
      return;
    }
    String grpcMethod = route.grpcMethodName();
    MethodDescriptor<byte[], byte[]> method = upstream.method(grpcMethod);
    if (method == null || method.getType() != MethodDescriptor.MethodType.UNARY) {
      exchange.complete(errors.of(GrpcCode.UNIMPLEMENTED, "streaming method " + grpcMethod
          + " is not served over HTTP/1.1 JSON yet"));
      return;
    }
    Metadata metadata = RequestMetadata.of(headers, server.config().metadataPrefix(),
        exchange.channel().remoteAddress());
    long timeoutNanos = timeoutNanos(headers);
    UnaryCall call = UnaryCall.start(upstream, method, metadata, request, timeoutNanos, exchange.channel().eventLoop(),
        result -> exchange.complete(answer(exchange, route, jsonType, accept, result)));
    exchange.upstreamCall(call, grpcMethod);
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
      exchange.complete(server.errors().of(GrpcCode.INVALID_ARGUMENT, "Content-Type: " + contentType
          + " (expected: application/json or a +json type)").withStatus(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE));
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
