package dev.gatehouse.core.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.binding.QueryString.Parameter;
import dev.gatehouse.core.status.StatusException;
import org.junit.jupiter.api.Test;

class QueryStringTest {
  @Test
  void splitsOnAmpersandsKeepingOrderAndRepeats() {
    assertThat(QueryString.parse("a=1&b=2&a=3")).containsExactly(
        new Parameter("a", "1"), new Parameter("b", "2"), new Parameter("a", "3"));
  }

  @Test
  void emptyPiecesAreSkippedAndAKeyWithoutEqualsHasAnEmptyValue() {
    assertThat(QueryString.parse("&a&&b=&=c&")).containsExactly(
        new Parameter("a", ""), new Parameter("b", ""), new Parameter("", "c"));
    assertThat(QueryString.parse("")).isEmpty();
    assertThat(QueryString.parse(null)).isEmpty();
  }

  @Test
  void onlyTheFirstEqualsSignSplits() {
    assertThat(QueryString.parse("f=a=b")).containsExactly(new Parameter("f", "a=b"));
  }

  @Test
  void decodesEscapesAsUtf8AndPlusAsSpace() {
    assertThat(QueryString.parse("k%5B1%5D=%E2%82%AC+%2B%26")).containsExactly(new Parameter("k[1]", "€ +&"));
  }

  @Test
  void semicolonsAreOrdinaryCharacters() {
    assertThat(QueryString.parse("a=1;b=2")).containsExactly(new Parameter("a", "1;b=2"));
  }

  @Test
  void rawNonAsciiCharactersPassThrough() {
    assertThat(QueryString.parse("name=\u00e9t\u00e9+%F0%9F%93%9A\uD83D\uDCDA"))
        .containsExactly(new Parameter("name", "\u00e9t\u00e9 \uD83D\uDCDA\uD83D\uDCDA"));
  }

  @Test
  void malformedEscapesAndInvalidUtf8AreRefused() {
    assertThatThrownBy(() -> QueryString.parse("a=%G1")).isInstanceOf(StatusException.class)
        .hasMessage("invalid query string: malformed percent-encoding in \"%G1\" (expected: % followed by two hex"
            + " digits)");
    assertThatThrownBy(() -> QueryString.parse("a=1%")).hasMessageContaining("malformed percent-encoding in \"1%\"");
    assertThatThrownBy(() -> QueryString.parse("a=%C3%28")).hasMessage(
        "invalid query string: \"%C3%28\" does not decode to UTF-8 (expected: percent-encoded UTF-8)");
  }
}
