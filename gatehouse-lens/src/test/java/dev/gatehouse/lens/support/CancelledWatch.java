package dev.gatehouse.lens.support;

import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A grpc-java client that watches a slow shelf and cancels the call part-way: a real client's cancellation. */
public final class CancelledWatch {

  private CancelledWatch() {}

  /** Watches {@code shelves/slow-50}, cancels the call on the {@code books}-th book, and waits until it ended. */
  public static void afterBooks(Channel channel, int books) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicInteger received = new AtomicInteger();
    LibraryGrpc.newStub(channel).watchShelf(GetShelfRequest.newBuilder().setName("shelves/slow-50").build(),
        new ClientResponseObserver<GetShelfRequest, Book>() {
          private ClientCallStreamObserver<GetShelfRequest> call;

          @Override
          public void beforeStart(ClientCallStreamObserver<GetShelfRequest> requestStream) {
            call = requestStream;
          }

          @Override
          public void onNext(Book book) {
            if (received.incrementAndGet() == books) {
              call.cancel("enough", null);
            }
          }

          @Override
          public void onError(Throwable t) {
            done.complete(null);
          }

          @Override
          public void onCompleted() {
            done.complete(null);
          }
        });
    done.orTimeout(30, TimeUnit.SECONDS).join();
  }
}
