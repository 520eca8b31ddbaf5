package dev.gatehouse.gateway.upstream;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One unary call to the backend: a request message out, a response message, metadata and a status back, reported
 * once as a {@link UnaryResult}.
 *
 * <p>Every callback runs on {@code executor}, which is the event loop of the HTTP connection that made the call, so
 * the connection's state is only ever touched by its own thread and the result is written without a thread hop.
 */
public final class UnaryCall {
  private final ClientCall<byte[], byte[]> call;

  private UnaryCall(ClientCall<byte[], byte[]> call) {
    this.call = call;
  }

  /**
   * Starts the call and sends the whole request.
   *
   * @param deadlineNanos the time the call may take, or a value {@code <= 0} for no deadline
   * @param executor where {@code done} runs
   * @param done receives the result, exactly once
   */
  public static UnaryCall start(UpstreamChannel channel, MethodDescriptor<byte[], byte[]> method, Metadata metadata,
      byte[] request, long deadlineNanos, Executor executor, Consumer<UnaryResult> done) {
    requireNonNull(done, "done");
    CallOptions options = CallOptions.DEFAULT.withExecutor(executor);
    if (deadlineNanos > 0) {
      options = options.withDeadlineAfter(deadlineNanos, TimeUnit.NANOSECONDS);
    }
    ClientCall<byte[], byte[]> call = channel.newCall(method, options);
    call.start(new Listener(done), metadata);
    // Two, so a misbehaving backend that sends a second message is caught by grpc-java rather than left unread.
    call.request(2);
    call.sendMessage(request);
    call.halfClose();
    return new UnaryCall(call);
  }

  /** Cancels the call, for instance because the HTTP client went away; the result then reports CANCELLED. */
  public void cancel(String reason) {
    call.cancel(reason, null);
  }

  private static final class Listener extends ClientCall.Listener<byte[]> {
    private final Consumer<UnaryResult> done;
    private Metadata headers = new Metadata();
    private byte[] message;

    Listener(Consumer<UnaryResult> done) {
      this.done = done;
    }

    @Override
    public void onHeaders(Metadata headers) {
      this.headers = headers;
    }

    @Override
    public void onMessage(byte[] message) {
      this.message = message;
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      if (status.isOk() && message == null) {
        status = Status.INTERNAL.withDescription("the backend closed the call with OK but sent no response message");
      }
      done.accept(new UnaryResult(status, headers, status.isOk() ? message : null, trailers));
    }
  }
}
