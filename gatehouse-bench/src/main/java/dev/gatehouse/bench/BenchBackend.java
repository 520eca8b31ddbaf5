package dev.gatehouse.bench;

import dev.gatehouse.testing.raw.RawBytesMarshaller;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
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
        .addMethod(RawBytesMarshaller.unaryMethod(SERVICE, "GetBook"),
            ServerCalls.asyncUnaryCall((request, response) -> {
              response.onNext(w1Reply);
              response.onCompleted();
            }))
        .addMethod(RawBytesMarshaller.unaryMethod(SERVICE, "CreateBook"),
            ServerCalls.asyncUnaryCall((request, response) -> {
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
}
