package dev.gatehouse.h2.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.Event;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.event.MessageEvent;
import dev.gatehouse.h2.frame.UnknownFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated conversations, seeded so a failure can be replayed: no exception escapes, and what the
 * decoder keeps stays within its caps. Bounded by an iteration count and a time budget, whichever ends first.
 */
class DecoderFuzzTest {

  private static final long BUDGET_NANOS = 8_000_000_000L;
  private static final int ITERATIONS = 4000;
  private static final DecoderOptions OPTIONS =
      DecoderOptions.defaults().withMaxMessageBytes(2048).withMaxHeaderBlockBytes(4096).withMaxFrameBytes(32_768);

  private final List<Http2Traffic> seeds = List.of(Scenarios.unary(), Scenarios.serverStreaming(30, 40),
      Scenarios.deadline(), Scenarios.stall(), Scenarios.goAway(), Scenarios.pings());

  @Test
  void mutatedConversationsNeverThrowAndStayWithinCaps() {
    long deadline = System.nanoTime() + BUDGET_NANOS / 2;
    Random random = new Random(20_261_121L);
    for (int i = 0; i < ITERATIONS && System.nanoTime() < deadline; i++) {
      Http2Traffic seed = seeds.get(random.nextInt(seeds.size()));
      byte[] client = mutate(seed.bytes(Direction.CLIENT), random);
      byte[] server = mutate(seed.bytes(Direction.SERVER), random);
      feed(client, server, random, "mutation " + i);
    }
  }

  @Test
  void randomFramesAfterAValidPrefaceNeverThrow() {
    long deadline = System.nanoTime() + BUDGET_NANOS / 2;
    Random random = new Random(7L);
    for (int i = 0; i < ITERATIONS && System.nanoTime() < deadline; i++) {
      byte[] client = Http2Traffic.concat(FrameReader.CLIENT_MAGIC, randomFrames(random));
      byte[] server = randomFrames(random);
      feed(client, server, random, "random " + i);
    }
  }

  private static void feed(byte[] client, byte[] server, Random random, String what) {
    List<Event> events = new ArrayList<>();
    ConnectionDecoder decoder = new ConnectionDecoder(events::add, OPTIONS);
    int c = 0;
    int s = 0;
    long time = 0;
    try {
      while (c < client.length || s < server.length) {
        boolean fromClient = s >= server.length || (c < client.length && random.nextBoolean());
        byte[] bytes = fromClient ? client : server;
        int pos = fromClient ? c : s;
        int n = Math.min(bytes.length - pos, 1 + random.nextInt(random.nextBoolean() ? 16 : 2000));
        decoder.onBytes(fromClient ? Direction.CLIENT : Direction.SERVER, bytes, pos, n, time += random.nextInt(50));
        if (fromClient) {
          c += n;
        } else {
          s += n;
        }
      }
      if (random.nextBoolean()) {
        decoder.onClose(Direction.SERVER, time + 1);
        decoder.onClose(Direction.CLIENT, time + 2);
      } else {
        decoder.onEnd(time + 1);
      }
    } catch (RuntimeException e) {
      throw new AssertionError(what + " threw", e);
    }
    for (Event event : events) {
      if (event instanceof MessageEvent) {
        assertThat(((MessageEvent) event).data().length).as(what).isLessThanOrEqualTo(OPTIONS.maxMessageBytes());
      }
      if (event instanceof FrameEvent && ((FrameEvent) event).frame() instanceof UnknownFrame) {
        assertThat(((UnknownFrame) ((FrameEvent) event).frame()).payload().length).isLessThanOrEqualTo(4096);
      }
      assertThat(EventText.render(event)).isNotEmpty();
    }
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    int mutations = 1 + random.nextInt(8);
    for (int m = 0; m < mutations && bytes.length > 0; m++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(5)) {
        case 0:
          bytes[at] ^= (byte) (1 << random.nextInt(8));
          break;
        case 1:
          bytes[at] = (byte) random.nextInt(256);
          break;
        case 2: {
          int length = Math.min(bytes.length - at, 1 + random.nextInt(20));
          byte[] shorter = new byte[bytes.length - length];
          System.arraycopy(bytes, 0, shorter, 0, at);
          System.arraycopy(bytes, at + length, shorter, at, bytes.length - at - length);
          bytes = shorter;
          break;
        }
        case 3: {
          byte[] insert = new byte[1 + random.nextInt(20)];
          random.nextBytes(insert);
          bytes = Http2Traffic.concat(Arrays.copyOfRange(bytes, 0, at), insert,
              Arrays.copyOfRange(bytes, at, bytes.length));
          break;
        }
        default: {
          int length = Math.min(bytes.length - at, 1 + random.nextInt(60));
          bytes = Http2Traffic.concat(Arrays.copyOfRange(bytes, 0, at + length),
              Arrays.copyOfRange(bytes, at, bytes.length));
          break;
        }
      }
    }
    return bytes;
  }

  /** Frames with valid headers and random type, flags, stream and payload. */
  private static byte[] randomFrames(Random random) {
    byte[] all = new byte[0];
    int frames = 1 + random.nextInt(40);
    for (int i = 0; i < frames; i++) {
      int length = random.nextInt(10) == 0 ? random.nextInt(40_000) : random.nextInt(64);
      byte[] frame = new byte[9 + length];
      frame[0] = (byte) (length >>> 16);
      frame[1] = (byte) (length >>> 8);
      frame[2] = (byte) length;
      frame[3] = (byte) random.nextInt(random.nextBoolean() ? 10 : 256);
      frame[4] = (byte) random.nextInt(256);
      int stream = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(9);
      frame[8] = (byte) stream;
      for (int b = 9; b < frame.length; b++) {
        frame[b] = (byte) (random.nextInt(3) == 0 ? 0 : random.nextInt(256));
      }
      all = Http2Traffic.concat(all, frame);
    }
    return all;
  }
}
