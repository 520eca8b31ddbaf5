package dev.gatehouse.h2.connection;

import org.junit.jupiter.api.Test;

/** Whole conversations decoded to the event sequences pinned under {@code src/test/resources/golden}. */
class GoldenEventsTest {

  @Test
  void unaryCall() throws Exception {
    GoldenFiles.assertMatches("unary.txt", Recorder.decode(Scenarios.unary().segments(), 1000).lines());
  }

  @Test
  void serverStreaming() throws Exception {
    GoldenFiles.assertMatches("server-streaming.txt",
        Recorder.decode(Scenarios.serverStreaming(5, 12).segments(), 1000).lines());
  }

  @Test
  void deadlineCancelCrossedByTrailersOnly() throws Exception {
    GoldenFiles.assertMatches("deadline.txt", Recorder.decode(Scenarios.deadline().segments(), 1000).lines());
  }

  @Test
  void flowControlStall() throws Exception {
    GoldenFiles.assertMatches("stall.txt", Recorder.decode(Scenarios.stall().segments(), 3000).lines());
  }

  @Test
  void gracefulDrainThenGoAwayWithError() throws Exception {
    GoldenFiles.assertMatches("goaway.txt", Recorder.decode(Scenarios.goAway().segments(), 1000).lines());
  }

  @Test
  void pingAndSettingsRoundTrips() throws Exception {
    GoldenFiles.assertMatches("pings.txt", Recorder.decode(Scenarios.pings().segments(), 5000).lines());
  }
}
