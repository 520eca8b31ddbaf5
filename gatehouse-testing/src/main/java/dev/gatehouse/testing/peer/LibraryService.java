package dev.gatehouse.testing.peer;

import com.google.api.HttpBody;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.BulkCreateBooksResponse;
import dev.gatehouse.testing.v1.ChatMessage;
import dev.gatehouse.testing.v1.CheckAvailabilityRequest;
import dev.gatehouse.testing.v1.CheckAvailabilityResponse;
import dev.gatehouse.testing.v1.CreateBookRequest;
import dev.gatehouse.testing.v1.CreateShelfRequest;
import dev.gatehouse.testing.v1.DeleteBookRequest;
import dev.gatehouse.testing.v1.DeleteShelfRequest;
import dev.gatehouse.testing.v1.GetBookRequest;
import dev.gatehouse.testing.v1.GetFileRequest;
import dev.gatehouse.testing.v1.GetReaderRequest;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import dev.gatehouse.testing.v1.ListBooksRequest;
import dev.gatehouse.testing.v1.ListBooksResponse;
import dev.gatehouse.testing.v1.ListShelvesRequest;
import dev.gatehouse.testing.v1.ListShelvesResponse;
import dev.gatehouse.testing.v1.MoveBookRequest;
import dev.gatehouse.testing.v1.Reader;
import dev.gatehouse.testing.v1.Shelf;
import dev.gatehouse.testing.v1.UpdateBookRequest;
import dev.gatehouse.testing.v1.UploadCoverRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Library behaviour every peer shares (docs/testing.md), in grpc-java. Nothing blocks a thread: the slow answers
 * are scheduled, and cancelled with the call.
 */
final class LibraryService extends LibraryGrpc.LibraryImplBase {

  static final String PEER = "java";
  private static final String ERROR_DOMAIN = "library.gatehouse.dev";
  private static final int MAX_ITEMS = 10_000;
  private static final Pattern WATCHED = Pattern.compile("shelves/(fail-|slow-)?(\\d{1,9})");

  private final ScheduledExecutorService scheduler;

  LibraryService(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void getShelf(GetShelfRequest request, StreamObserver<Shelf> response) {
    String name = request.getName();
    if (name.equals("shelves/missing")) {
      response.onError(detailedError(Code.NOT_FOUND, "shelf " + name + " not found", "SHELF_NOT_FOUND", name));
      return;
    }
    Shelf shelf = Shelf.newBuilder().setName(name).setTheme("theme-" + lastSegment(name)).build();
    if (name.equals("shelves/slow")) {
      ServerCallStreamObserver<Shelf> call = (ServerCallStreamObserver<Shelf>) response;
      ScheduledFuture<?> answer = scheduler.schedule(() -> {
        if (!call.isCancelled()) {
          reply(call, shelf);
        }
      }, 5, TimeUnit.SECONDS);
      call.setOnCancelHandler(() -> answer.cancel(false));
      return;
    }
    reply(response, shelf);
  }

  @Override
  public void echo(AllTypes request, StreamObserver<AllTypes> response) {
    // Metadata is echoed by EchoMetadataInterceptor; unknown fields survive the round trip in protobuf-java.
    reply(response, request);
  }

  @Override
  public void watchShelf(GetShelfRequest request, StreamObserver<Book> response) {
    String name = request.getName();
    Matcher matcher = WATCHED.matcher(name);
    if (!matcher.matches() || Long.parseLong(matcher.group(2)) > MAX_ITEMS) {
      response.onError(Status.INVALID_ARGUMENT.withDescription("name: " + name
          + " (expected: shelves/<n>, shelves/fail-<k> or shelves/slow-<n>, n <= " + MAX_ITEMS + ")")
          .asRuntimeException());
      return;
    }
    int count = Integer.parseInt(matcher.group(2));
    ServerCallStreamObserver<Book> call = (ServerCallStreamObserver<Book>) response;
    if ("slow-".equals(matcher.group(1))) {
      BookTicker ticker = new BookTicker(call, name, count);
      call.setOnCancelHandler(ticker::cancel);
      ticker.next();
      return;
    }
    for (int i = 1; i <= count && !call.isCancelled(); i++) {
      call.onNext(book(name, i));
    }
    if ("fail-".equals(matcher.group(1))) {
      call.onError(detailedError(Code.ABORTED, "watch of " + name + " aborted after " + count + " books",
          "WATCH_ABORTED", name));
    } else {
      call.onCompleted();
    }
  }

  /** Sends one book every 100 ms on the scheduler until all are sent or the call is cancelled. */
  private final class BookTicker {
    private final ServerCallStreamObserver<Book> call;
    private final String name;
    private final int count;
    private int sent;
    private ScheduledFuture<?> pending;

    BookTicker(ServerCallStreamObserver<Book> call, String name, int count) {
      this.call = call;
      this.name = name;
      this.count = count;
    }

    synchronized void next() {
      if (call.isCancelled()) {
        return;
      }
      if (sent == count) {
        call.onCompleted();
        return;
      }
      call.onNext(book(name, ++sent));
      pending = scheduler.schedule(this::next, 100, TimeUnit.MILLISECONDS);
    }

    synchronized void cancel() {
      if (pending != null) {
        pending.cancel(false);
      }
    }
  }

  @Override
  public StreamObserver<CreateBookRequest> bulkCreateBooks(StreamObserver<BulkCreateBooksResponse> response) {
    return new StreamObserver<>() {
      private int created;

      @Override
      public void onNext(CreateBookRequest request) {
        created++;
      }

      @Override
      public void onError(Throwable t) {
        // The call is over; there is no one left to answer.
      }

      @Override
      public void onCompleted() {
        reply(response, BulkCreateBooksResponse.newBuilder().setCreated(created).build());
      }
    };
  }

  @Override
  public StreamObserver<ChatMessage> chat(StreamObserver<ChatMessage> response) {
    return new StreamObserver<>() {
      @Override
      public void onNext(ChatMessage message) {
        response.onNext(ChatMessage.newBuilder().setText("echo: " + message.getText()).setFrom(PEER).build());
      }

      @Override
      public void onError(Throwable t) {
        // The call is over; there is no one left to answer.
      }

      @Override
      public void onCompleted() {
        response.onCompleted();
      }
    };
  }

  @Override
  public void createShelf(CreateShelfRequest request, StreamObserver<Shelf> response) {
    Shelf.Builder shelf = request.getShelf().toBuilder();
    if (!request.getShelfId().isEmpty()) {
      shelf.setName("shelves/" + request.getShelfId());
    }
    reply(response, shelf.build());
  }

  @Override
  public void listShelves(ListShelvesRequest request, StreamObserver<ListShelvesResponse> response) {
    ListShelvesResponse.Builder list = ListShelvesResponse.newBuilder();
    for (int i = 1; i <= clamp(request.getPageSize()); i++) {
      list.addShelves(Shelf.newBuilder().setName("shelves/" + i).setTheme("theme-" + i));
    }
    reply(response, list.setNextPageToken(request.getPageSize() > 0 ? "next" : "").build());
  }

  @Override
  public void deleteShelf(DeleteShelfRequest request, StreamObserver<Empty> response) {
    reply(response, Empty.getDefaultInstance());
  }

  @Override
  public void createBook(CreateBookRequest request, StreamObserver<Book> response) {
    Book.Builder book = request.getBook().toBuilder();
    if (book.getName().isEmpty()) {
      book.setName(request.getParent() + "/books/1");
    }
    reply(response, book.build());
  }

  @Override
  public void getBook(GetBookRequest request, StreamObserver<Book> response) {
    String name = request.getName().isEmpty() ? "books/" + request.getBookId() : request.getName();
    reply(response, Book.newBuilder().setName(name).setTitle("title-" + lastSegment(name)).build());
  }

  @Override
  public void getBookTitle(GetBookRequest request, StreamObserver<Book> response) {
    getBook(request, response);
  }

  @Override
  public void listBooks(ListBooksRequest request, StreamObserver<ListBooksResponse> response) {
    ListBooksResponse.Builder list = ListBooksResponse.newBuilder();
    for (int i = 1; i <= clamp(request.getPageSize()); i++) {
      list.addBooks(Book.newBuilder().setName(request.getParent() + "/books/" + i));
    }
    reply(response, list.setNextPageToken(request.getPageSize() > 0 ? "next" : "").build());
  }

  @Override
  public void updateBook(UpdateBookRequest request, StreamObserver<Book> response) {
    reply(response, request.getBook());
  }

  @Override
  public void deleteBook(DeleteBookRequest request, StreamObserver<Empty> response) {
    reply(response, Empty.getDefaultInstance());
  }

  @Override
  public void moveBook(MoveBookRequest request, StreamObserver<Book> response) {
    String name = request.getDestinationShelf() + "/books/" + lastSegment(request.getName());
    reply(response, Book.newBuilder().setName(name).build());
  }

  @Override
  public void getCurrentReader(Empty request, StreamObserver<Reader> response) {
    reply(response, Reader.newBuilder().setReaderId("me").setDisplayName("reader-me").build());
  }

  @Override
  public void getReader(GetReaderRequest request, StreamObserver<Reader> response) {
    String id = request.getReaderId();
    reply(response, Reader.newBuilder().setReaderId(id).setDisplayName("reader-" + id).build());
  }

  @Override
  public void getFile(GetFileRequest request, StreamObserver<HttpBody> response) {
    reply(response, HttpBody.newBuilder().setContentType("text/plain")
        .setData(ByteString.copyFrom(request.getPath(), StandardCharsets.UTF_8)).build());
  }

  @Override
  public void uploadCover(UploadCoverRequest request, StreamObserver<Book> response) {
    reply(response, Book.newBuilder().setName(request.getName()).setCover(request.getCover().getData()).build());
  }

  @Override
  public void checkAvailability(CheckAvailabilityRequest request,
      StreamObserver<CheckAvailabilityResponse> response) {
    reply(response, CheckAvailabilityResponse.newBuilder().setAvailable(true).build());
  }

  @Override
  public void unbound(Shelf request, StreamObserver<Shelf> response) {
    reply(response, request);
  }

  private static <T> void reply(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }

  private static Book book(String shelf, int i) {
    return Book.newBuilder().setName(shelf + "/books/" + i).setTitle("title-" + i).build();
  }

  private static String lastSegment(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static int clamp(int n) {
    return Math.max(0, Math.min(n, MAX_ITEMS));
  }

  /** A status with the ErrorInfo and ResourceInfo details every peer sends, in grpc-status-details-bin. */
  static StatusRuntimeException detailedError(Code code, String message, String reason, String shelf) {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(code.getNumber())
        .setMessage(message)
        .addDetails(Any.pack(ErrorInfo.newBuilder()
            .setReason(reason).setDomain(ERROR_DOMAIN).putMetadata("shelf", shelf).build()))
        .addDetails(Any.pack(ResourceInfo.newBuilder()
            .setResourceType("gatehouse.testing.v1.Shelf").setResourceName(shelf).build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }
}
