package dev.gatehouse.lens.support;

import dev.gatehouse.lens.LensConfig;
import dev.gatehouse.lens.observe.LensListener;
import dev.gatehouse.lens.proxy.LensServer;

/** Starts lenses on a free loopback port in tests. */
public final class LensFixture {

  private LensFixture() {}

  /** A lens in front of 127.0.0.1:{@code upstreamPort} writing no output, reporting to {@code listeners}. */
  public static LensServer start(int upstreamPort, LensListener... listeners) {
    LensServer.Builder builder = LensServer.builder(LensConfig.of("127.0.0.1:0", "127.0.0.1:" + upstreamPort))
        .catalog(Conversations.catalog())
        .noOutput()
        .eventLoops(2);
    for (LensListener listener : listeners) {
      builder.listener(listener);
    }
    return builder.start();
  }
}
