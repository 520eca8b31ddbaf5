package dev.gatehouse.lens.ui;

import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.h2.connection.DecoderOptions;
import dev.gatehouse.lens.observe.LensListener;
import dev.gatehouse.lens.output.JsonlOutput;
import dev.gatehouse.lens.render.PayloadRenderer;
import dev.gatehouse.lens.render.Redaction;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The lens's live web view ({@code gatehouse lens … --ui HOST:PORT}): an HTTP server for a self-contained page and
 * its Server-Sent Events stream ({@code /events}), fed as one more listener of the lens.
 *
 * <pre>{@code
 * try (LensUi ui = LensUi.start("127.0.0.1:9901", catalog);
 *      LensServer lens = LensServer.builder(config).listener(ui.listener()).start()) {
 *   System.err.println("open " + ui.uri());
 *   lens.awaitClosed();
 * }
 * }</pre>
 *
 * <p>Events are the very JSON objects of the JSON Lines output (the listener is a {@link JsonlOutput}), kept in a
 * bounded log: a page opened late replays the latest {@link #DEFAULT_MAX_EVENTS} of them and says how many older ones
 * were dropped. The page also opens a saved JSON Lines file, with or without this server. One event loop thread
 * serves the pages; the lens's own event loops only append to the log.
 */
public final class LensUi implements AutoCloseable {

  /** Events kept for pages by default. */
  public static final int DEFAULT_MAX_EVENTS = 50_000;

  /** Characters of JSON kept at most, whatever the number of events: large messages must not fill the heap. */
  static final long MAX_CHARS = 64L << 20;

  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final EventLog log;
  private final JsonlOutput listener;

  private LensUi(EventLoopGroup group, Channel serverChannel, EventLog log, JsonlOutput listener) {
    this.group = group;
    this.serverChannel = serverChannel;
    this.log = log;
    this.listener = listener;
  }

  /**
   * Serves the view on {@code hostAndPort} (e.g. {@code 127.0.0.1:9901}; port 0 picks a free one; IPv6 in brackets),
   * decoding messages as JSON with {@code catalog} ({@code null}: schema-less), keeping {@link #DEFAULT_MAX_EVENTS},
   * secrets hidden ({@link Redaction#DEFAULT}).
   *
   * @throws IllegalArgumentException when {@code hostAndPort} is not HOST:PORT
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static LensUi start(String hostAndPort, ServiceCatalog catalog) {
    return start(hostAndPort, catalog, Redaction.DEFAULT);
  }

  /**
   * Serves the view on {@code hostAndPort} as {@link #start(String, ServiceCatalog)} does, hiding the header values
   * {@code redaction} names ({@link Redaction#NONE}: none) from the pages.
   *
   * @throws IllegalArgumentException when {@code hostAndPort} is not HOST:PORT
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static LensUi start(String hostAndPort, ServiceCatalog catalog, Redaction redaction) {
    return start(address(hostAndPort), catalog, DEFAULT_MAX_EVENTS, redaction);
  }

  /**
   * Serves the view on {@code address}, keeping the last {@code maxEvents} events for pages, secrets hidden.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static LensUi start(InetSocketAddress address, ServiceCatalog catalog, int maxEvents) {
    return start(address, catalog, maxEvents, Redaction.DEFAULT);
  }

  /**
   * Serves the view on {@code address}, keeping the last {@code maxEvents} events for pages, hiding the header values
   * {@code redaction} names.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static LensUi start(InetSocketAddress address, ServiceCatalog catalog, int maxEvents,
      Redaction redaction) {
    Objects.requireNonNull(address, "address");
    EventLog log = new EventLog(maxEvents, MAX_CHARS);
    PageResources resources = PageResources.load();
    JsonlOutput listener =
        new JsonlOutput(log, PayloadRenderer.create(catalog, DecoderOptions.defaults().maxMessageBytes()), redaction);
    String instance = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel channel = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline()
                  .addLast(new HttpServerCodec())
                  .addLast(new HttpObjectAggregator(16 * 1024))
                  .addLast(new PageHandler(resources, log, instance));
            }
          })
          .bind(address)
          .syncUninterruptibly()
          .channel();
      return new LensUi(group, channel, log, listener);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw new UncheckedIOException(new IOException(
          "cannot serve the lens's view on " + address.getHostString() + ":" + address.getPort() + ": "
              + e.getMessage(), e));
    }
  }

  /** {@code HOST:PORT} as an address, e.g. {@code 127.0.0.1:9901} or {@code [::1]:9901}. */
  public static InetSocketAddress address(String hostAndPort) {
    Objects.requireNonNull(hostAndPort, "hostAndPort");
    int colon = hostAndPort.lastIndexOf(':');
    String host = colon < 0 ? "" : hostAndPort.substring(0, colon);
    String port = colon < 0 ? "" : hostAndPort.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535) {
      throw new IllegalArgumentException("ui: " + hostAndPort + " (expected: HOST:PORT, e.g. 127.0.0.1:9901)");
    }
    return new InetSocketAddress(host, Integer.parseInt(port));
  }

  /** The listener to add to the lens ({@code LensServer.Builder.listener}); it never blocks. */
  public LensListener listener() {
    return listener;
  }

  /** The address the page is served on (with the port picked when 0 was asked). */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** The page's address, e.g. {@code http://127.0.0.1:9901/}. */
  public URI uri() {
    InetSocketAddress address = localAddress();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host.replaceFirst("%.*$", "") + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort() + "/");
  }

  /** Events received so far, including those no longer kept. */
  public long eventsSeen() {
    return log.next() - 1;
  }

  /** Stops serving: open pages lose their stream (and keep what they show). */
  @Override
  public void close() {
    listener.close();
    serverChannel.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
