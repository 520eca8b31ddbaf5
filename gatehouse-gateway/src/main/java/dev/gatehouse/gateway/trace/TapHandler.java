package dev.gatehouse.gateway.trace;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows every byte of one upstream connection to its {@link TapConnection}, then passes it on unchanged. Sits first
 * in the pipeline (next to the socket), so reads are shown before grpc-java's HTTP/2 codec consumes them and writes
 * after grpc-java has encoded them, in the order the codec wrote them. Reads are shown before they are passed on
 * because the codec answers some frames at once (a SETTINGS ACK, a PING ACK): the answer must come after the frame
 * it answers. Bytes are shown, never copied or retained; the codec releases them as before.
 *
 * <p>A failing tap is switched off for the connection; it never throws into grpc-java. One instance per channel,
 * used on its event loop only.
 */
final class TapHandler extends ChannelDuplexHandler {
  private static final long TICK_SECONDS = 1;

  private final UpstreamTap tap;
  private TapConnection connection;
  private ScheduledFuture<?> tick;
  private boolean closedByGateway;

  TapHandler(UpstreamTap tap) {
    this.tap = tap;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    try {
      connection = tap.open((InetSocketAddress) ctx.channel().localAddress(),
          (InetSocketAddress) ctx.channel().remoteAddress());
    } catch (RuntimeException e) {
      connection = null;
    }
    if (connection != null) {
      tick = ctx.executor().scheduleAtFixedRate(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (connection != null && msg instanceof ByteBuf chunk) {
      try {
        connection.onBytes(Sender.BACKEND, chunk);
      } catch (RuntimeException e) {
        switchOff();
      }
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (connection != null && msg instanceof ByteBuf chunk) {
      try {
        connection.onBytes(Sender.GATEWAY, chunk);
      } catch (RuntimeException e) {
        switchOff();
      }
    }
    super.write(ctx, msg, promise);
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
    if (connection != null && !closedByGateway && ctx.channel().isActive()) {
      closedByGateway = true;
      try {
        connection.onClose(Sender.GATEWAY);
      } catch (RuntimeException e) {
        switchOff();
      }
    }
    super.close(ctx, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (connection != null) {
      try {
        if (!closedByGateway) {
          connection.onClose(Sender.BACKEND);
        }
        connection.onEnd();
      } catch (RuntimeException e) {
        // Switched off below either way.
      }
      switchOff();
    }
    super.channelInactive(ctx);
  }

  private void tick() {
    if (connection != null) {
      try {
        connection.onTick();
      } catch (RuntimeException e) {
        switchOff();
      }
    }
  }

  private void switchOff() {
    connection = null;
    if (tick != null) {
      tick.cancel(false);
      tick = null;
    }
  }
}
