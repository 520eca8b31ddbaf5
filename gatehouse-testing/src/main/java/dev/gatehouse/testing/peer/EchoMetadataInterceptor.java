package dev.gatehouse.testing.peer;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Echo's metadata behaviour: {@code x-peer: java} and every {@code x-echo-*} request entry in the response headers,
 * each {@code x-echo-<rest>} again as trailer {@code x-trailer-<rest>}, and {@code x-saw-authorization} in the
 * trailers. Other methods pass untouched.
 */
final class EchoMetadataInterceptor implements ServerInterceptor {

  private static final String ECHO_PREFIX = "x-echo-";
  private static final Metadata.Key<String> PEER = ascii("x-peer");
  private static final Metadata.Key<String> AUTHORIZATION = ascii("authorization");
  private static final Metadata.Key<String> SAW_AUTHORIZATION = ascii("x-saw-authorization");

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata requestHeaders, ServerCallHandler<Q, R> next) {
    if (!"Echo".equals(call.getMethodDescriptor().getBareMethodName())) {
      return next.startCall(call, requestHeaders);
    }
    Metadata headers = new Metadata();
    Metadata trailers = new Metadata();
    headers.put(PEER, LibraryService.PEER);
    for (String key : requestHeaders.keys()) {
      if (!key.startsWith(ECHO_PREFIX)) {
        continue;
      }
      String trailerKey = "x-trailer-" + key.substring(ECHO_PREFIX.length());
      if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
        copy(requestHeaders, Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER), headers, trailers,
            Metadata.Key.of(trailerKey, Metadata.BINARY_BYTE_MARSHALLER));
      } else {
        copy(requestHeaders, ascii(key), headers, trailers, ascii(trailerKey));
      }
    }
    trailers.put(SAW_AUTHORIZATION, String.valueOf(requestHeaders.containsKey(AUTHORIZATION)));
    return next.startCall(new SimpleForwardingServerCall<>(call) {
      @Override
      public void sendHeaders(Metadata responseHeaders) {
        responseHeaders.merge(headers);
        super.sendHeaders(responseHeaders);
      }

      @Override
      public void close(Status status, Metadata responseTrailers) {
        responseTrailers.merge(trailers);
        super.close(status, responseTrailers);
      }
    }, requestHeaders);
  }

  private static <T> void copy(Metadata from, Metadata.Key<T> key, Metadata headers, Metadata trailers,
      Metadata.Key<T> trailerKey) {
    Iterable<T> values = from.getAll(key);
    if (values == null) {
      return;
    }
    for (T value : values) {
      headers.put(key, value);
      trailers.put(trailerKey, value);
    }
  }

  private static Metadata.Key<String> ascii(String name) {
    return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
  }
}
