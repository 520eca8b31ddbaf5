package dev.gatehouse.gateway.upstream;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.gateway.config.HostPort;
import dev.gatehouse.gateway.trace.TappedChannelFactory;
import dev.gatehouse.gateway.trace.UpstreamTap;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one grpc-java channel from the gateway to its backend, in plaintext HTTP/2 on the event loops of the HTTP
 * server, with a raw-bytes method descriptor for every method of the catalog built once here rather than per request.
 *
 * <p>Calls do not wait for the channel to be ready: when the backend cannot be reached they fail with UNAVAILABLE as
 * soon as the connection attempt fails, at the latest after the connect timeout, instead of hanging until their
 * deadline.
 */
public final class UpstreamChannel implements AutoCloseable {
  /** The standard health service; asked by {@code /healthz} even when the catalog does not describe it. */
  public static final String HEALTH_CHECK_METHOD = "grpc.health.v1.Health/Check";

  private final ManagedChannel channel;
  private final Map<String, MethodDescriptor<byte[], byte[]>> methods;

  private UpstreamChannel(ManagedChannel channel, Map<String, MethodDescriptor<byte[], byte[]>> methods) {
    this.channel = channel;
    this.methods = methods;
  }

  /**
   * Creates the channel; it connects lazily, on the first call.
   *
   * @param eventLoops the HTTP server's event loops, which the channel's transports share
   * @param channelType the socket channel class matching {@code eventLoops}
   */
  public static UpstreamChannel open(HostPort target, ServiceCatalog catalog, EventLoopGroup eventLoops,
      Class<? extends SocketChannel> channelType, Duration connectTimeout) {
    return open(target, catalog, eventLoops, channelType, connectTimeout, null);
  }

  /**
   * Creates the channel; it connects lazily, on the first call. With a {@code tap}, every byte of its connections
   * is shown to the tap as well ({@link TappedChannelFactory}).
   *
   * @param eventLoops the HTTP server's event loops, which the channel's transports share
   * @param channelType the socket channel class matching {@code eventLoops}
   * @param tap where the bytes of the channel's connections go, or {@code null} for none
   */
  public static UpstreamChannel open(HostPort target, ServiceCatalog catalog, EventLoopGroup eventLoops,
      Class<? extends SocketChannel> channelType, Duration connectTimeout, UpstreamTap tap) {
    requireNonNull(target, "target");
    requireNonNull(catalog, "catalog");
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(target.host(), target.port())
        .eventLoopGroup(eventLoops);
    if (tap == null) {
      builder.channelType(channelType);
    } else {
      builder.channelFactory(new TappedChannelFactory(channelType, tap), InetSocketAddress.class);
    }
    ManagedChannel channel = builder
        .usePlaintext()
        // Callbacks run on the executor each call names (its HTTP connection's event loop); this one only serves
        // calls that name none, and never blocks.
        .directExecutor()
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
        .build();
    Map<String, MethodDescriptor<byte[], byte[]>> methods = new HashMap<>();
    for (Map.Entry<String, Descriptors.MethodDescriptor> entry : catalog.methods().entrySet()) {
      Descriptors.MethodDescriptor method = entry.getValue();
      methods.put(entry.getKey(), descriptor(entry.getKey(), type(method.isClientStreaming(),
          method.isServerStreaming())));
    }
    methods.putIfAbsent(HEALTH_CHECK_METHOD, descriptor(HEALTH_CHECK_METHOD, MethodType.UNARY));
    return new UpstreamChannel(channel, Map.copyOf(methods));
  }

  private static MethodType type(boolean clientStreaming, boolean serverStreaming) {
    if (clientStreaming) {
      return serverStreaming ? MethodType.BIDI_STREAMING : MethodType.CLIENT_STREAMING;
    }
    return serverStreaming ? MethodType.SERVER_STREAMING : MethodType.UNARY;
  }

  private static MethodDescriptor<byte[], byte[]> descriptor(String fullName, MethodType type) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(type)
        .setFullMethodName(fullName)
        .setRequestMarshaller(RawBytesMarshaller.INSTANCE)
        .setResponseMarshaller(RawBytesMarshaller.INSTANCE)
        .build();
  }

  /** The descriptor of a method, {@code pkg.Service/Method}, or {@code null} when the catalog has no such method. */
  public MethodDescriptor<byte[], byte[]> method(String fullMethodName) {
    return methods.get(fullMethodName);
  }

  /** A new call; nothing is sent until it is started. */
  public ClientCall<byte[], byte[]> newCall(MethodDescriptor<byte[], byte[]> method, CallOptions options) {
    return channel.newCall(method, options);
  }

  /** The channel's state, without asking it to connect. */
  public ConnectivityState state() {
    return channel.getState(false);
  }

  /** Stops new calls; calls in flight run on until they end or {@link #shutdownNow()}. */
  public void shutdown() {
    channel.shutdown();
  }

  /** Cancels the calls still in flight. */
  public void shutdownNow() {
    channel.shutdownNow();
  }

  /** Waits for the channel's calls and transports to be gone; never call it on an event loop. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return channel.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
