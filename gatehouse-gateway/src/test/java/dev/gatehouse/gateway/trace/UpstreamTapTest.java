package dev.gatehouse.gateway.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.server.GatewayListener;
import dev.gatehouse.gateway.server.GatewayServer;
import dev.gatehouse.testing.v1.Book;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import dev.gatehouse.testing.v1.Shelf;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's upstream tap, with a recording tap instead of the lens: which calls take a tapped connection, what
 * the tap sees of it, and the trace headers of the answer.
 */
class UpstreamTapTest {
  private static final Metadata.Key<String> TRACE_ID =
      Metadata.Key.of(UpstreamTap.TRACE_ID_KEY, Metadata.ASCII_STRING_MARSHALLER);

  private final BlockingQueue<String> traceIdsSeenByBackend = new LinkedBlockingQueue<>();
  private final RecordingTap tap = new RecordingTap();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private Server backend;
  private GatewayServer gateway;

  @BeforeEach
  void startBackend() throws IOException {
    ServerInterceptor recordTraceId = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        traceIdsSeenByBackend.add(String.valueOf(headers.get(TRACE_ID)));
        return next.startCall(call, headers);
      }
    };
    backend = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(ServerInterceptors.intercept(new LibraryGrpc.LibraryImplBase() {
          @Override
          public void getShelf(GetShelfRequest request, StreamObserver<Shelf> response) {
            response.onNext(Shelf.newBuilder().setName(request.getName()).setTheme("maps").build());
            response.onCompleted();
          }

          @Override
          public void watchShelf(GetShelfRequest request, StreamObserver<Book> response) {
            response.onNext(Book.newBuilder().setName(request.getName() + "/books/1").build());
            response.onCompleted();
          }
        }, recordTraceId))
        .build()
        .start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (gateway != null) {
      gateway.close();
    }
    backend.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  private void startGateway(boolean traceAll) throws IOException {
    startGateway(traceAll, true);
  }

  private void startGateway(boolean traceAll, boolean traceOnRequest) throws IOException {
    GatewayConfig config = GatewayConfig.builder()
        .upstream(new HostPort("127.0.0.1", backend.getPort()))
        .listen(new HostPort("127.0.0.1", 0))
        .catalog(catalog())
        .ioThreads(2)
        .accessLog(false)
        .trace(traceAll)
        .traceOnRequest(traceOnRequest)
        .build();
    gateway = new GatewayServer(config, GatewayListener.NONE, tap);
    gateway.start();
  }

  private HttpResponse<String> getShelf(boolean askForTrace) throws IOException, InterruptedException {
    return get("/v1/shelves/7", askForTrace);
  }

  private HttpResponse<String> get(String path, boolean askForTrace) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
        .timeout(Duration.ofSeconds(10));
    if (askForTrace) {
      request.header("X-Gatehouse-Trace", "1");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequestAskingForATraceTakesATappedConnectionAndGetsItsTraceIdBack() throws Exception {
    startGateway(false);

    HttpResponse<String> response = getShelf(true);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"theme\":\"maps\"");
    String traceId = response.headers().firstValue("x-gatehouse-trace-id").orElseThrow();
    assertThat(traceId).matches("[0-9a-f]{16}");
    assertThat(traceIdsSeenByBackend.poll(10, TimeUnit.SECONDS)).isEqualTo(traceId);
    assertThat(response.headers().firstValue("x-gatehouse-trace-stream")).contains("1/3");
    assertThat(tap.located).containsExactly(traceId);
    RecordedConnection connection = tap.connections.get(0);
    assertThat(connection.backend.getPort()).isEqualTo(backend.getPort());
    // The gateway speaks first: the HTTP/2 client preface, as written on the wire.
    assertThat(new String(connection.bytes(Sender.GATEWAY), 0, 24, StandardCharsets.ISO_8859_1))
        .isEqualTo("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    // The backend's first frame is its SETTINGS (type 4 in the fourth byte of the frame header).
    assertThat(connection.bytes(Sender.BACKEND)[3]).isEqualTo((byte) 4);
  }

  @Test
  void aStreamedAnswerCarriesTheTraceHeadersToo() throws Exception {
    startGateway(false);

    HttpResponse<String> response = get("/v1/shelves/7:watch", true);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("shelves/7/books/1");
    String traceId = response.headers().firstValue("x-gatehouse-trace-id").orElseThrow();
    assertThat(traceIdsSeenByBackend.poll(10, TimeUnit.SECONDS)).isEqualTo(traceId);
    assertThat(tap.located).containsExactly(traceId);
  }

  @Test
  void aRequestNotAskingIsNotTracedWhenTraceIsOff() throws Exception {
    startGateway(false);

    HttpResponse<String> response = getShelf(false);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-gatehouse-trace-id")).isEmpty();
    assertThat(traceIdsSeenByBackend.poll(10, TimeUnit.SECONDS)).isEqualTo("null");
    assertThat(tap.connections).isEmpty();
  }

  @Test
  void aRequestAskingIsNotTracedWhenTracingOnRequestIsSwitchedOff() throws Exception {
    startGateway(false, false);

    HttpResponse<String> response = getShelf(true);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-gatehouse-trace-id")).isEmpty();
    assertThat(traceIdsSeenByBackend.poll(10, TimeUnit.SECONDS)).isEqualTo("null");
    assertThat(tap.connections).isEmpty();
  }

  @Test
  void withTraceOnEveryCallIsTracedOnTheOneTappedChannel() throws Exception {
    startGateway(true);

    HttpResponse<String> first = getShelf(false);
    HttpResponse<String> second = getShelf(true);

    assertThat(first.headers().firstValue("x-gatehouse-trace-id")).isPresent();
    assertThat(second.headers().firstValue("x-gatehouse-trace-id")).isPresent()
        .isNotEqualTo(first.headers().firstValue("x-gatehouse-trace-id"));
    assertThat(tap.connections).hasSize(1);
  }

  @Test
  void theTapHearsTheEndOfTheConnectionWhenTheGatewayStops() throws Exception {
    startGateway(true);
    getShelf(false);

    gateway.close();
    gateway = null;

    RecordedConnection connection = tap.connections.get(0);
    assertThat(connection.ended).isTrue();
    assertThat(connection.closedBy).isEqualTo(Sender.GATEWAY);
  }

  private static ServiceCatalog catalog() throws IOException {
    try (InputStream in = UpstreamTapTest.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    }
  }

  /** Keeps every byte of every connection; answers {@link #locate} with connection 1, stream 3. */
  private static final class RecordingTap implements UpstreamTap {
    final List<RecordedConnection> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> located = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public TapConnection open(InetSocketAddress gateway, InetSocketAddress backend) {
      RecordedConnection connection = new RecordedConnection(backend);
      connections.add(connection);
      return connection;
    }

    @Override
    public String locate(String traceId) {
      located.add(traceId);
      return "1/3";
    }
  }

  private static final class RecordedConnection implements TapConnection {
    final InetSocketAddress backend;
    private final List<ByteArrayOutputStream> bytes = new ArrayList<>(List.of(new ByteArrayOutputStream(),
        new ByteArrayOutputStream()));
    volatile Sender closedBy;
    volatile boolean ended;

    RecordedConnection(InetSocketAddress backend) {
      this.backend = backend;
    }

    @Override
    public synchronized void onBytes(Sender sender, ByteBuf chunk) {
      byte[] copy = new byte[chunk.readableBytes()];
      chunk.getBytes(chunk.readerIndex(), copy);
      bytes.get(sender.ordinal()).writeBytes(copy);
    }

    @Override
    public void onClose(Sender sender) {
      if (closedBy == null) {
        closedBy = sender;
      }
    }

    @Override
    public void onEnd() {
      ended = true;
    }

    synchronized byte[] bytes(Sender sender) {
      return bytes.get(sender.ordinal()).toByteArray();
    }
  }
}
