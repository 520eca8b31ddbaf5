package dev.gatehouse.gateway.upstream;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
      if (stream instanceof KnownLength) {
        // grpc-java hands over the whole message, its size known: one array of that size, no chunked copying.
        byte[] message = new byte[stream.available()];
        int read = stream.readNBytes(message, 0, message.length);
        if (read == message.length && stream.read() < 0) {
          return message;
        }
        throw new IOException("the message stream held " + read + " bytes, not the " + message.length + " announced");
      }
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a response message", e);
    }
  }

  /**
   * Telling grpc-java the length up front lets it frame the message without measuring it, and draining it into the
   * transport's buffer spares the intermediate copy through an 8 KiB array that a plain stream costs per message.
   */
  private static final class KnownLengthStream extends ByteArrayInputStream implements KnownLength, Drainable {
    KnownLengthStream(byte[] bytes) {
      super(bytes);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int length = count - pos;
      target.write(buf, pos, length);
      pos = count;
      return length;
    }
  }
}
