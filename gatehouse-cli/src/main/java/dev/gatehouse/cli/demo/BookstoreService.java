package dev.gatehouse.cli.demo;

import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import dev.gatehouse.demo.v1.Book;
import dev.gatehouse.demo.v1.BookstoreGrpc;
import dev.gatehouse.demo.v1.CreateBookRequest;
import dev.gatehouse.demo.v1.CreateShelfRequest;
import dev.gatehouse.demo.v1.DeleteBookRequest;
import dev.gatehouse.demo.v1.DeleteShelfRequest;
import dev.gatehouse.demo.v1.Genre;
import dev.gatehouse.demo.v1.GetBookRequest;
import dev.gatehouse.demo.v1.GetShelfRequest;
import dev.gatehouse.demo.v1.ImportBooksResponse;
import dev.gatehouse.demo.v1.ListBooksRequest;
import dev.gatehouse.demo.v1.ListBooksResponse;
import dev.gatehouse.demo.v1.ListShelvesRequest;
import dev.gatehouse.demo.v1.ListShelvesResponse;
import dev.gatehouse.demo.v1.MoveBookRequest;
import dev.gatehouse.demo.v1.Remark;
import dev.gatehouse.demo.v1.Shelf;
import dev.gatehouse.demo.v1.StreamBooksRequest;
import dev.gatehouse.demo.v1.UpdateBookRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory bookstore. Thread-safe: shelves and books live in concurrent sorted maps keyed by resource name, so
 * listings come out in a stable order and pages can resume after a name.
 */
public final class BookstoreService extends BookstoreGrpc.BookstoreImplBase {
  private static final String DOMAIN = "bookstore.gatehouse.dev";
  private static final int DEFAULT_PAGE_SIZE = 10;

  private final NavigableMap<String, Shelf> shelves = new ConcurrentSkipListMap<>();
  private final NavigableMap<String, Book> books = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId = new AtomicLong(100);

  /** A bookstore with two shelves and a few books, so the printed curl commands have something to show. */
  public static BookstoreService withSampleData() {
    BookstoreService store = new BookstoreService();
    Timestamp created = Timestamp.newBuilder().setSeconds(1_700_000_000L).build();
    store.putShelf(Shelf.newBuilder().setName("shelves/1").setTheme("Fiction").setCreateTime(created).build());
    store.putShelf(Shelf.newBuilder().setName("shelves/2").setTheme("History").setCreateTime(created).build());
    store.putBook(book("shelves/1/books/1", "The Left Hand of Darkness", "Ursula K. Le Guin", Genre.FICTION, 304,
        -32_000_000L, "classic", "sf"));
    store.putBook(book("shelves/1/books/2", "The Dispossessed", "Ursula K. Le Guin", Genre.FICTION, 387,
        138_000_000L, "sf"));
    store.putBook(book("shelves/1/books/3", "Invisible Cities", "Italo Calvino", Genre.FICTION, 165,
        88_000_000L, "classic"));
    store.putBook(book("shelves/2/books/1", "SPQR", "Mary Beard", Genre.HISTORY, 608, 1_445_000_000L));
    return store;
  }

  private static Book book(String name, String title, String author, Genre genre, long pages, long published,
      String... tags) {
    return Book.newBuilder().setName(name).setTitle(title).setAuthor(author).setGenre(genre).setPageCount(pages)
        .setPublishTime(Timestamp.newBuilder().setSeconds(published)).addAllTags(List.of(tags)).build();
  }

  private void putShelf(Shelf shelf) {
    shelves.put(shelf.getName(), shelf);
  }

  private void putBook(Book book) {
    books.put(book.getName(), book);
  }

  @Override
  public void listShelves(ListShelvesRequest request, StreamObserver<ListShelvesResponse> response) {
    ListShelvesResponse.Builder page = ListShelvesResponse.newBuilder();
    String last = page(shelves.tailMap(request.getPageToken(), false).values(), request.getPageSize(),
        page::addShelves, Shelf::getName);
    response.onNext(page.setNextPageToken(last).build());
    response.onCompleted();
  }

  @Override
  public void createShelf(CreateShelfRequest request, StreamObserver<Shelf> response) {
    String id = request.getShelfId().isEmpty() ? Long.toString(nextId.incrementAndGet()) : request.getShelfId();
    String name = "shelves/" + id;
    if (!id.matches("[a-z0-9-]{1,63}")) {
      response.onError(badRequest("shelf_id", "\"" + id + "\" is not a valid id (expected: 1-63 of a-z, 0-9, -)"));
      return;
    }
    Shelf shelf = request.getShelf().toBuilder().setName(name).setCreateTime(now()).build();
    if (shelves.putIfAbsent(name, shelf) != null) {
      response.onError(error(Code.ALREADY_EXISTS, "shelf " + name + " already exists", resource("Shelf", name)));
      return;
    }
    response.onNext(shelf);
    response.onCompleted();
  }

  @Override
  public void getShelf(GetShelfRequest request, StreamObserver<Shelf> response) {
    Shelf shelf = shelves.get(request.getName());
    if (shelf == null) {
      response.onError(notFound("Shelf", request.getName()));
      return;
    }
    response.onNext(shelf);
    response.onCompleted();
  }

  @Override
  public void deleteShelf(DeleteShelfRequest request, StreamObserver<Empty> response) {
    String name = request.getName();
    if (!shelves.containsKey(name)) {
      response.onError(notFound("Shelf", name));
      return;
    }
    Map<String, Book> onShelf = booksOf(name);
    if (!onShelf.isEmpty() && !request.getForce()) {
      response.onError(error(Code.FAILED_PRECONDITION, "shelf " + name + " still holds " + onShelf.size()
          + " books; delete them first, or delete the shelf with force set", ErrorInfo.newBuilder().setReason("SHELF_NOT_EMPTY")
          .setDomain(DOMAIN).putMetadata("books", Integer.toString(onShelf.size())).build()));
      return;
    }
    onShelf.keySet().forEach(books::remove);
    shelves.remove(name);
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void listBooks(ListBooksRequest request, StreamObserver<ListBooksResponse> response) {
    if (!shelves.containsKey(request.getParent())) {
      response.onError(notFound("Shelf", request.getParent()));
      return;
    }
    List<Book> matching = new ArrayList<>();
    for (Book book : booksOf(request.getParent()).values()) {
      boolean authorMatches = request.getAuthor().isEmpty() || book.getAuthor().equals(request.getAuthor());
      boolean genreMatches = request.getGenresList().isEmpty() || request.getGenresList().contains(book.getGenre());
      if (authorMatches && genreMatches && book.getName().compareTo(request.getPageToken()) > 0) {
        matching.add(book);
      }
    }
    ListBooksResponse.Builder page = ListBooksResponse.newBuilder();
    String last = page(matching, request.getPageSize(), page::addBooks, Book::getName);
    response.onNext(page.setNextPageToken(last).build());
    response.onCompleted();
  }

  @Override
  public void createBook(CreateBookRequest request, StreamObserver<Book> response) {
    try {
      response.onNext(create(request));
      response.onCompleted();
    } catch (StatusRuntimeException e) {
      response.onError(e);
    }
  }

  private Book create(CreateBookRequest request) {
    if (!shelves.containsKey(request.getParent())) {
      throw notFound("Shelf", request.getParent());
    }
    if (request.getBook().getTitle().isBlank()) {
      throw badRequest("book.title", "a book needs a title");
    }
    String id = request.getBookId().isEmpty() ? Long.toString(nextId.incrementAndGet()) : request.getBookId();
    String name = request.getParent() + "/books/" + id;
    Book book = request.getBook().toBuilder().setName(name).build();
    if (books.putIfAbsent(name, book) != null) {
      throw error(Code.ALREADY_EXISTS, "book " + name + " already exists", resource("Book", name));
    }
    return book;
  }

  @Override
  public void getBook(GetBookRequest request, StreamObserver<Book> response) {
    Book book = request.getName().isEmpty() ? findById(request.getBookId()) : books.get(request.getName());
    if (book == null) {
      response.onError(notFound("Book", request.getName().isEmpty() ? "*/books/" + request.getBookId()
          : request.getName()));
      return;
    }
    response.onNext(book);
    response.onCompleted();
  }

  private Book findById(String id) {
    for (Book book : books.values()) {
      if (book.getName().endsWith("/books/" + id)) {
        return book;
      }
    }
    return null;
  }

  @Override
  public void updateBook(UpdateBookRequest request, StreamObserver<Book> response) {
    String name = request.getBook().getName();
    Book current = books.get(name);
    if (current == null) {
      response.onError(notFound("Book", name));
      return;
    }
    Book.Builder updated = current.toBuilder();
    List<String> paths = request.getUpdateMask().getPathsList();
    for (String path : paths.isEmpty() ? List.of("title", "author", "genre", "page_count", "publish_time", "tags")
        : paths) {
      switch (path) {
        case "title" -> updated.setTitle(request.getBook().getTitle());
        case "author" -> updated.setAuthor(request.getBook().getAuthor());
        case "genre" -> updated.setGenre(request.getBook().getGenre());
        case "page_count" -> updated.setPageCount(request.getBook().getPageCount());
        case "publish_time" -> updated.setPublishTime(request.getBook().getPublishTime());
        case "tags" -> updated.clearTags().addAllTags(request.getBook().getTagsList());
        case "name" -> { } // the name in the body is the one being updated, not a new value
        default -> {
          response.onError(badRequest("update_mask", "\"" + path + "\" is not a field of Book"));
          return;
        }
      }
    }
    Book book = updated.build();
    books.put(name, book);
    response.onNext(book);
    response.onCompleted();
  }

  @Override
  public void deleteBook(DeleteBookRequest request, StreamObserver<Empty> response) {
    if (books.remove(request.getName()) == null) {
      response.onError(notFound("Book", request.getName()));
      return;
    }
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void moveBook(MoveBookRequest request, StreamObserver<Book> response) {
    Book book = books.get(request.getName());
    if (book == null) {
      response.onError(notFound("Book", request.getName()));
      return;
    }
    if (!shelves.containsKey(request.getDestinationShelf())) {
      response.onError(notFound("Shelf", request.getDestinationShelf()));
      return;
    }
    String id = request.getName().substring(request.getName().lastIndexOf('/') + 1);
    Book moved = book.toBuilder().setName(request.getDestinationShelf() + "/books/" + id).build();
    if (books.putIfAbsent(moved.getName(), moved) != null) {
      response.onError(error(Code.ALREADY_EXISTS, "book " + moved.getName() + " already exists",
          resource("Book", moved.getName())));
      return;
    }
    books.remove(book.getName());
    response.onNext(moved);
    response.onCompleted();
  }

  @Override
  public void streamBooks(StreamBooksRequest request, StreamObserver<Book> response) {
    if (!shelves.containsKey(request.getParent())) {
      response.onError(notFound("Shelf", request.getParent()));
      return;
    }
    booksOf(request.getParent()).values().forEach(response::onNext);
    response.onCompleted();
  }

  @Override
  public StreamObserver<CreateBookRequest> importBooks(StreamObserver<ImportBooksResponse> response) {
    return new StreamObserver<>() {
      private int created;
      private boolean failed;

      @Override
      public void onNext(CreateBookRequest request) {
        if (failed) {
          return;
        }
        try {
          create(request);
          created++;
        } catch (StatusRuntimeException e) {
          failed = true;
          response.onError(e);
        }
      }

      @Override
      public void onError(Throwable t) {
        // The client went away; nothing to answer.
      }

      @Override
      public void onCompleted() {
        if (!failed) {
          response.onNext(ImportBooksResponse.newBuilder().setCreated(created).build());
          response.onCompleted();
        }
      }
    };
  }

  @Override
  public StreamObserver<Remark> discuss(StreamObserver<Remark> response) {
    return new StreamObserver<>() {
      @Override
      public void onNext(Remark remark) {
        response.onNext(Remark.newBuilder().setReader("librarian")
            .setText(answer(remark.getText())).build());
      }

      @Override
      public void onError(Throwable t) {
        // The client went away; nothing to answer.
      }

      @Override
      public void onCompleted() {
        response.onCompleted();
      }
    };
  }

  private String answer(String text) {
    for (Book book : books.values()) {
      if (!text.isEmpty() && text.toLowerCase().contains(book.getTitle().toLowerCase())) {
        return "\"" + book.getTitle() + "\" by " + book.getAuthor() + " is on " + book.getName().substring(0,
            book.getName().indexOf("/books/")) + ".";
      }
    }
    return "Noted: " + text;
  }

  private NavigableMap<String, Book> booksOf(String shelf) {
    return books.subMap(shelf + "/books/", true, shelf + "/books0", false);
  }

  private static <T> String page(Iterable<T> items, int pageSize, java.util.function.Consumer<T> add,
      java.util.function.Function<T, String> name) {
    int size = pageSize > 0 ? pageSize : DEFAULT_PAGE_SIZE;
    int count = 0;
    String last = "";
    for (T item : items) {
      if (count == size) {
        return last;
      }
      add.accept(item);
      last = name.apply(item);
      count++;
    }
    return "";
  }

  private static Timestamp now() {
    long millis = System.currentTimeMillis();
    return Timestamp.newBuilder().setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000).build();
  }

  private static ResourceInfo resource(String type, String name) {
    return ResourceInfo.newBuilder().setResourceType("gatehouse.demo.v1." + type).setResourceName(name).build();
  }

  private static StatusRuntimeException notFound(String type, String name) {
    return error(Code.NOT_FOUND, type.toLowerCase() + " " + name + " not found", resource(type, name));
  }

  private static StatusRuntimeException badRequest(String field, String description) {
    return error(Code.INVALID_ARGUMENT, description, BadRequest.newBuilder().addFieldViolations(
        BadRequest.FieldViolation.newBuilder().setField(field).setDescription(description)).build());
  }

  private static StatusRuntimeException error(Code code, String message, com.google.protobuf.Message detail) {
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder().setCode(code.getNumber())
        .setMessage(message).addDetails(Any.pack(detail)).build());
  }
}
