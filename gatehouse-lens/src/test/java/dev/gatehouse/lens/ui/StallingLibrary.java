package dev.gatehouse.lens.ui;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import dev.gatehouse.testing.v1.Shelf;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backend of the browser tests: GetShelf answers (or fails with details for {@code shelves/missing}), and
 * WatchShelf streams large books as fast as flow control lets it, so a client that stops reading stalls it.
 */
final class StallingLibrary extends LibraryGrpc.LibraryImplBase {

  /** Books sent at most per call: bounds a call whose client reads everything. */
  static final int MAX_BOOKS = 200;
  private static final String TITLE = "A very long title. ".repeat(200);

  @Override
  public void getShelf(GetShelfRequest request, StreamObserver<Shelf> response) {
    if (request.getName().equals("shelves/missing")) {
      com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(5).setMessage("no such shelf")
          .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("SHELF_NOT_FOUND").setDomain("library.test")
              .build()))
          .build();
      response.onError(StatusProto.toStatusRuntimeException(status));
      return;
    }
    response.onNext(Shelf.newBuilder().setName(request.getName()).setTheme("poetry").build());
    response.onCompleted();
  }

  @Override
  public void watchShelf(GetShelfRequest request, StreamObserver<Book> response) {
    ServerCallStreamObserver<Book> call = (ServerCallStreamObserver<Book>) response;
    AtomicInteger sent = new AtomicInteger();
    call.setOnCancelHandler(() -> { });
    call.setOnReadyHandler(() -> {
      while (call.isReady() && !call.isCancelled() && sent.get() < MAX_BOOKS) {
        int n = sent.incrementAndGet();
        call.onNext(Book.newBuilder().setName(request.getName() + "/books/" + n).setTitle(TITLE)
            .setAuthor("author " + n).build());
      }
      if (sent.get() == MAX_BOOKS && !call.isCancelled()) {
        call.onCompleted();
        sent.incrementAndGet();
      }
    });
  }
}
