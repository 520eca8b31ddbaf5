package dev.gatehouse.gateway.upstream;

import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Passes message bytes through untouched: the request is already encoded by the binder and the response is decoded
 * by the JSON transcoder, so no message object is ever built for a call.
 */
final class RawBytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
  static final RawBytesMarshaller INSTANCE = new RawBytesMarshaller();

  private RawBytesMarshaller() {
  }

  @Override
  public InputStream stream(byte[] value) {
    return new KnownLengthStream(value);
  }

  @Override
  public byte[] parse(InputStream stream) {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a response message", e);
    }
  }

  /** Telling grpc-java the length up front lets it write the message frame without copying it first. */
  private static final class KnownLengthStream extends ByteArrayInputStream implements KnownLength {
    KnownLengthStream(byte[] bytes) {
      super(bytes);
    }
  }
}
