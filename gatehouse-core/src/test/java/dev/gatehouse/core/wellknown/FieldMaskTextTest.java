package dev.gatehouse.core.wellknown;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldMaskTextTest {

  @Test
  void camelCasePathsBecomeSnakeCase() {
    assertThat(FieldMaskText.parse("displayName,author.givenName").getPathsList())
        .containsExactly("display_name", "author.given_name");
  }

  @Test
  void emptyPartsAreDropped() {
    assertThat(FieldMaskText.parse("").getPathsList()).isEmpty();
    assertThat(FieldMaskText.parse(",a,,b,").getPathsList()).containsExactly("a", "b");
  }

  @Test
  void snakeCasePathsPrintAsCamelCase() {
    assertThat(FieldMaskText.format(List.of("display_name", "author.given_name", "", "a__b")))
        .isEqualTo("displayName,author.givenName,aB");
  }

  @Test
  void agreesWithFieldMaskUtilBothWays() {
    for (String json : List.of("fooBar", "a.bC.dEF", "FooBar", "x1Y2", "foo_bar", "a,b.cD,eFgH", "")) {
      assertThat(FieldMaskText.parse(json)).isEqualTo(FieldMaskUtil.fromJsonString(json));
    }
    for (List<String> paths : List.of(List.of("foo_bar", "a.b_c.d_e_f"), List.of("_x", "x_", "fooBar", "a__b"),
        List.of("", "a"))) {
      FieldMask mask = FieldMask.newBuilder().addAllPaths(paths).build();
      assertThat(FieldMaskText.format(mask)).isEqualTo(FieldMaskUtil.toJsonString(mask));
    }
  }
}
