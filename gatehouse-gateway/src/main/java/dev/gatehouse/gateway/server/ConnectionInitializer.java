package dev.gatehouse.gateway.server;

import dev.gatehouse.gateway.config.GatewayConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.AsciiString;
import javax.net.ssl.SSLException;

/**
 * Sets up each accepted connection for the protocol its client speaks, so that every request, whatever the
 * protocol, ends in an {@link HttpConnectionHandler} with the same routes and semantics:
 *
 * <ul>
 *   <li>cleartext: HTTP/1.1; HTTP/2 with prior knowledge (the connection preface is recognized); HTTP/2 via
 *       {@code Upgrade: h2c} (the upgraded request is answered on stream 1);
 *   <li>TLS: HTTP/2 or HTTP/1.1 as ALPN decides.
 * </ul>
 *
 * <p>Each HTTP/2 stream is a child channel whose {@link Http2StreamFrameToHttpObjectCodec} turns frames into the
 * HTTP/1 objects the handler reads, and back: a streamed response becomes HEADERS, DATA frames as it goes, and the
 * trailers as a last HEADERS frame. The child channel's writability follows the stream's flow-control window, and
 * not reading it withholds WINDOW_UPDATEs, so backpressure works per stream as it does per HTTP/1.1 connection.
 */
final class ConnectionInitializer extends ChannelInitializer<SocketChannel> {
  private final ServerState server;
  private final RequestDispatcher dispatcher;
  private final HttpDecoderConfig decoderConfig;
  private final SslContext tls;
  private final ChannelGroup connections;

  ConnectionInitializer(ServerState server, RequestDispatcher dispatcher, ChannelGroup connections) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.connections = connections;
    GatewayConfig config = server.config();
    this.decoderConfig = new HttpDecoderConfig()
        .setMaxInitialLineLength(config.maxHeaderBytes())
        .setMaxHeaderSize(config.maxHeaderBytes());
    this.tls = config.tls() ? sslContext(config) : null;
  }

  private static SslContext sslContext(GatewayConfig config) {
    try {
      return SslContextBuilder.forServer(config.tlsCertificate().toFile(), config.tlsPrivateKey().toFile())
          .sslProvider(SslProvider.JDK)
          .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
          .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
              ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
              ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
              ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
          .build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("tlsCertificate: " + config.tlsCertificate() + ", tlsPrivateKey: "
          + config.tlsPrivateKey() + " (expected: a PEM certificate chain and its PKCS#8 PEM private key): "
          + e.getMessage(), e);
    }
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    connections.add(channel);
    ChannelPipeline pipeline = channel.pipeline();
    if (tls != null) {
      pipeline.addLast("tls", tls.newHandler(channel.alloc()));
      pipeline.addLast("alpn", new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
          if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            addHttp2(ctx.pipeline());
          } else {
            ctx.pipeline().addLast("http", new HttpServerCodec(decoderConfig))
                .addLast("gateway", new HttpConnectionHandler(dispatcher, server));
          }
        }
      });
      return;
    }
    HttpServerCodec http1 = new HttpServerCodec(decoderConfig);
    HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(http1, protocol ->
        AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
            ? new Http2ServerUpgradeCodec(frameCodec(), multiplexer())
            : null,
        server.config().maxBodyBytes());
    ChannelInitializer<SocketChannel> priorKnowledge = new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        addHttp2(ch.pipeline());
      }
    };
    pipeline.addLast("h2c", new CleartextHttp2ServerUpgradeHandler(http1, upgrade, priorKnowledge))
        .addLast("gateway", new HttpConnectionHandler(dispatcher, server));
  }

  private void addHttp2(ChannelPipeline pipeline) {
    if (pipeline.get(HttpConnectionHandler.class) != null) {
      // The HTTP/1.1 handler has nothing to do on an HTTP/2 connection; its streams have their own.
      pipeline.remove(HttpConnectionHandler.class);
    }
    pipeline.addLast("h2", frameCodec()).addLast("h2-streams", multiplexer());
  }

  /**
   * Shutdown of a connection that is not HTTP/1.1: once its streams in flight have ended, it closes, which sends
   * GOAWAY. The GOAWAY waits for the streams on purpose: some clients (Java's before 24) fail every stream of a
   * connection on any GOAWAY. Meanwhile new streams are answered 503, like requests on a draining HTTP/1.1
   * connection.
   */
  static void drainHttp2(Channel connection) {
    Http2FrameCodec codec = connection.pipeline().get(Http2FrameCodec.class);
    if (codec == null || codec.connection().numActiveStreams() == 0) {
      connection.close();
      return;
    }
    Http2Connection http2 = codec.connection();
    http2.addListener(new Http2ConnectionAdapter() {
      @Override
      public void onStreamClosed(Http2Stream stream) {
        if (http2.numActiveStreams() == 0) {
          connection.close();
        }
      }
    });
  }

  private Http2FrameCodec frameCodec() {
    return Http2FrameCodecBuilder.forServer()
        .initialSettings(Http2Settings.defaultSettings().maxHeaderListSize(server.config().maxHeaderBytes()))
        // Closing the connection (a graceful shutdown) sends GOAWAY and lets streams in flight finish this long.
        .gracefulShutdownTimeoutMillis(server.config().shutdownGrace().toMillis())
        .build();
  }

  private Http2MultiplexHandler multiplexer() {
    return new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
      @Override
      protected void initChannel(Http2StreamChannel stream) {
        stream.pipeline().addLast("http", new Http2StreamFrameToHttpObjectCodec(true))
            .addLast("gateway", new HttpConnectionHandler(dispatcher, server));
      }
    });
  }
}
