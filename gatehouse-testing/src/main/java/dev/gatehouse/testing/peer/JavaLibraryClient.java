package dev.gatehouse.testing.peer;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.BulkCreateBooksResponse;
import dev.gatehouse.testing.v1.ChatMessage;
import dev.gatehouse.testing.v1.CreateBookRequest;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import dev.gatehouse.testing.v1.Shelf;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The grpc-java peer's client (grpc-netty, in this JVM): runs one {@link Scenario} against a Library server and
 * reports it as every peer's client does. Every call has a deadline, so a run always ends.
 */
public final class JavaLibraryClient {

  private static final long CALL_DEADLINE_SECONDS = 20;

  private final LibraryGrpc.LibraryBlockingStub blocking;
  private final LibraryGrpc.LibraryStub async;
  private final String scenario;
  private int code;
  private String message = "";
  private int count;
  private final List<String> details = new ArrayList<>();
  private String reason = "";
  private String server = "";
  private Map<String, String> headers = Map.of();
  private Map<String, String> trailers = Map.of();
  private String problem = "";

  private JavaLibraryClient(ManagedChannel channel, Scenario scenario) {
    this.blocking = LibraryGrpc.newBlockingStub(channel);
    this.async = LibraryGrpc.newStub(channel);
    this.scenario = scenario.wireName();
  }

  /** Runs {@code scenario} against {@code target} ({@code host:port}, plaintext) and reports the outcome. */
  public static ScenarioReport run(String target, Scenario scenario) {
    ManagedChannel channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
    JavaLibraryClient client = new JavaLibraryClient(channel, scenario);
    try {
      client.run(scenario);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.expect(false, "interrupted");
    } catch (RuntimeException e) {
      client.expect(false, "client failed: " + e);
    } finally {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return client.report();
  }

  private ScenarioReport report() {
    return new ScenarioReport(LibraryService.PEER, scenario, problem.isEmpty(), code, message, count, details,
        reason, server, headers, trailers, problem);
  }

  private void run(Scenario which) throws InterruptedException {
    switch (which) {
      case UNARY -> {
        Shelf shelf = getShelf("shelves/1", TimeUnit.SECONDS.toMillis(CALL_DEADLINE_SECONDS));
        if (shelf != null) {
          count = 1;
          expect(shelf.getTheme().equals("theme-1"), "theme \"" + shelf.getTheme() + "\", expected theme-1");
        }
        expectCode(Status.Code.OK);
      }
      case ERROR -> {
        getShelf("shelves/missing", TimeUnit.SECONDS.toMillis(CALL_DEADLINE_SECONDS));
        expectCode(Status.Code.NOT_FOUND);
        expect(message.equals("shelf shelves/missing not found"), "message \"" + message + "\"");
        expect(details.size() == 2, "details " + details + ", expected ErrorInfo and ResourceInfo");
        expect(reason.equals("SHELF_NOT_FOUND"), "reason \"" + reason + "\", expected SHELF_NOT_FOUND");
      }
      case DEADLINE -> {
        getShelf("shelves/slow", 300);
        expectCode(Status.Code.DEADLINE_EXCEEDED);
      }
      case SERVER_STREAM -> {
        watch("shelves/5", -1);
        expectCode(Status.Code.OK);
        expect(count == 5, count + " books, expected 5");
      }
      case CANCEL -> {
        watch("shelves/slow-50", 2);
        expectCode(Status.Code.CANCELLED);
        expect(count == 2, count + " books, expected 2");
      }
      case CLIENT_STREAM -> bulkCreate(5);
      case BIDI -> chat(3);
      case LARGE -> {
        byte[] payload = new byte[1 << 20];
        for (int i = 0; i < payload.length; i++) {
          payload[i] = (byte) (i % 251);
        }
        ByteString bytes = ByteString.copyFrom(payload);
        AllTypes response = echo(AllTypes.newBuilder().setBytesValue(bytes).build(), new Metadata());
        expectCode(Status.Code.OK);
        if (response != null) {
          expect(response.getBytesValue().equals(bytes), "echoed bytes_value differs from the 1 MiB sent");
        }
      }
      case METADATA -> {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("x-echo-id", Metadata.ASCII_STRING_MARSHALLER), "7");
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer peer-token");
        echo(AllTypes.newBuilder().setStringValue("metadata").build(), metadata);
        expectCode(Status.Code.OK);
        expect("7".equals(headers.get("x-echo-id")), "header x-echo-id " + headers.get("x-echo-id") + ", expected 7");
        expect("7".equals(trailers.get("x-trailer-id")),
            "trailer x-trailer-id " + trailers.get("x-trailer-id") + ", expected 7");
        expect("true".equals(trailers.get("x-saw-authorization")),
            "trailer x-saw-authorization " + trailers.get("x-saw-authorization") + ", expected true");
        expect(!server.isEmpty(), "no x-peer header");
      }
    }
  }

  private Shelf getShelf(String name, long deadlineMillis) {
    try {
      Shelf shelf = blocking.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS)
          .getShelf(GetShelfRequest.newBuilder().setName(name).build());
      record(null);
      return shelf;
    } catch (StatusRuntimeException e) {
      record(e);
      return null;
    }
  }

  private void watch(String name, int cancelAfter) {
    Context.CancellableContext call = Context.current().withCancellation();
    Context previous = call.attach();
    try {
      Iterator<Book> books = blocking.withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
          .watchShelf(GetShelfRequest.newBuilder().setName(name).build());
      while (books.hasNext()) {
        Book book = books.next();
        count++;
        String want = name + "/books/" + count;
        expect(book.getName().equals(want), "book \"" + book.getName() + "\", expected \"" + want + "\"");
        if (count == cancelAfter) {
          call.cancel(null);
        }
      }
      record(null);
    } catch (StatusRuntimeException e) {
      record(e);
    } finally {
      call.detach(previous);
      call.cancel(null);
    }
  }

  private void bulkCreate(int n) throws InterruptedException {
    BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();
    StreamObserver<CreateBookRequest> requests = async.withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
        .bulkCreateBooks(new Collector<>(outcome));
    for (int i = 1; i <= n; i++) {
      requests.onNext(CreateBookRequest.newBuilder().setParent("shelves/1")
          .setBook(Book.newBuilder().setTitle("title-" + i)).build());
    }
    requests.onCompleted();
    Object first = take(outcome);
    if (first instanceof BulkCreateBooksResponse response) {
      count = response.getCreated();
      first = take(outcome);
    }
    recordEnd(first);
    expectCode(Status.Code.OK);
    expect(count == n, "created " + count + ", expected " + n);
  }

  private void chat(int n) throws InterruptedException {
    BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
    StreamObserver<ChatMessage> messages = async.withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
        .chat(new Collector<>(replies));
    // One message at a time: each reply must arrive before the next message is sent.
    Object next = null;
    for (int i = 1; i <= n; i++) {
      messages.onNext(ChatMessage.newBuilder().setText("m" + i).build());
      next = take(replies);
      if (!(next instanceof ChatMessage reply)) {
        break;
      }
      count++;
      server = reply.getFrom();
      expect(reply.getText().equals("echo: m" + i), "reply \"" + reply.getText() + "\"");
      next = null;
    }
    messages.onCompleted();
    recordEnd(next != null ? next : take(replies));
    expectCode(Status.Code.OK);
    expect(count == n, count + " replies, expected " + n);
    expect(!server.isEmpty(), "replies name no peer");
  }

  private AllTypes echo(AllTypes request, Metadata metadata) {
    AtomicReference<Metadata> responseHeaders = new AtomicReference<>();
    AtomicReference<Metadata> responseTrailers = new AtomicReference<>();
    LibraryGrpc.LibraryBlockingStub stub = blocking
        .withDeadlineAfter(CALL_DEADLINE_SECONDS, TimeUnit.SECONDS)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata),
            MetadataUtils.newCaptureMetadataInterceptor(responseHeaders, responseTrailers));
    AllTypes response = null;
    try {
      response = stub.echo(request);
      count = 1;
      record(null);
    } catch (StatusRuntimeException e) {
      record(e);
    }
    headers = application(responseHeaders.get());
    trailers = application(responseTrailers.get());
    server = headers.getOrDefault("x-peer", "");
    return response;
  }

  /** The application's ASCII keys only: the transport's own vary between implementations. */
  private static Map<String, String> application(Metadata metadata) {
    Map<String, String> values = new TreeMap<>();
    if (metadata != null) {
      for (String key : metadata.keys()) {
        if (key.startsWith("x-") && !key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          values.put(key, metadata.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)));
        }
      }
    }
    return values;
  }

  /** Records how a call ended: {@code null} for OK, else the exception with its status and rich details. */
  private void record(StatusRuntimeException error) {
    if (error == null) {
      code = 0;
      return;
    }
    code = error.getStatus().getCode().value();
    message = error.getStatus().getDescription() == null ? "" : error.getStatus().getDescription();
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    if (status == null) {
      return;
    }
    for (Any detail : status.getDetailsList()) {
      String typeName = detail.getTypeUrl().substring(detail.getTypeUrl().lastIndexOf('/') + 1);
      details.add(typeName);
      if (detail.is(ErrorInfo.class)) {
        try {
          reason = detail.unpack(ErrorInfo.class).getReason();
        } catch (InvalidProtocolBufferException e) {
          expect(false, "ErrorInfo unreadable: " + e.getMessage());
        }
      }
    }
  }

  private void recordEnd(Object end) {
    if (end instanceof Throwable t) {
      record(t instanceof StatusRuntimeException e ? e : Status.fromThrowable(t).asRuntimeException());
    } else if (end == Collector.COMPLETED) {
      record(null);
    } else {
      expect(false, "unexpected " + end + " at the end of the call");
    }
  }

  private Object take(BlockingQueue<Object> queue) throws InterruptedException {
    Object next = queue.poll(CALL_DEADLINE_SECONDS + 5, TimeUnit.SECONDS);
    if (next == null) {
      expect(false, "nothing received within " + (CALL_DEADLINE_SECONDS + 5) + " s");
      return Status.DEADLINE_EXCEEDED.asRuntimeException();
    }
    return next;
  }

  private void expect(boolean condition, String why) {
    if (!condition && problem.isEmpty()) {
      problem = why;
    }
  }

  private void expectCode(Status.Code expected) {
    expect(code == expected.value(), "status " + code + ", expected " + expected.value() + " (" + expected + ")");
  }

  /** Puts each message, then the error or {@link #COMPLETED}, on a queue the scenario reads at its own pace. */
  private static final class Collector<T> implements StreamObserver<T> {
    static final Object COMPLETED = new Object();
    private final BlockingQueue<Object> queue;

    Collector(BlockingQueue<Object> queue) {
      this.queue = queue;
    }

    @Override
    public void onNext(T value) {
      queue.add(value);
    }

    @Override
    public void onError(Throwable t) {
      queue.add(t);
    }

    @Override
    public void onCompleted() {
      queue.add(COMPLETED);
    }
  }
}
