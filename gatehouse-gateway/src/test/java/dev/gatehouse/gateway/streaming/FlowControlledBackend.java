package dev.gatehouse.gateway.streaming;

import com.google.protobuf.ByteString;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.BulkCreateBooksResponse;
import dev.gatehouse.testing.v1.CreateBookRequest;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A grpc-java Library backend that respects flow control in both directions, so that what the test measures is the
 * gateway's buffering, not the backend's:
 *
 * <ul>
 *   <li>WatchShelf {@code shelves/big-<n>}: n books with a 256 KiB cover, each sent only when the call is ready;
 *   <li>WatchShelf {@code shelves/forever}: small books until the call is cancelled, which {@link #cancelled} counts;
 *   <li>BulkCreateBooks: asks for one request message per permit the test releases in {@link #uploadPermits}.
 * </ul>
 */
final class FlowControlledBackend implements AutoCloseable {
  static final int COVER_BYTES = 256 * 1024;

  final AtomicLong sent = new AtomicLong();
  final AtomicLong received = new AtomicLong();
  final CountDownLatch cancelled = new CountDownLatch(1);
  final Semaphore uploadPermits = new Semaphore(0);
  /** The request metadata of every call. */
  final BlockingQueue<Metadata> requestHeaders = new LinkedBlockingQueue<>();
  /** Whether the last send found the call not ready: the gateway is not taking messages. */
  volatile boolean blocked;

  private final Server server;

  FlowControlledBackend() {
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(new Library(), new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
              ServerCallHandler<Q, R> next) {
            requestHeaders.add(headers);
            return next.startCall(call, headers);
          }
        }))
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  private final class Library extends LibraryGrpc.LibraryImplBase {
    private final ByteString cover = ByteString.copyFrom(new byte[COVER_BYTES]);

    @Override
    public void watchShelf(GetShelfRequest request, StreamObserver<Book> response) {
      ServerCallStreamObserver<Book> call = (ServerCallStreamObserver<Book>) response;
      boolean forever = request.getName().equals("shelves/forever");
      long count = forever ? Long.MAX_VALUE : Long.parseLong(request.getName().substring("shelves/big-".length()));
      call.setOnCancelHandler(cancelled::countDown);
      Runnable pump = new Runnable() {
        private long next = 1;
        private boolean done;

        @Override
        public void run() {
          while (!done && call.isReady() && !call.isCancelled()) {
            if (next > count) {
              done = true;
              call.onCompleted();
              return;
            }
            Book.Builder book = Book.newBuilder().setName("shelves/x/books/" + next++);
            call.onNext(forever ? book.build() : book.setCover(cover).build());
            sent.incrementAndGet();
          }
          blocked = !done && !call.isReady();
        }
      };
      call.setOnReadyHandler(pump);
    }

    @Override
    public StreamObserver<CreateBookRequest> bulkCreateBooks(StreamObserver<BulkCreateBooksResponse> response) {
      ServerCallStreamObserver<BulkCreateBooksResponse> call =
          (ServerCallStreamObserver<BulkCreateBooksResponse>) response;
      call.disableAutoRequest();
      AtomicBoolean over = new AtomicBoolean();
      Thread reader = new Thread(() -> {
        // Hands out one request(1) per permit, so the test decides how fast the backend reads.
        while (!over.get() && !call.isCancelled()) {
          try {
            if (uploadPermits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
              call.request(1);
            }
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bulk-create-reader");
      reader.setDaemon(true);
      reader.start();
      return new StreamObserver<>() {
        @Override
        public void onNext(CreateBookRequest value) {
          received.incrementAndGet();
        }

        @Override
        public void onError(Throwable t) {
          over.set(true);
        }

        @Override
        public void onCompleted() {
          over.set(true);
          response.onNext(BulkCreateBooksResponse.newBuilder().setCreated((int) received.get()).build());
          response.onCompleted();
        }
      };
    }
  }
}
