package dev.gatehouse.lens.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the outputs print in place of a secret, and which names are secret. */
class RedactionTest {

  @Test
  void anAuthorizationValueKeepsOnlyItsSizeAndScheme() {
    assertThat(Redaction.DEFAULT.value("authorization", "Bearer secret-token"))
        .isEqualTo("<redacted: 19 bytes, Bearer …>");
    assertThat(Redaction.DEFAULT.value("proxy-authorization", "Basic dXNlcjpwYXNz"))
        .isEqualTo("<redacted: 18 bytes, Basic …>");
  }

  @Test
  void aValueWithoutASchemeKeepsOnlyItsSize() {
    assertThat(Redaction.DEFAULT.value("authorization", "secret-token")).isEqualTo("<redacted: 12 bytes>");
    assertThat(Redaction.DEFAULT.value("x-api-key", "k3y")).isEqualTo("<redacted: 3 bytes>");
  }

  @Test
  void cookiesNeverShowAWordOfTheirValueEvenWhenItLooksLikeAScheme() {
    assertThat(Redaction.DEFAULT.value("cookie", "session secret")).isEqualTo("<redacted: 14 bytes>");
    assertThat(Redaction.DEFAULT.value("set-cookie", "session=secret; HttpOnly")).isEqualTo("<redacted: 24 bytes>");
  }

  @Test
  void theDefaultHidesCredentialsAndCookiesAndLeavesOtherHeadersAlone() {
    for (String name : Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
        "x-auth-token")) {
      assertThat(Redaction.DEFAULT.hides(name)).as(name).isTrue();
    }
    assertThat(Redaction.DEFAULT.value("user-agent", "grpc-java")).isEqualTo("grpc-java");
    assertThat(Redaction.DEFAULT.value("gatehouse-trace-id", "fe6db120fbb48552")).isEqualTo("fe6db120fbb48552");
  }

  @Test
  void aPrefixedCopyOfASecretHeaderIsHiddenToo() {
    assertThat(Redaction.DEFAULT.value("grpcgateway-authorization", "Bearer secret-token"))
        .isEqualTo("<redacted: 19 bytes, Bearer …>");
    assertThat(Redaction.DEFAULT.value("grpcgateway-cookie", "session=secret")).isEqualTo("<redacted: 14 bytes>");
    assertThat(Redaction.NONE.withPrefix("GW-").hides("gw-authorization")).isFalse();
    assertThat(Redaction.DEFAULT.withPrefix("gw-").hides("gw-x-api-key")).isTrue();
  }

  @Test
  void aNameThatOnlyMentionsASecretIsShown() {
    assertThat(Redaction.DEFAULT.value("x-saw-authorization", "false")).isEqualTo("false");
    assertThat(Redaction.DEFAULT.hides("cookies")).isFalse();
  }

  @Test
  void showingSecretsPrintsEveryValueAsSent() {
    assertThat(Redaction.NONE.value("authorization", "Bearer secret-token")).isEqualTo("Bearer secret-token");
  }

  @Test
  void moreNamesAddToTheDefaultWhateverTheirCase() {
    Redaction redaction = Redaction.defaultsAnd(Set.of("X-Session-Bin"));

    assertThat(redaction.value("x-session-bin", "AAEC")).isEqualTo("<redacted: 4 bytes>");
    assertThat(redaction.hides("authorization")).isTrue();
  }

  @Test
  void rejectsANameThatCouldNeverMatchAnHttp2Field() {
    assertThatThrownBy(() -> new Redaction(Set.of("Authorization")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("redacted name: \"Authorization\" (expected: a lower-case header name)");
  }
}
