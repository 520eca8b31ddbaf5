package dev.gatehouse.gateway.health;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import dev.gatehouse.gateway.upstream.UnaryCall;
import dev.gatehouse.gateway.upstream.UnaryResult;
import dev.gatehouse.gateway.upstream.UpstreamChannel;
import io.grpc.ConnectivityState;
import io.grpc.Metadata;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Calls {@code grpc.health.v1.Health/Check} on the backend. The request and response messages are tiny and encoded
 * by hand (a {@code service} string in, a {@code status} enum out), so the gateway needs no generated health classes.
 *
 * <p>A backend without the health service (UNIMPLEMENTED) is judged by the upstream channel instead: healthy when
 * the channel is READY, which the Check call itself just proved or disproved.
 */
public final class HealthProbe {
  /** How long a health check may take; a probe must answer quickly whatever the backend does. */
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Field 1 ({@code status}), varint. */
  private static final int STATUS_TAG = 1 << 3;

  private final UpstreamChannel upstream;

  public HealthProbe(UpstreamChannel upstream) {
    this.upstream = requireNonNull(upstream, "upstream");
  }

  /**
   * Checks the backend, or one of its services, and reports the outcome on {@code executor}.
   *
   * @param service the service to ask about, or {@code ""} for the whole server
   */
  public void check(String service, Executor executor, Consumer<HealthStatus> done) {
    requireNonNull(service, "service");
    UnaryCall.start(upstream, upstream.method(UpstreamChannel.HEALTH_CHECK_METHOD), new Metadata(),
        request(service), TIMEOUT_NANOS, executor, result -> done.accept(outcome(result)));
  }

  private HealthStatus outcome(UnaryResult result) {
    Status status = result.status();
    if (status.isOk()) {
      return HealthStatus.fromServingStatus(servingStatus(result.message()));
    }
    if (status.getCode() == Status.Code.UNIMPLEMENTED) {
      boolean ready = upstream.state() == ConnectivityState.READY;
      return ready ? HealthStatus.SERVING : HealthStatus.NOT_SERVING;
    }
    return HealthStatus.failed(status);
  }

  private static byte[] request(String service) {
    if (service.isEmpty()) {
      return new byte[0];
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeString(1, service);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Field 1 of {@code HealthCheckResponse}, 0 (UNKNOWN) when absent or unreadable. */
  private static int servingStatus(byte[] message) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(message);
      int status = 0;
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (tag == STATUS_TAG) {
          status = in.readEnum();
        } else {
          in.skipField(tag);
        }
      }
      return status;
    } catch (IOException e) {
      return 0;
    }
  }
}
