package dev.gatehouse.gateway.server;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The complete answer to one request, held until every earlier answer on the connection is written. Plain bytes,
 * not a {@code ByteBuf}: an answer that is never written (its client left) needs no release.
 *
 * @param status the HTTP status
 * @param headers the response headers, without the framing ones ({@code Content-Length}, {@code Transfer-Encoding},
 *     {@code Trailer}, {@code Connection}), which the writer sets
 * @param body the body bytes
 * @param trailers HTTP trailers to send after a chunked body, or {@code null} to send none
 * @param grpcStatus the gRPC status code the answer carries, for the access log
 */
record Answer(HttpResponseStatus status, HttpHeaders headers, byte[] body, HttpHeaders trailers, int grpcStatus) {

  Answer {
    requireNonNull(status, "status");
    requireNonNull(headers, "headers");
    requireNonNull(body, "body");
  }

  /** A body of {@code contentType} with no other header. */
  static Answer of(HttpResponseStatus status, String contentType, byte[] body, int grpcStatus) {
    HttpHeaders headers = new DefaultHttpHeaders();
    headers.set("content-type", contentType);
    return new Answer(status, headers, body, null, grpcStatus);
  }

  /** This answer under another HTTP status, for the errors whose status is not the one their code maps to. */
  Answer withStatus(HttpResponseStatus status) {
    return new Answer(status, headers, body, trailers, grpcStatus);
  }

  /** This answer with trailers to send after the body. */
  Answer withTrailers(HttpHeaders trailers) {
    return new Answer(status, headers, body, trailers, grpcStatus);
  }
}
