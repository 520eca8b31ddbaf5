package dev.gatehouse.lens.proxy;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.h2.connection.DecoderOptions;
import dev.gatehouse.lens.LensConfig;
import dev.gatehouse.lens.detect.DetectorOptions;
import dev.gatehouse.lens.detect.Finding;
import dev.gatehouse.lens.detect.FindingCode;
import dev.gatehouse.lens.detect.Severity;
import dev.gatehouse.lens.observe.ConnectionObserver;
import dev.gatehouse.lens.observe.ConnectionObservers;
import dev.gatehouse.lens.observe.LensClock;
import dev.gatehouse.lens.observe.LensConnection;
import dev.gatehouse.lens.observe.LensListener;
import dev.gatehouse.lens.output.LineOutput;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A running lens: a transparent TCP proxy for h2c that forwards every byte unchanged between each client and its own
 * upstream connection, and shows a copy to the decoder, the detectors and the outputs.
 *
 * <pre>{@code
 * try (LensServer lens = LensServer.builder(LensConfig.of("127.0.0.1:0", "127.0.0.1:50051")).start()) {
 *   // point the gRPC client at 127.0.0.1:lens.port()
 * }
 * }</pre>
 *
 * <p>Threads: one acceptor thread and a pool of event loops (one per core by default); each connection and its
 * upstream live on one event loop, where the decoder, detectors and output formatting run too. Output is written by
 * one writer thread. {@link #close()} stops accepting, closes the connections and flushes the output.
 */
public final class LensServer implements AutoCloseable {

  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;
  private final Channel serverChannel;
  private final LineOutput output; // null: no output
  private volatile boolean closed;

  private LensServer(EventLoopGroup acceptor, EventLoopGroup workers, Channel serverChannel, LineOutput output) {
    this.acceptor = acceptor;
    this.workers = workers;
    this.serverChannel = serverChannel;
    this.output = output;
  }

  /** A builder for a lens with {@code config}'s addresses, descriptors and output. */
  public static Builder builder(LensConfig config) {
    return new Builder(config);
  }

  /** The address clients connect to (with the port picked when the configuration said 0). */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** The port clients connect to. */
  public int port() {
    return localAddress().getPort();
  }

  /** Stops accepting, closes every connection, waits for the event loops, then flushes and closes the output. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    serverChannel.close().awaitUninterruptibly();
    acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    closeOutput(output);
  }

  private static void closeOutput(LineOutput output) {
    if (output == null) {
      return;
    }
    try {
      output.close();
    } catch (RuntimeException e) {
      // The output's destination failed; there is nowhere left to report it.
    }
  }

  /** Blocks until {@link #close()} has been called and the server channel is closed. */
  public void awaitClosed() throws InterruptedException {
    serverChannel.closeFuture().sync();
  }

  /**
   * How to start a lens: the {@link LensConfig} plus what a program (rather than the command line) may set: an
   * already loaded catalog, an output stream, a clock, more listeners, thresholds, which secrets the output hides.
   */
  public static final class Builder {

    private final LensConfig config;
    private ServiceCatalog catalog;
    private OutputStream output;
    private boolean writeOutput = true;
    private Redaction redaction = Redaction.DEFAULT;
    private LensClock clock = LensClock.system();
    private final List<LensListener> listeners = new ArrayList<>();
    private DetectorOptions detectorOptions = DetectorOptions.defaults();
    private DecoderOptions decoderOptions = DecoderOptions.defaults();
    private int eventLoops = Math.max(1, Runtime.getRuntime().availableProcessors());

    Builder(LensConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** Decode messages with this catalog instead of loading the configuration's descriptor set. */
    public Builder catalog(ServiceCatalog value) {
      this.catalog = Objects.requireNonNull(value, "catalog");
      return this;
    }

    /** Write the output here (left open on close) instead of the configuration's file or standard output. */
    public Builder output(OutputStream value) {
      this.output = Objects.requireNonNull(value, "output");
      this.writeOutput = true;
      return this;
    }

    /** Write no output at all (the listeners still get everything), e.g. for tests and benchmarks. */
    public Builder noOutput() {
      this.writeOutput = false;
      return this;
    }

    /**
     * Hide these header values in the output ({@link Redaction#DEFAULT} unless set; {@link Redaction#NONE} for
     * {@code --show-secrets}). Listeners added with {@link #listener} hide their own.
     */
    public Builder redaction(Redaction value) {
      this.redaction = Objects.requireNonNull(value, "redaction");
      return this;
    }

    /** Take time from {@code value} instead of the system clock. */
    public Builder clock(LensClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Also report to {@code value}, after the output. */
    public Builder listener(LensListener value) {
      listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    public Builder detectorOptions(DetectorOptions value) {
      this.detectorOptions = Objects.requireNonNull(value, "detectorOptions");
      return this;
    }

    public Builder decoderOptions(DecoderOptions value) {
      this.decoderOptions = Objects.requireNonNull(value, "decoderOptions");
      return this;
    }

    /** The number of event loops (threads) serving connections; default one per core. */
    public Builder eventLoops(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("eventLoops: " + value + " (expected: >= 1)");
      }
      this.eventLoops = value;
      return this;
    }

    /**
     * Binds the listen address and starts serving.
     *
     * @throws UncheckedIOException when the address cannot be bound or the output file cannot be opened
     * @throws dev.gatehouse.core.descriptor.DescriptorLoadException when the descriptor set cannot be loaded
     */
    public LensServer start() {
      ServiceCatalog types = catalog;
      if (types == null && config.descriptorSet() != null) {
        types = ServiceCatalog.load(config.descriptorSet());
      }
      List<LensListener> all = new ArrayList<>();
      LineOutput out = null;
      if (writeOutput) {
        out = LineOutput.open(config.format(), outputStream(), output == null && config.output() != null,
            PayloadRenderer.create(types, decoderOptions.maxMessageBytes()), redaction);
        all.add(out);
      }
      all.addAll(listeners);
      Acceptor accept = new Acceptor(new ConnectionObservers(all, clock, decoderOptions, detectorOptions),
          InetSocketAddress.createUnresolved(config.upstreamHost(), config.upstreamPort()));
      EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
      EventLoopGroup workers = new MultiThreadIoEventLoopGroup(eventLoops, NioIoHandler.newFactory());
      try {
        Channel channel = new ServerBootstrap()
            .group(acceptor, workers)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new RelayHandler(accept::accept));
              }
            })
            .bind(config.listenHost(), config.listenPort())
            .syncUninterruptibly()
            .channel();
        return new LensServer(acceptor, workers, channel, out);
      } catch (RuntimeException e) {
        acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        closeOutput(out);
        throw new UncheckedIOException(new IOException(
            "cannot listen on " + config.listenHost() + ":" + config.listenPort() + ": " + e.getMessage(), e));
      }
    }

    private OutputStream outputStream() {
      if (output != null) {
        return output;
      }
      if (config.output() == null) {
        return System.out;
      }
      try {
        return Files.newOutputStream(config.output());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the output to " + config.output(), e);
      }
    }
  }

  /** Accepts one client: creates its observer and connects its upstream on the same event loop. */
  private static final class Acceptor {
    private final ConnectionObservers observers;
    private final InetSocketAddress upstream;

    Acceptor(ConnectionObservers observers, InetSocketAddress upstream) {
      this.observers = observers;
      this.upstream = upstream;
    }

    ProxiedConnection accept(Channel client) {
      ConnectionObserver observer = observers.open(text(client.remoteAddress()),
          upstream.getHostString() + ":" + upstream.getPort());
      LensConnection id = observer.connection();
      LensClock clock = observers.clock();
      ProxiedConnection connection = new ProxiedConnection(observer, clock, client);
      new Bootstrap()
          .group(client.eventLoop())
          .channel(NioSocketChannel.class)
          .option(ChannelOption.AUTO_READ, false)
          .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new RelayHandler(connection))
          .connect(upstream.getHostString(), upstream.getPort())
          .addListener((ChannelFutureListener) connected -> {
            if (connected.isSuccess()) {
              connection.upstreamConnected(connected.channel());
              return;
            }
            observer.report(new Finding(clock.nanoTime(), Severity.ERROR, FindingCode.UPSTREAM_UNREACHABLE, 0,
                "the lens could not connect to the upstream " + id.upstream() + ": " + connected.cause().getMessage()
                    + "; the client's connection is closed",
                "check that the gRPC server listens on " + id.upstream() + " (--upstream)", List.of()));
            connection.upstreamFailed();
          });
      return connection;
    }

    private static String text(SocketAddress address) {
      if (address instanceof InetSocketAddress inet) {
        return inet.getHostString() + ":" + inet.getPort();
      }
      return String.valueOf(address);
    }
  }
}
