package dev.gatehouse.h2.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.h2.event.Direction;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** However TCP splits the bytes, the decoder reports the same events. */
class SplitInvarianceTest {

  @Test
  void everySplitOffsetOfEverySegmentGivesTheSameEvents() {
    for (Http2Traffic traffic : List.of(Scenarios.unary(), Scenarios.serverStreaming(6, 9), Scenarios.stall())) {
      List<Http2Traffic.Segment> segments = traffic.segments();
      List<String> expected = Recorder.decode(segments, 5000).lines();
      for (int i = 0; i < segments.size(); i++) {
        Http2Traffic.Segment segment = segments.get(i);
        for (int cut = 1; cut < segment.bytes().length; cut++) {
          List<Http2Traffic.Segment> split = new ArrayList<>(segments);
          byte[] bytes = segment.bytes();
          split.set(i, new Http2Traffic.Segment(segment.direction(), Arrays.copyOfRange(bytes, 0, cut),
              segment.timeNanos()));
          split.add(i + 1, new Http2Traffic.Segment(segment.direction(), Arrays.copyOfRange(bytes, cut,
              bytes.length), segment.timeNanos()));
          assertThat(Recorder.decode(split, 5000).lines()).as("segment %d cut at %d", i, cut).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void oneByteAtATimeGivesTheSameEvents() {
    List<Http2Traffic.Segment> segments = Scenarios.serverStreaming(20, 33).segments();
    List<String> expected = Recorder.decode(segments, 5000).lines();
    List<Http2Traffic.Segment> bytes = new ArrayList<>();
    for (Http2Traffic.Segment segment : segments) {
      for (byte b : segment.bytes()) {
        bytes.add(new Http2Traffic.Segment(segment.direction(), new byte[] {b}, segment.timeNanos()));
      }
    }
    assertThat(Recorder.decode(bytes, 5000).lines()).isEqualTo(expected);
  }

  @Test
  void randomChunksAcrossSegmentsGiveTheSameEventsApartFromTimes() {
    // Merging each direction's bytes and re-cutting them at random moves bytes between segments, so compare
    // the events without their times.
    Http2Traffic traffic = Scenarios.serverStreaming(50, 100);
    List<String> expected = withoutTimes(decodeByDirection(traffic, new Random(0), false));
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(withoutTimes(decodeByDirection(traffic, new Random(seed), true))).as("seed %d", seed)
          .isEqualTo(expected);
    }
  }

  @Test
  void directByteBufsDecodeLikeArrays() {
    List<Http2Traffic.Segment> segments = Scenarios.unary().segments();
    Recorder recorder = new Recorder();
    ConnectionDecoder decoder = new ConnectionDecoder(recorder);
    for (Http2Traffic.Segment segment : segments) {
      ByteBuf direct = Unpooled.directBuffer(segment.bytes().length).writeBytes(segment.bytes());
      decoder.onBytes(segment.direction(), direct, segment.timeNanos());
      assertThat(direct.readerIndex()).isZero();
      direct.release();
    }
    decoder.onEnd(5000);
    assertThat(recorder.lines()).isEqualTo(Recorder.decode(segments, 5000).lines());
  }

  /** Client bytes all first, then server bytes, each cut into random chunks (or whole). */
  private static List<String> decodeByDirection(Http2Traffic traffic, Random random, boolean chunked) {
    Recorder recorder = new Recorder();
    ConnectionDecoder decoder = new ConnectionDecoder(recorder);
    for (Direction direction : Direction.values()) {
      byte[] all = traffic.bytes(direction);
      int pos = 0;
      while (pos < all.length) {
        int n = chunked ? Math.min(all.length - pos, 1 + random.nextInt(700)) : all.length;
        decoder.onBytes(direction, all, pos, n, 0);
        pos += n;
      }
    }
    decoder.onEnd(0);
    return recorder.lines();
  }

  private static List<String> withoutTimes(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.replaceAll("(timeNanos|startNanos|durationNanos|rttNanos|deadlineNanos)=-?\\d+", "$1=_"));
    }
    return out;
  }
}
