package dev.gatehouse.bench;

import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The backend of the W4 benchmark (server streaming through the gateway): WatchShelf {@code shelves/<n>} streams n
 * books of about 250 bytes of JSON each, prebuilt, sent as fast as flow control lets it (only while the call is
 * ready), so the figures measure the gateway.
 *
 * <p>{@code StreamBackend [--port N]} prints {@code LISTENING <port>} once serving and stops when its standard input
 * ends.
 */
public final class StreamBackend {
  private StreamBackend() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    BenchArguments arguments = BenchArguments.parse(args);
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", arguments.intValue("--port", 0)))
        .addService(new Library())
        .build()
        .start();
    System.out.println("LISTENING " + server.getPort());
    System.out.flush();
    BenchArguments.awaitEndOfInput();
    server.shutdownNow().awaitTermination();
  }

  private static final class Library extends LibraryGrpc.LibraryImplBase {
    /** Printed by the gateway as about 250 bytes: {@code {"result":{"name":…,"title":…,"author":…,…}}}. */
    private static final Book BOOK = Book.newBuilder()
        .setName("shelves/1/books/1")
        .setTitle("The Gateway and the Stream: a long title, to make the message about the size of a real one")
        .setAuthor("A. N. Author")
        .setPageCount(352)
        .addTags("streaming")
        .addTags("benchmark")
        .build();

    @Override
    public void watchShelf(GetShelfRequest request, StreamObserver<Book> response) {
      ServerCallStreamObserver<Book> call = (ServerCallStreamObserver<Book>) response;
      long count = Long.parseLong(request.getName().substring("shelves/".length()));
      call.setOnReadyHandler(new Runnable() {
        private long sent;
        private boolean done;

        @Override
        public void run() {
          while (!done && call.isReady() && !call.isCancelled()) {
            if (sent == count) {
              done = true;
              call.onCompleted();
              return;
            }
            call.onNext(BOOK);
            sent++;
          }
        }
      });
    }
  }
}
