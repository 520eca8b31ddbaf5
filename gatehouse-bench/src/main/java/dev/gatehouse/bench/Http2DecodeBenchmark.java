package dev.gatehouse.bench;

import dev.gatehouse.h2.connection.ConnectionDecoder;
import dev.gatehouse.h2.event.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2FrameWriter;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode throughput of {@link ConnectionDecoder} on one core, over gRPC traffic written by Netty's HTTP/2 frame
 * writer (HPACK with Huffman and a dynamic table, as grpc-java sends it): {@code unary} is 1000 unary calls on one
 * connection (request 100 B, response 250 B, headers, trailers), {@code unary-deadlines} the same with a different
 * {@code grpc-timeout} on every call (as a client sends its remaining deadline), so no request header block repeats
 * and each one inserts into the dynamic table, {@code streaming} one server stream of 1000 × 250 B messages, one DATA
 * frame each. Both directions are fed in 16 KiB chunks, as TCP reads would deliver them, with
 * every event built and handed to a listener. The {@code bytes} counter is the decoded bytes per second: divide by
 * 10^6 for MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Http2DecodeBenchmark {

  private static final int CHUNK = 16 * 1024;

  @Param({"unary", "unary-deadlines", "streaming"})
  public String traffic;

  private List<Chunk> chunks;
  private long totalBytes;

  /** The decoded bytes, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  /** One onBytes call's worth of bytes. */
  private record Chunk(Direction direction, byte[] bytes) {}

  @Setup
  public void record() throws Exception {
    Writer writer = new Writer();
    writer.handshake();
    if (traffic.startsWith("unary")) {
      boolean deadlines = traffic.equals("unary-deadlines");
      for (int i = 0; i < 1000; i++) {
        int stream = 1 + 2 * i;
        writer.headers(Direction.CLIENT, stream, request(deadlines ? 4_999_873 - 37 * i : 4_999_873), false);
        writer.data(Direction.CLIENT, stream, message(100), true);
        writer.headers(Direction.SERVER, stream, response(), false);
        writer.data(Direction.SERVER, stream, message(250), false);
        writer.headers(Direction.SERVER, stream, new DefaultHttp2Headers().add("grpc-status", "0"), true);
      }
    } else {
      writer.headers(Direction.CLIENT, 1, request(4_999_873), false);
      writer.data(Direction.CLIENT, 1, message(10), true);
      writer.headers(Direction.SERVER, 1, response(), false);
      for (int i = 0; i < 1000; i++) {
        writer.data(Direction.SERVER, 1, message(250), false);
        if (i % 200 == 199) {
          writer.windowUpdate(Direction.CLIENT, 0, 60_000);
          writer.windowUpdate(Direction.CLIENT, 1, 60_000);
        }
      }
      writer.headers(Direction.SERVER, 1, new DefaultHttp2Headers().add("grpc-status", "0"), true);
    }
    chunks = writer.chunks();
    totalBytes = chunks.stream().mapToLong(c -> c.bytes().length).sum();
  }

  @Benchmark
  public long decode(Bytes counter, Blackhole blackhole) {
    ConnectionDecoder decoder = new ConnectionDecoder(blackhole::consume);
    long time = 0;
    for (Chunk chunk : chunks) {
      decoder.onBytes(chunk.direction(), chunk.bytes(), time += 1000);
    }
    decoder.onEnd(time);
    counter.bytes += totalBytes;
    return decoder.frameCount();
  }

  private static Http2Headers request(int timeoutMicros) {
    return new DefaultHttp2Headers().method("POST").scheme("http").path("/gatehouse.testing.v1.Library/GetBook")
        .authority("127.0.0.1:50051").add("content-type", "application/grpc").add("te", "trailers")
        .add("user-agent", "grpc-java-netty/1.85.1").add("grpc-accept-encoding", "gzip")
        .add("grpc-timeout", timeoutMicros + "u");
  }

  private static Http2Headers response() {
    return new DefaultHttp2Headers().status("200").add("content-type", "application/grpc")
        .add("grpc-encoding", "identity").add("grpc-accept-encoding", "gzip");
  }

  private static byte[] message(int size) {
    byte[] framed = new byte[size + 5];
    framed[3] = (byte) (size >>> 8);
    framed[4] = (byte) size;
    for (int i = 5; i < framed.length; i++) {
      framed[i] = (byte) i;
    }
    return framed;
  }

  /** Writes frames of both directions and cuts each direction's runs into chunks. */
  private static final class Writer {
    private final DefaultHttp2FrameWriter client = new DefaultHttp2FrameWriter();
    private final DefaultHttp2FrameWriter server = new DefaultHttp2FrameWriter();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    private final ChannelHandlerContext ctx = channel.pipeline().firstContext();
    private final List<Chunk> chunks = new ArrayList<>();
    private final ByteArrayOutputStream run = new ByteArrayOutputStream();
    private Direction runDirection = Direction.CLIENT;

    void handshake() {
      emit(Direction.CLIENT, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      client.writeSettings(ctx, new Http2Settings().initialWindowSize(1 << 20), ctx.newPromise());
      flush(Direction.CLIENT);
      server.writeSettings(ctx, new Http2Settings().maxConcurrentStreams(100), ctx.newPromise());
      flush(Direction.SERVER);
      client.writeSettingsAck(ctx, ctx.newPromise());
      flush(Direction.CLIENT);
      server.writeSettingsAck(ctx, ctx.newPromise());
      flush(Direction.SERVER);
    }

    void headers(Direction direction, int stream, Http2Headers headers, boolean endStream) {
      writer(direction).writeHeaders(ctx, stream, headers, 0, endStream, ctx.newPromise());
      flush(direction);
    }

    void data(Direction direction, int stream, byte[] data, boolean endStream) {
      writer(direction).writeData(ctx, stream, Unpooled.wrappedBuffer(data), 0, endStream, ctx.newPromise());
      flush(direction);
    }

    void windowUpdate(Direction direction, int stream, int increment) {
      writer(direction).writeWindowUpdate(ctx, stream, increment, ctx.newPromise());
      flush(direction);
    }

    List<Chunk> chunks() {
      cut();
      return chunks;
    }

    private DefaultHttp2FrameWriter writer(Direction direction) {
      return direction == Direction.CLIENT ? client : server;
    }

    private void flush(Direction direction) {
      ctx.flush();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Object o; (o = channel.readOutbound()) != null; ) {
        ByteBuf buf = (ByteBuf) o;
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        buf.release();
        out.writeBytes(bytes);
      }
      emit(direction, out.toByteArray());
    }

    private void emit(Direction direction, byte[] bytes) {
      if (direction != runDirection) {
        cut();
        runDirection = direction;
      }
      run.writeBytes(bytes);
    }

    private void cut() {
      byte[] all = run.toByteArray();
      for (int pos = 0; pos < all.length; pos += CHUNK) {
        byte[] chunk = new byte[Math.min(CHUNK, all.length - pos)];
        System.arraycopy(all, pos, chunk, 0, chunk.length);
        chunks.add(new Chunk(runDirection, chunk));
      }
      run.reset();
    }
  }
}
