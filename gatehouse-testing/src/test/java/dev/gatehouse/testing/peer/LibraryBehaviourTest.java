package dev.gatehouse.testing.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt64Value;
import com.google.protobuf.Value;
import com.google.rpc.ErrorInfo;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.CheckAvailabilityRequest;
import dev.gatehouse.testing.v1.Color;
import dev.gatehouse.testing.v1.CreateBookRequest;
import dev.gatehouse.testing.v1.CreateShelfRequest;
import dev.gatehouse.testing.v1.DeleteShelfRequest;
import dev.gatehouse.testing.v1.GetBookRequest;
import dev.gatehouse.testing.v1.GetFileRequest;
import dev.gatehouse.testing.v1.GetReaderRequest;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import dev.gatehouse.testing.v1.ListBooksRequest;
import dev.gatehouse.testing.v1.ListShelvesRequest;
import dev.gatehouse.testing.v1.MoveBookRequest;
import dev.gatehouse.testing.v1.Nested;
import dev.gatehouse.testing.v1.Shelf;
import dev.gatehouse.testing.v1.UpdateBookRequest;
import dev.gatehouse.testing.v1.UploadCoverRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Library behaviour beyond the client scenarios, called with grpc-java on every peer's server: the other
 * methods answer as the Java server does, Echo returns a message with every kind of field unchanged, a failing
 * watch streams then fails with details, and the health service answers.
 */
class LibraryBehaviourTest {

  private static RunningServers servers;
  private ManagedChannel channel;

  @BeforeAll
  static void startServers() {
    servers = RunningServers.startAll();
  }

  @AfterAll
  static void stopServers() {
    if (servers != null) {
      servers.close();
    }
  }

  @AfterEach
  void closeChannel() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private LibraryGrpc.LibraryBlockingStub library(ForeignPeer peer) {
    channel = NettyChannelBuilder.forTarget(servers.of(peer).target()).usePlaintext().build();
    return LibraryGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  private static List<Message> everyOtherMethod(LibraryGrpc.LibraryBlockingStub library) {
    Book book = Book.newBuilder().setTitle("Dune").setAuthor("Herbert").setPageCount(412).addTags("sf").build();
    return List.of(
        library.createShelf(CreateShelfRequest.newBuilder()
            .setShelf(Shelf.newBuilder().setTheme("sea")).setShelfId("9").build()),
        library.listShelves(ListShelvesRequest.newBuilder().setPageSize(2).build()),
        library.listShelves(ListShelvesRequest.getDefaultInstance()),
        library.deleteShelf(DeleteShelfRequest.newBuilder().setName("shelves/1").build()),
        library.createBook(CreateBookRequest.newBuilder().setParent("shelves/3").setBook(book).build()),
        library.getBook(GetBookRequest.newBuilder().setName("shelves/1/books/2").build()),
        library.getBook(GetBookRequest.newBuilder().setBookId("42").build()),
        library.getBookTitle(GetBookRequest.newBuilder().setName("shelves/1/books/3").build()),
        library.listBooks(ListBooksRequest.newBuilder().setParent("shelves/7").setPageSize(3).build()),
        library.updateBook(UpdateBookRequest.newBuilder().setBook(book.toBuilder().setName("shelves/1/books/1")).build()),
        library.moveBook(MoveBookRequest.newBuilder().setName("shelves/1/books/5").setDestinationShelf("shelves/2").build()),
        library.getCurrentReader(Empty.getDefaultInstance()),
        library.getReader(GetReaderRequest.newBuilder().setReaderId("ada").build()),
        library.getFile(GetFileRequest.newBuilder().setPath("docs/a.txt").build()),
        library.uploadCover(UploadCoverRequest.newBuilder().setName("shelves/1/books/1")
            .setCover(com.google.api.HttpBody.newBuilder().setContentType("image/png")
                .setData(ByteString.copyFromUtf8("png"))).build()),
        library.checkAvailability(CheckAvailabilityRequest.newBuilder().setName("shelves/1/books/1").build()),
        library.unbound(Shelf.newBuilder().setName("shelves/u").setTheme("t").build()));
  }

  @ParameterizedTest
  @EnumSource(value = ForeignPeer.class, names = {"GO", "PYTHON", "NODE"})
  void everyOtherMethodAnswersAsTheJavaServerDoes(ForeignPeer peer) throws InterruptedException {
    List<Message> expected = everyOtherMethod(library(ForeignPeer.JAVA));
    closeChannel();

    assertThat(everyOtherMethod(library(peer))).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @EnumSource(ForeignPeer.class)
  void echoReturnsEveryKindOfFieldUnchanged(ForeignPeer peer) {
    AllTypes everything = AllTypes.newBuilder()
        .setDoubleValue(1.5).setFloatValue(-2.25f).setInt32Value(-7).setInt64Value(Long.MIN_VALUE)
        .setUint32Value(-1).setUint64Value(-1L).setSint32Value(-3).setSint64Value(Long.MAX_VALUE)
        .setFixed32Value(9).setFixed64Value(10).setSfixed32Value(-11).setSfixed64Value(-12).setBoolValue(true)
        .setStringValue("héllo ✓").setBytesValue(ByteString.copyFrom(new byte[] {0, -1, 2})).setColor(Color.BLUE)
        .setNested(Nested.newBuilder().setName("n").setChild(Nested.newBuilder().setCount(3)))
        .setOptionalInt32(0).addRepeatedInt64(5).addRepeatedInt64(-5).addRepeatedColor(Color.RED)
        .putStringMap("k", "v").putIntMap(-1, 1L).putBoolMap(true, Nested.newBuilder().setName("b").build())
        .putEnumMap(7L, Color.GREEN).putWrapperMap("w", UInt64Value.of(8))
        .setChoiceNested(Nested.newBuilder().setName("choice")).setRenamedField("r")
        .setTimestamp(Timestamp.newBuilder().setSeconds(1).setNanos(2)).setDuration(Duration.newBuilder().setSeconds(-3))
        .setStructValue(Struct.newBuilder().putFields("x", Value.newBuilder().setNumberValue(1).build()))
        .setAny(Any.pack(Shelf.newBuilder().setName("shelves/any").build()))
        .setLateDeclaredLowNumber("late")
        .build();

    AllTypes echoed = library(peer).echo(everything);

    assertThat(echoed).isEqualTo(everything);
  }

  @ParameterizedTest
  @EnumSource(ForeignPeer.class)
  void failingWatchStreamsItsBooksThenAbortsWithDetails(ForeignPeer peer) {
    Iterator<Book> books = library(peer).watchShelf(GetShelfRequest.newBuilder().setName("shelves/fail-3").build());
    List<String> names = new ArrayList<>();

    StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class, () -> {
      while (books.hasNext()) {
        names.add(books.next().getName());
      }
    });

    assertThat(names).containsExactly("shelves/fail-3/books/1", "shelves/fail-3/books/2", "shelves/fail-3/books/3");
    assertThat(failure).isNotNull();
    assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    com.google.rpc.Status details = StatusProto.fromThrowable(failure);
    assertThat(details).isNotNull();
    assertThat(details.getDetailsList()).hasSize(2);
    assertThat(details.getDetails(0).getTypeUrl()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(details.getDetails(1).getTypeUrl()).isEqualTo("type.googleapis.com/google.rpc.ResourceInfo");
  }

  @ParameterizedTest
  @EnumSource(ForeignPeer.class)
  void missingShelfCarriesErrorInfoWithTheShelf(ForeignPeer peer) throws Exception {
    StatusRuntimeException failure = catchThrowableOfType(StatusRuntimeException.class,
        () -> library(peer).getShelf(GetShelfRequest.newBuilder().setName("shelves/missing").build()));

    com.google.rpc.Status details = StatusProto.fromThrowable(failure);
    assertThat(details).isNotNull();
    ErrorInfo info = details.getDetails(0).unpack(ErrorInfo.class);
    assertThat(info.getReason()).isEqualTo("SHELF_NOT_FOUND");
    assertThat(info.getDomain()).isEqualTo("library.gatehouse.dev");
    assertThat(info.getMetadataMap()).containsEntry("shelf", "shelves/missing");
  }

  @ParameterizedTest
  @EnumSource(ForeignPeer.class)
  void healthServiceSaysServing(ForeignPeer peer) {
    channel = NettyChannelBuilder.forTarget(servers.of(peer).target()).usePlaintext().build();

    HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
        .check(HealthCheckRequest.getDefaultInstance());

    assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }
}
