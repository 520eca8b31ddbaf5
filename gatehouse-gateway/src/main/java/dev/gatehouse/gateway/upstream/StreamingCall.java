package dev.gatehouse.gateway.upstream;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One call to the backend of any shape (server, client or bidi streaming), driven message by message: nothing is
 * requested from the backend until the caller asks with {@link #request(int)}, and the caller watches
 * {@link #isReady()} and {@link Listener#onReady()} to send no faster than the backend reads. That is how a slow
 * HTTP reader slows the backend, and a fast HTTP uploader is paced to the backend, without buffering.
 *
 * <p>Every callback runs on the executor given to {@link #start}, the event loop of the HTTP connection that made
 * the call; the methods of this class must be called on that thread too.
 */
public final class StreamingCall {
  /** What the backend says, one callback at a time, on the call's executor. */
  public interface Listener {
    /** The response header metadata; comes before the first message, or not at all for a trailers-only answer. */
    void onHeaders(Metadata headers);

    /** One response message, only as many as were requested. */
    void onMessage(byte[] message);

    /** The call can take another request message without buffering it. */
    void onReady();

    /** The call ended; exactly once, and nothing follows. */
    void onClose(Status status, Metadata trailers);
  }

  /** Response messages asked for at once; a few in flight hide the hop to the upstream transport's thread. */
  static final int REQUEST_WINDOW = 8;

  private final ClientCall<byte[], byte[]> call;
  private final Adapter adapter;

  private StreamingCall(ClientCall<byte[], byte[]> call, Adapter adapter) {
    this.call = call;
    this.adapter = adapter;
  }

  /**
   * Starts the call; no message is requested or sent yet.
   *
   * @param deadlineNanos the time the call may take, or a value {@code <= 0} for no deadline
   * @param executor where the listener runs
   */
  public static StreamingCall start(UpstreamChannel channel, MethodDescriptor<byte[], byte[]> method,
      Metadata metadata, long deadlineNanos, Executor executor, Listener listener) {
    requireNonNull(listener, "listener");
    CallOptions options = CallOptions.DEFAULT.withExecutor(executor);
    if (deadlineNanos > 0) {
      options = options.withDeadlineAfter(deadlineNanos, TimeUnit.NANOSECONDS);
    }
    ClientCall<byte[], byte[]> call = channel.newCall(method, options);
    Adapter adapter = new Adapter(listener);
    call.start(adapter, metadata);
    return new StreamingCall(call, adapter);
  }

  /** Asks the backend for {@code count} more response messages. */
  public void request(int count) {
    adapter.outstanding += count;
    call.request(count);
  }

  /**
   * Keeps a few response messages requested: tops the requests up to {@link #REQUEST_WINDOW} once half of them
   * arrived. Callers call it whenever their reader can take more (on writability), and stop calling it when not.
   */
  public void requestMore() {
    if (adapter.outstanding <= REQUEST_WINDOW / 2) {
      request(REQUEST_WINDOW - adapter.outstanding);
    }
  }

  /** Sends one request message; it is buffered when the call is not {@link #isReady() ready}. */
  public void send(byte[] message) {
    call.sendMessage(message);
  }

  /** Whether a message sent now goes out without waiting in a buffer (the backend's flow-control window is open). */
  public boolean isReady() {
    return call.isReady();
  }

  /** No more request messages. */
  public void halfClose() {
    call.halfClose();
  }

  /** Ends the call (RST_STREAM to the backend); the listener then sees CANCELLED, unless the call already ended. */
  public void cancel(String reason) {
    call.cancel(reason, null);
  }

  private static final class Adapter extends ClientCall.Listener<byte[]> {
    private final Listener listener;
    /** Messages requested and not yet arrived; touched on the call's executor only. */
    private int outstanding;

    Adapter(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void onHeaders(Metadata headers) {
      listener.onHeaders(headers);
    }

    @Override
    public void onMessage(byte[] message) {
      outstanding--;
      listener.onMessage(message);
    }

    @Override
    public void onReady() {
      listener.onReady();
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      listener.onClose(status, trailers);
    }
  }
}
