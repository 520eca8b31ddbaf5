package dev.gatehouse.gateway.trace;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ReflectiveChannelFactory;

/**
 * Creates the socket channels of a tapped grpc-java channel ({@code NettyChannelBuilder.channelFactory}): each new
 * channel gets a {@link TapHandler} first in its pipeline, before grpc-java adds its own handlers behind it. So the
 * handler sits at the socket end and sees the HTTP/2 bytes exactly as they cross the wire, with nothing of
 * grpc-java's internals involved: this is the builder's public API, and works whatever protocol negotiator the
 * channel uses (only plaintext is traced meaningfully: with TLS the bytes would be encrypted).
 */
public final class TappedChannelFactory implements ChannelFactory<Channel> {
  private final ChannelFactory<? extends Channel> channels;
  private final UpstreamTap tap;

  /** A factory of {@code channelType} channels whose bytes go to {@code tap}. */
  public TappedChannelFactory(Class<? extends Channel> channelType, UpstreamTap tap) {
    this.channels = new ReflectiveChannelFactory<>(requireNonNull(channelType, "channelType"));
    this.tap = requireNonNull(tap, "tap");
  }

  @Override
  public Channel newChannel() {
    Channel channel = channels.newChannel();
    channel.pipeline().addFirst("gatehouse-upstream-tap", new TapHandler(tap));
    return channel;
  }
}
