package dev.gatehouse.testing.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every peer's client against every peer's server: the four call shapes and rich errors across all pairs, the
 * remaining scenarios for each language with itself. This proves the peers before the gateway and the lens use them.
 */
class ForeignPeerInteropTest {

  private static final Set<Scenario> ACROSS_LANGUAGES =
      EnumSet.of(Scenario.UNARY, Scenario.ERROR, Scenario.SERVER_STREAM, Scenario.BIDI);

  private static RunningServers servers;

  @BeforeAll
  static void startServers() {
    servers = RunningServers.startAll();
  }

  @AfterAll
  static void stopServers() {
    if (servers != null) {
      servers.close();
    }
  }

  static Stream<Arguments> everyPairAndCallShape() {
    return Stream.of(ForeignPeer.values()).flatMap(server -> Stream.of(ForeignPeer.values()).flatMap(client ->
        ACROSS_LANGUAGES.stream().map(scenario -> Arguments.of(server, client, scenario))));
  }

  static Stream<Arguments> eachPeerWithItselfAndTheOtherScenarios() {
    return Stream.of(ForeignPeer.values()).flatMap(peer ->
        EnumSet.complementOf(EnumSet.copyOf(ACROSS_LANGUAGES)).stream().map(scenario -> Arguments.of(peer, scenario)));
  }

  @ParameterizedTest(name = "{1} client -> {0} server: {2}")
  @MethodSource("everyPairAndCallShape")
  void clientOfEveryLanguagePassesAgainstServerOfEveryLanguage(
      ForeignPeer server, ForeignPeer client, Scenario scenario) {
    PeerServer running = servers.of(server);

    ClientRun run = client.runClient(running.target(), scenario);

    assertThat(run.passed()).as("%s\n  server output:\n%s", run.describe(), running.output().indent(4)).isTrue();
    assertThat(run.report().peer()).isEqualTo(client.wireName());
    assertThat(run.report().scenario()).isEqualTo(scenario.wireName());
    if (scenario == Scenario.BIDI) {
      // Chat replies name the server that wrote them: the call really crossed to that language.
      assertThat(run.report().server()).isEqualTo(server.wireName());
    }
    if (scenario == Scenario.ERROR) {
      assertThat(run.report().details()).containsExactly("google.rpc.ErrorInfo", "google.rpc.ResourceInfo");
    }
  }

  @ParameterizedTest(name = "{0} with itself: {1}")
  @MethodSource("eachPeerWithItselfAndTheOtherScenarios")
  void everyLanguagePassesTheRemainingScenariosWithItself(ForeignPeer peer, Scenario scenario) {
    PeerServer running = servers.of(peer);

    ClientRun run = peer.runClient(running.target(), scenario);

    assertThat(run.passed()).as("%s\n  server output:\n%s", run.describe(), running.output().indent(4)).isTrue();
    if (scenario == Scenario.METADATA) {
      assertThat(run.report().server()).isEqualTo(peer.wireName());
      assertThat(run.report().headers()).containsEntry("x-echo-id", "7");
      assertThat(run.report().trailers()).containsEntry("x-trailer-id", "7")
          .containsEntry("x-saw-authorization", "true");
    }
  }
}
