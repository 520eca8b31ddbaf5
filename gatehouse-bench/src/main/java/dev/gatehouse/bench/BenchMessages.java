package dev.gatehouse.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Timestamp;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.CreateBookRequest;
import dev.gatehouse.testing.v1.GetBookRequest;
import dev.gatehouse.testing.v1.Genre;
import java.nio.ByteBuffer;

/**
 * The messages of the W1/W2 gateway benchmark (docs/benchmarks.md), fixed so that the backend answers with
 * precomputed bytes and every run sends the same requests.
 *
 * <ul>
 *   <li>W1: {@code GET /v1/shelves/1/books/2} (GetBook, the name bound from the path), answered by a book of about
 *       250 bytes of JSON.
 *   <li>W2: {@code POST /v1/shelves/1/books} (CreateBook, {@code body: "book"}) with a book of about 1 KiB of JSON,
 *       answered by a small book.
 * </ul>
 */
final class BenchMessages {
  private static final String PARENT = "shelves/1";

  private BenchMessages() {
  }

  /** W1's answer: every kind of field a typical resource has. */
  static Book w1Reply() {
    return Book.newBuilder()
        .setName("shelves/1/books/2")
        .setTitle("The Left Hand of Darkness")
        .setAuthor("Ursula K. Le Guin")
        .setPageCount(304)
        .setGenre(Genre.FICTION)
        .addTags("classic").addTags("hugo-award").addTags("nebula-award")
        .setPublishTime(Timestamp.newBuilder().setSeconds(-31_536_000L))
        .setRating(Int32Value.of(5))
        .setCover(ByteString.copyFromUtf8("cover-ref-0001"))
        .build();
  }

  /** W2's request body, as the {@code book} field of CreateBook. */
  static Book w2Book() {
    Book.Builder book = Book.newBuilder()
        .setName("shelves/1/books/3")
        .setTitle("The Dispossessed: An Ambiguous Utopia")
        .setAuthor("Ursula K. Le Guin")
        .setPageCount(387)
        .setGenre(Genre.FICTION)
        .setPublishTime(Timestamp.newBuilder().setSeconds(136_080_000L).setNanos(500_000_000))
        .setRating(Int32Value.of(4))
        .setCover(ByteString.copyFrom(new byte[184]));
    for (int i = 1; i <= 25; i++) {
      book.addTags("tag-" + i + "-anarres-urras");
    }
    return book.build();
  }

  /** W2's answer: the new book's name and title only. */
  static Book w2Reply() {
    return Book.newBuilder().setName("shelves/1/books/3").setTitle("The Dispossessed").build();
  }

  static GetBookRequest w1Request() {
    return GetBookRequest.newBuilder().setName("shelves/1/books/2").build();
  }

  static CreateBookRequest w2Request() {
    return CreateBookRequest.newBuilder().setParent(PARENT).setBook(w2Book()).build();
  }

  /** A message as one gRPC length-prefixed frame: no compression flag, 4-byte big-endian length, the bytes. */
  static byte[] grpcFrame(byte[] message) {
    return ByteBuffer.allocate(5 + message.length).put((byte) 0).putInt(message.length).put(message).array();
  }
}
