package dev.gatehouse.lens.support;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.connection.DecoderOptions;
import dev.gatehouse.lens.detect.DetectorOptions;
import dev.gatehouse.lens.observe.ConnectionObserver;
import dev.gatehouse.lens.observe.ConnectionObservers;
import dev.gatehouse.lens.observe.LensListener;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.Shelf;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * Scripted connections fed straight to a {@link ConnectionObserver} with a fake clock: every byte and every
 * microsecond is fixed, so outputs can be compared with golden files.
 */
public final class Conversations {

  public static final String GET_SHELF = "/gatehouse.testing.v1.Library/GetShelf";

  /** The credential the first call sends (authorization) and gets (set-cookie): outputs hide it by default. */
  public static final String SECRET = "secret-token";

  private Conversations() {}

  /** The test protos' descriptor set. */
  public static ServiceCatalog catalog() {
    try (InputStream in = Conversations.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An observer of connection 1 opened at the fake clock's current time. */
  public static ConnectionObserver observer(FakeClock clock, List<LensListener> listeners) {
    return new ConnectionObservers(listeners, clock, DecoderOptions.defaults(), DetectorOptions.defaults())
        .open("127.0.0.1:40000", "127.0.0.1:50051");
  }

  /** The request headers of a GetShelf call. */
  public static String[] request(String... extra) {
    String[] base = {":method", "POST", ":scheme", "http", ":path", GET_SHELF, ":authority", "lens.test",
        "content-type", "application/grpc", "te", "trailers", "grpc-timeout", "1S"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  /**
   * A unary call that succeeds (with a bearer token and a cookie, {@link #SECRET}), one that fails trailers-only
   * with status details, one the client cancels, a PING round trip and a graceful GOAWAY; the server closes.
   */
  public static void play(ConnectionObserver lens, FakeClock clock) {
    client(lens, clock, H2Bytes.of().preface().settings(0x2, 0, 0x4, 1_048_576));
    server(lens, clock, H2Bytes.of().settings(0x3, 100, 0xfe03, 1));
    client(lens, clock, H2Bytes.of().settingsAck());
    server(lens, clock, H2Bytes.of().settingsAck());
    byte[] request = GetShelfRequest.newBuilder().setName("shelves/1").build().toByteArray();
    client(lens, clock, H2Bytes.of().headers(1, false, request("authorization", "Bearer " + SECRET)));
    client(lens, clock, H2Bytes.of().data(1, true, H2Bytes.grpcMessage(false, request)));
    server(lens, clock, H2Bytes.of().headers(1, false, ":status", "200", "content-type", "application/grpc",
        "set-cookie", "session=" + SECRET));
    byte[] shelf = Shelf.newBuilder().setName("shelves/1").setTheme("theme-1").build().toByteArray();
    server(lens, clock, H2Bytes.of().data(1, false, H2Bytes.grpcMessage(false, shelf)));
    server(lens, clock, H2Bytes.of().headers(1, true, "grpc-status", "0"));
    client(lens, clock, H2Bytes.of().ping(false, 0x1111));
    server(lens, clock, H2Bytes.of().ping(true, 0x1111));

    byte[] missing = GetShelfRequest.newBuilder().setName("shelves/missing").build().toByteArray();
    client(lens, clock, H2Bytes.of().headers(3, false, request()).data(3, true,
        H2Bytes.grpcMessage(false, missing)));
    Status details = Status.newBuilder().setCode(5).setMessage("shelf missing")
        .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("SHELF_NOT_FOUND").setDomain("lens.test").build()))
        .build();
    server(lens, clock, H2Bytes.of().headers(3, true, ":status", "200", "content-type", "application/grpc",
        "grpc-status", "5", "grpc-message", "shelf%20missing",
        "grpc-status-details-bin", Base64.getEncoder().withoutPadding().encodeToString(details.toByteArray())));

    client(lens, clock, H2Bytes.of().headers(5, false, request()));
    clock.advanceMicros(2_000);
    client(lens, clock, H2Bytes.of().rst(5, 0x8));
    server(lens, clock, H2Bytes.of().goAway(5, 0, ""));
    clock.advanceMicros(100);
    lens.onClose(Direction.SERVER, clock.nanoTime());
    lens.onClose(Direction.CLIENT, clock.nanoTime());
    lens.onEnd(clock.nanoTime());
  }

  /** Feeds client bytes 100 µs after the last step. */
  public static void client(ConnectionObserver lens, FakeClock clock, H2Bytes bytes) {
    lens.onBytes(Direction.CLIENT, bytes.bytes(), clock.advanceMicros(100));
  }

  /** Feeds server bytes 100 µs after the last step. */
  public static void server(ConnectionObserver lens, FakeClock clock, H2Bytes bytes) {
    lens.onBytes(Direction.SERVER, bytes.bytes(), clock.advanceMicros(100));
  }
}
