package dev.gatehouse.lens.proxy;

import dev.gatehouse.h2.event.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The handler of one side's channel: hands reads, half-closes and closes to the {@link ProxiedConnection}. On the
 * client side the connection is created when the client connects.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {

  private final Direction side;
  private final ConnectionFactory factory;
  private ProxiedConnection connection;

  /** Creates connections as clients connect (the client side). */
  interface ConnectionFactory {
    ProxiedConnection accept(io.netty.channel.Channel client);
  }

  /** The client side: creates the connection when the client connects. */
  RelayHandler(ConnectionFactory factory) {
    this.side = Direction.CLIENT;
    this.factory = factory;
  }

  /** The upstream side of an existing connection. */
  RelayHandler(ProxiedConnection connection) {
    this.side = Direction.SERVER;
    this.factory = null;
    this.connection = connection;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (factory != null) {
      connection = factory.accept(ctx.channel());
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (connection == null || !(msg instanceof ByteBuf)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    connection.onRead(side, (ByteBuf) msg);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof ChannelInputShutdownEvent && connection != null) {
      connection.onInputShutdown(side);
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (connection != null) {
      connection.onInactive(side);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset or a failed write: this side is done; channelInactive closes the other side.
    ctx.close();
  }
}
