package dev.gatehouse.h2.connection;

import dev.gatehouse.h2.event.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2FrameWriter;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Flags;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an HTTP/2 conversation with Netty's frame writer (each direction with its own HPACK encoder), as a list
 * of segments: who sent which bytes at what time.
 */
final class Http2Traffic {

  /** Bytes one side sent at a time. */
  record Segment(Direction direction, byte[] bytes, long timeNanos) {}

  private final List<Segment> segments = new ArrayList<>();
  private final DefaultHttp2FrameWriter clientWriter = new DefaultHttp2FrameWriter();
  private final DefaultHttp2FrameWriter serverWriter = new DefaultHttp2FrameWriter();
  private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
  private final ChannelHandlerContext ctx = channel.pipeline().firstContext();
  private long now;

  /** Later segments carry this time. */
  Http2Traffic at(long timeNanos) {
    now = timeNanos;
    return this;
  }

  Http2Traffic raw(Direction direction, byte[] bytes) {
    segments.add(new Segment(direction, bytes, now));
    return this;
  }

  Http2Traffic clientPreface() {
    raw(Direction.CLIENT, FrameReader.CLIENT_MAGIC);
    return settings(Direction.CLIENT, new Http2Settings());
  }

  Http2Traffic settings(Direction direction, Http2Settings settings) {
    return write(direction, w -> w.writeSettings(ctx, settings, ctx.newPromise()));
  }

  Http2Traffic settingsAck(Direction direction) {
    return write(direction, w -> w.writeSettingsAck(ctx, ctx.newPromise()));
  }

  Http2Traffic headers(Direction direction, int streamId, Http2Headers headers, boolean endStream) {
    return write(direction, w -> w.writeHeaders(ctx, streamId, headers, 0, endStream, ctx.newPromise()));
  }

  Http2Traffic data(Direction direction, int streamId, byte[] data, int padding, boolean endStream) {
    return write(direction,
        w -> w.writeData(ctx, streamId, Unpooled.wrappedBuffer(data), padding, endStream, ctx.newPromise()));
  }

  Http2Traffic rst(Direction direction, int streamId, long errorCode) {
    return write(direction, w -> w.writeRstStream(ctx, streamId, errorCode, ctx.newPromise()));
  }

  Http2Traffic ping(Direction direction, boolean ack, long payload) {
    return write(direction, w -> w.writePing(ctx, ack, payload, ctx.newPromise()));
  }

  Http2Traffic goAway(Direction direction, int lastStreamId, long errorCode, String debug) {
    return write(direction, w -> w.writeGoAway(ctx, lastStreamId, errorCode,
        Unpooled.copiedBuffer(debug, StandardCharsets.UTF_8), ctx.newPromise()));
  }

  Http2Traffic windowUpdate(Direction direction, int streamId, int increment) {
    return write(direction, w -> w.writeWindowUpdate(ctx, streamId, increment, ctx.newPromise()));
  }

  Http2Traffic frame(Direction direction, byte type, int streamId, int flags, byte[] payload) {
    return write(direction, w -> w.writeFrame(ctx, type, streamId, new Http2Flags((short) flags),
        Unpooled.wrappedBuffer(payload), ctx.newPromise()));
  }

  List<Segment> segments() {
    return List.copyOf(segments);
  }

  /** All bytes of one direction, concatenated. */
  byte[] bytes(Direction direction) {
    int length = 0;
    for (Segment s : segments) {
      length += s.direction() == direction ? s.bytes().length : 0;
    }
    byte[] all = new byte[length];
    int pos = 0;
    for (Segment s : segments) {
      if (s.direction() == direction) {
        System.arraycopy(s.bytes(), 0, all, pos, s.bytes().length);
        pos += s.bytes().length;
      }
    }
    return all;
  }

  static Http2Headers grpcRequest(String path) {
    return new DefaultHttp2Headers().method("POST").scheme("http").path(path).authority("localhost:50051")
        .add("content-type", "application/grpc").add("te", "trailers").add("user-agent", "grpc-java-netty/1.85.1");
  }

  static Http2Headers grpcResponse() {
    return new DefaultHttp2Headers().status("200").add("content-type", "application/grpc")
        .add("grpc-encoding", "identity");
  }

  static Http2Headers trailers(int status, String message) {
    Http2Headers headers = new DefaultHttp2Headers().add("grpc-status", Integer.toString(status));
    if (message != null) {
      headers.add("grpc-message", message);
    }
    return headers;
  }

  /** A length-prefixed gRPC message (uncompressed). */
  static byte[] message(byte[] body) {
    byte[] framed = new byte[body.length + 5];
    framed[1] = (byte) (body.length >>> 24);
    framed[2] = (byte) (body.length >>> 16);
    framed[3] = (byte) (body.length >>> 8);
    framed[4] = (byte) body.length;
    System.arraycopy(body, 0, framed, 5, body.length);
    return framed;
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int pos = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, pos, part.length);
      pos += part.length;
    }
    return all;
  }

  private interface Write {
    void to(DefaultHttp2FrameWriter writer) throws Exception;
  }

  private Http2Traffic write(Direction direction, Write write) {
    try {
      write.to(direction == Direction.CLIENT ? clientWriter : serverWriter);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    ctx.flush();
    ByteBuf out = Unpooled.buffer();
    for (Object chunk; (chunk = channel.readOutbound()) != null; ) {
      ByteBuf buf = (ByteBuf) chunk;
      out.writeBytes(buf);
      buf.release();
    }
    byte[] bytes = new byte[out.readableBytes()];
    out.readBytes(bytes);
    return raw(direction, bytes);
  }
}
