package dev.gatehouse.gateway.server;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.core.route.RouteLoader;
import dev.gatehouse.core.route.RouteOptions;
import dev.gatehouse.core.route.RouteTable;
import dev.gatehouse.core.status.ErrorBody;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.trace.UpstreamTap;
import dev.gatehouse.gateway.upstream.UpstreamChannel;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The gateway: an HTTP server (HTTP/1.1 and HTTP/2, cleartext or TLS) that answers REST/JSON requests by calling a gRPC backend, as the
 * {@code google.api.http} rules of the backend's descriptors say.
 *
 * <pre>{@code
 * GatewayConfig config = GatewayConfig.builder()
 *     .upstream(HostPort.parse("localhost:50051"))
 *     .descriptorSet(Path.of("api.desc"))
 *     .build();
 * try (GatewayServer server = new GatewayServer(config, GatewayListener.NONE)) {
 *   server.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>The HTTP server and the upstream grpc-java channel share one group of event loops; nothing blocks on them.
 * {@link #close()} is graceful: it stops accepting, lets requests in flight finish within the configured grace
 * period, then cuts off what is left.
 */
public final class GatewayServer implements AutoCloseable {
  private final GatewayConfig config;
  private final GatewayListener listener;
  private final UpstreamTap tap;
  private final ChannelGroup connections = new DefaultChannelGroup("gatehouse-connections",
      GlobalEventExecutor.INSTANCE);
  private EventLoopGroup eventLoops;
  private UpstreamChannel upstream;
  private UpstreamChannel tracedUpstream;
  private ServerState state;
  private Channel serverChannel;
  private boolean closed;

  public GatewayServer(GatewayConfig config, GatewayListener listener) {
    this(config, listener, null);
  }

  /**
   * A server whose upstream calls can be traced: the bytes of the traced calls' connections go to {@code tap}
   * (every call with {@code config.trace().all()}, else those of requests carrying {@code X-Gatehouse-Trace: 1}).
   *
   * @param tap where traced connections' bytes go, or {@code null} to trace nothing
   */
  public GatewayServer(GatewayConfig config, GatewayListener listener, UpstreamTap tap) {
    this.config = requireNonNull(config, "config");
    this.listener = requireNonNull(listener, "listener");
    this.tap = tap;
  }

  /**
   * Loads the descriptors and routes, and starts listening. Returns once the port is bound.
   *
   * @throws dev.gatehouse.core.descriptor.DescriptorLoadException for an unreadable descriptor set
   * @throws dev.gatehouse.core.route.RouteLoadException for rules that cannot be routed
   * @throws IllegalStateException when the port cannot be bound, or the server was started before
   */
  public synchronized void start() {
    if (serverChannel != null || closed) {
      throw new IllegalStateException("start: the server was already started");
    }
    ServiceCatalog catalog = config.catalog() != null ? config.catalog() : ServiceCatalog.load(config.descriptorSet());
    RouteTable routes = RouteTable.of(RouteLoader.load(catalog, RouteOptions.DEFAULTS));
    eventLoops = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
    boolean traceAll = tap != null && config.trace().all();
    upstream = UpstreamChannel.open(config.upstream(), catalog, eventLoops, NioSocketChannel.class,
        config.connectTimeout(), traceAll ? tap : null);
    if (tap != null && !traceAll && config.trace().onRequest()) {
      // Connects only when a request asks to be traced.
      tracedUpstream = UpstreamChannel.open(config.upstream(), catalog, eventLoops, NioSocketChannel.class,
          config.connectTimeout(), tap);
    }
    UpstreamTracing tracing = new UpstreamTracing(tap, traceAll, config.trace().onRequest(), upstream, tracedUpstream);
    ProtoJson json = ProtoJson.create(catalog, config.json());
    // Streams frame one message per line or event, so their JSON is compact whatever the configuration says.
    ProtoJson streamJson = config.json().pretty() ? ProtoJson.create(catalog, config.json().withPretty(false)) : json;
    state = new ServerState(config, new ErrorAnswers(new ErrorBody(json), new ErrorBody(streamJson)), listener);
    RequestDispatcher dispatcher = new RequestDispatcher(state, routes, new Transcoder(json, streamJson, config),
        upstream, tracing);
    ConnectionInitializer initializer;
    try {
      initializer = new ConnectionInitializer(state, dispatcher, connections);
    } catch (RuntimeException e) {
      shutdownNow();
      throw e;
    }
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(eventLoops)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(initializer);
    try {
      serverChannel = bootstrap.bind(config.listen().host(), config.listen().port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      shutdownNow();
      throw new IllegalStateException("cannot listen on " + config.listen() + ": " + e.getMessage(), e);
    }
    listener.serverStarted(address());
  }

  /** The address the server listens on; with port 0 in the configuration, the port picked. */
  public synchronized InetSocketAddress address() {
    if (serverChannel == null) {
      throw new IllegalStateException("address: the server is not started");
    }
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public int port() {
    return address().getPort();
  }

  /**
   * Stops gracefully: no new connections; idle connections close at once; requests in flight are answered (with
   * {@code Connection: close}) if they finish within the grace period; then everything left is cut off. Blocks the
   * calling thread until done, so never call it from an event loop.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (serverChannel == null) {
      return;
    }
    long graceNanos = config.shutdownGrace().toNanos();
    serverChannel.close().syncUninterruptibly();
    state.startDraining();
    for (Channel connection : connections) {
      connection.eventLoop().execute(() -> {
        HttpConnectionHandler handler = connection.pipeline().get(HttpConnectionHandler.class);
        if (handler != null) {
          handler.drain();
        } else {
          ConnectionInitializer.drainHttp2(connection);
        }
      });
    }
    // Told once every connection has its drain queued, so what the listener does next sees a draining server.
    listener.shutdownStarted(config.shutdownGrace().toMillis());
    boolean drained = connections.newCloseFuture().awaitUninterruptibly(graceNanos, TimeUnit.NANOSECONDS);
    int cutOff = drained ? 0 : connections.size();
    upstream.shutdown();
    if (tracedUpstream != null) {
      tracedUpstream.shutdown();
    }
    shutdownNow();
    listener.serverStopped(cutOff);
  }

  private void shutdownNow() {
    connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    for (UpstreamChannel channel : new UpstreamChannel[] {upstream, tracedUpstream}) {
      if (channel != null) {
        channel.shutdownNow();
        try {
          channel.awaitTermination(java.time.Duration.ofSeconds(1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
