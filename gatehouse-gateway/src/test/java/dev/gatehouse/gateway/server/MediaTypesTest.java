package dev.gatehouse.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

  @Test
  void jsonAndPlusJsonContentTypesAreJsonWhateverTheirParameters() {
    assertThat(MediaTypes.isJson("application/json")).isTrue();
    assertThat(MediaTypes.isJson("Application/JSON; charset=utf-8")).isTrue();
    assertThat(MediaTypes.isJson("application/merge-patch+json")).isTrue();
    assertThat(MediaTypes.isJson("text/plain")).isFalse();
    assertThat(MediaTypes.isJson("application/x-www-form-urlencoded")).isFalse();
  }

  @Test
  void negotiationPrefersApplicationJsonThenANamedPlusJsonType() {
    assertThat(MediaTypes.negotiateJson(null)).isEqualTo("application/json");
    assertThat(MediaTypes.negotiateJson("*/*")).isEqualTo("application/json");
    assertThat(MediaTypes.negotiateJson("text/html, application/*;q=0.5")).isEqualTo("application/json");
    assertThat(MediaTypes.negotiateJson("application/vnd.api+json")).isEqualTo("application/vnd.api+json");
    assertThat(MediaTypes.negotiateJson("text/html")).isNull();
    assertThat(MediaTypes.negotiateJson("application/json;q=0")).isNull();
  }

  @Test
  void acceptMatchesExactTypesAndWildcards() {
    assertThat(MediaTypes.accepts("image/*", "image/png")).isTrue();
    assertThat(MediaTypes.accepts("image/png", "image/png; x=y")).isTrue();
    assertThat(MediaTypes.accepts("text/plain", "image/png")).isFalse();
    assertThat(MediaTypes.accepts("", "image/png")).isTrue();
  }
}
