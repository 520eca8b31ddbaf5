package dev.gatehouse.gateway.server;

import com.google.api.HttpBody;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.CreateBookRequest;
import dev.gatehouse.testing.v1.GetFileRequest;
import dev.gatehouse.testing.v1.GetReaderRequest;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import dev.gatehouse.testing.v1.ListBooksRequest;
import dev.gatehouse.testing.v1.ListBooksResponse;
import dev.gatehouse.testing.v1.Reader;
import dev.gatehouse.testing.v1.Shelf;
import dev.gatehouse.testing.v1.UploadCoverRequest;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real grpc-java Library backend on loopback, with behaviours chosen by the names in requests:
 * {@code shelves/held} waits until the test releases it, {@code shelves/missing} fails with details,
 * {@code shelves/locked} is UNAUTHENTICATED with a challenge. Every call's metadata is recorded.
 */
final class TestBackend implements AutoCloseable {
  static final Metadata.Key<String> RESPONSE_HEADER = Metadata.Key.of("x-served-by", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> RESPONSE_TRAILER = Metadata.Key.of("x-cost", Metadata.ASCII_STRING_MARSHALLER);

  /** Calls waiting for the test to answer them. */
  final BlockingQueue<StreamObserver<Shelf>> held = new LinkedBlockingQueue<>();
  /** Names of held calls the client cancelled. */
  final BlockingQueue<String> cancelled = new LinkedBlockingQueue<>();
  /** The request metadata of every call, in arrival order. */
  final BlockingQueue<Metadata> requestHeaders = new LinkedBlockingQueue<>();
  /** The names of GetShelf requests, in arrival order. */
  final BlockingQueue<String> shelfRequests = new LinkedBlockingQueue<>();

  private final Server server;

  TestBackend(boolean withHealthService) throws IOException {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(new Library(), new MetadataRecorder()));
    if (withHealthService) {
      builder.addService(healthService());
    }
    server = builder.build().start();
  }

  int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Library extends LibraryGrpc.LibraryImplBase {
    @Override
    public void getShelf(GetShelfRequest request, StreamObserver<Shelf> responses) {
      shelfRequests.add(request.getName());
      switch (request.getName()) {
        case "shelves/held" -> {
          ServerCallStreamObserver<Shelf> observer = (ServerCallStreamObserver<Shelf>) responses;
          observer.setOnCancelHandler(() -> cancelled.add(request.getName()));
          held.add(observer);
        }
        case "shelves/missing" -> responses.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
            .setCode(Status.Code.NOT_FOUND.value())
            .setMessage("shelf shelves/missing does not exist")
            .addDetails(Any.pack(BadRequest.newBuilder()
                .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("name").setDescription("unknown"))
                .build()))
            .build()));
        case "shelves/locked" -> {
          Metadata trailers = new Metadata();
          trailers.put(Metadata.Key.of("www-authenticate", Metadata.ASCII_STRING_MARSHALLER), "Bearer realm=\"library\"");
          responses.onError(Status.UNAUTHENTICATED.withDescription("token expired").asRuntimeException(trailers));
        }
        default -> {
          responses.onNext(Shelf.newBuilder().setName(request.getName()).setTheme("Fiction").build());
          responses.onCompleted();
        }
      }
    }

    @Override
    public void listBooks(ListBooksRequest request, StreamObserver<ListBooksResponse> responses) {
      responses.onNext(ListBooksResponse.newBuilder()
          .addBooks(Book.newBuilder().setName(request.getParent() + "/books/1").setTitle(request.getFilter()))
          .setNextPageToken("size-" + request.getPageSize())
          .build());
      responses.onCompleted();
    }

    @Override
    public void createBook(CreateBookRequest request, StreamObserver<Book> responses) {
      responses.onNext(request.getBook().toBuilder().setName(request.getParent() + "/books/" + request.getRequestId())
          .build());
      responses.onCompleted();
    }

    @Override
    public void getReader(GetReaderRequest request, StreamObserver<Reader> responses) {
      // Never answers: the caller's deadline ends the call.
    }

    @Override
    public void getFile(GetFileRequest request, StreamObserver<HttpBody> responses) {
      responses.onNext(HttpBody.newBuilder().setContentType("text/plain; charset=utf-8")
          .setData(ByteString.copyFromUtf8("contents of " + request.getPath())).build());
      responses.onCompleted();
    }

    @Override
    public void uploadCover(UploadCoverRequest request, StreamObserver<Book> responses) {
      responses.onNext(Book.newBuilder().setName(request.getName()).setTitle(request.getCover().getContentType())
          .setCover(request.getCover().getData()).build());
      responses.onCompleted();
    }
  }

  /** Records request metadata, and adds a header and a trailer to every response. */
  private final class MetadataRecorder implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      requestHeaders.add(headers);
      return next.startCall(new SimpleForwardingServerCall<Q, R>(call) {
        @Override
        public void sendHeaders(Metadata responseHeaders) {
          responseHeaders.put(RESPONSE_HEADER, "test-backend");
          super.sendHeaders(responseHeaders);
        }

        @Override
        public void close(Status status, Metadata trailers) {
          trailers.put(RESPONSE_TRAILER, "7");
          super.close(status, trailers);
        }
      }, headers);
    }
  }

  /** {@code grpc.health.v1.Health/Check} answering SERVING, encoded by hand (no generated health classes here). */
  private static ServerServiceDefinition healthService() {
    MethodDescriptor.Marshaller<byte[]> raw = new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(byte[] value) {
        return new ByteArrayInputStream(value);
      }

      @Override
      public byte[] parse(InputStream stream) {
        try {
          return stream.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    MethodDescriptor<byte[], byte[]> check = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName("grpc.health.v1.Health/Check")
        .setRequestMarshaller(raw)
        .setResponseMarshaller(raw)
        .build();
    return ServerServiceDefinition.builder("grpc.health.v1.Health")
        .addMethod(check, ServerCalls.asyncUnaryCall((request, responses) -> {
          responses.onNext(new byte[] {0x08, 0x01}); // status: SERVING
          responses.onCompleted();
        }))
        .build();
  }
}
