package dev.gatehouse.bench;

import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The backend of the W1/W2 gateway benchmark: a grpc-java server on 127.0.0.1 whose Library GetBook and CreateBook
 * answer precomputed bytes, so that its cost per call is grpc-java's alone (no parsing, no business logic).
 *
 * <p>{@code BenchBackend [--port N] [--threads N]} prints {@code LISTENING <port>} once serving and stops when its
 * standard input ends.
 */
public final class BenchBackend {
  private static final String SERVICE = "gatehouse.testing.v1.Library";

  private BenchBackend() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    BenchArguments arguments = BenchArguments.parse(args);
    int port = arguments.intValue("--port", 0);
    int threads = arguments.intValue("--threads", 1);
    byte[] w1Reply = BenchMessages.w1Reply().toByteArray();
    byte[] w2Reply = BenchMessages.w2Reply().toByteArray();
    ServerServiceDefinition library = ServerServiceDefinition.builder(SERVICE)
        .addMethod(method("GetBook"), ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext(w1Reply);
          response.onCompleted();
        }))
        .addMethod(method("CreateBook"), ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext(w2Reply);
          response.onCompleted();
        }))
        .build();
    MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
        .bossEventLoopGroup(loops)
        .workerEventLoopGroup(loops)
        .channelType(NioServerSocketChannel.class)
        .directExecutor()
        .addService(library)
        .build()
        .start();
    System.out.println("LISTENING " + server.getPort());
    System.out.flush();
    BenchArguments.awaitEndOfInput();
    server.shutdown();
    if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
      server.shutdownNow();
    }
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  private static MethodDescriptor<byte[], byte[]> method(String name) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(Bytes.INSTANCE)
        .setResponseMarshaller(Bytes.INSTANCE)
        .build();
  }

  /** Message bytes as they are: requests are read and dropped, answers are precomputed. */
  private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
    static final Bytes INSTANCE = new Bytes();

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
  }
}
