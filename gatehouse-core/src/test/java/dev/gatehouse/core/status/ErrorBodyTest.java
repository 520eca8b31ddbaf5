package dev.gatehouse.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.JsonOptions;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.testing.v1.Book;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {
  private static final ErrorBody BODY = new ErrorBody(ProtoJson.create(catalog(), JsonOptions.DEFAULT));

  private static ServiceCatalog catalog() {
    try (InputStream in = ErrorBodyTest.class.getResourceAsStream("/gatehouse/testing/v1/testing.desc")) {
      return ServiceCatalog.parse("testing.desc", in.readAllBytes());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void aStatusWithoutDetailsStillHasAnEmptyDetailsArray() {
    assertThat(text(BODY.render(5, "not found", List.of()))).isEqualTo("{\"code\":5,\"message\":\"not found\",\"details\":[]}");
    assertThat(text(BODY.render(com.google.rpc.Status.getDefaultInstance())))
        .isEqualTo("{\"code\":0,\"message\":\"\",\"details\":[]}");
  }

  @Test
  void errorDetailsPrintWithTheirTypeFirstAsGrpcGatewayShowsThem() {
    Any debug = Any.pack(DebugInfo.newBuilder().addStackEntries("foo:1").setDetail("error debug details").build());
    assertThat(text(BODY.render(2, "with details", List.of(debug)))).isEqualTo("{\"code\":2,\"message\":\"with details\","
        + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.DebugInfo\",\"stackEntries\":[\"foo:1\"],"
        + "\"detail\":\"error debug details\"}]}");
  }

  @Test
  void detailsOfAnyTypeInTheCatalogPrint() {
    Any book = Any.pack(Book.newBuilder().setTitle("T").build());
    Any retry = Any.pack(RetryInfo.newBuilder().setRetryDelay(Duration.newBuilder().setSeconds(2)).build());
    String body = text(BODY.render(9, "m", List.of(book, retry)));
    assertThat(body).contains("{\"@type\":\"type.googleapis.com/gatehouse.testing.v1.Book\",\"name\":\"\",\"title\":\"T\"")
        .contains("{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"2s\"}");
  }

  @Test
  void anUnresolvableDetailIsRenderedRawWithoutFailingTheBody() {
    Any unknown = Any.newBuilder().setTypeUrl("type.googleapis.com/acme.Secret")
        .setValue(ByteString.copyFrom(new byte[] {8, 1})).build();
    Any malformed = Any.newBuilder().setTypeUrl("type.googleapis.com/google.rpc.ErrorInfo")
        .setValue(ByteString.copyFrom(new byte[] {0x0A, 0x09})).build();
    Any fine = Any.pack(ErrorInfo.newBuilder().setReason("R").build());
    assertThat(text(BODY.render(3, "bad", List.of(unknown, malformed, fine)))).isEqualTo("{\"code\":3,\"message\":\"bad\","
        + "\"details\":[{\"@type\":\"type.googleapis.com/acme.Secret\",\"value\":\"CAE=\"},"
        + "{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"value\":\"Cgk=\"},"
        + "{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"R\",\"domain\":\"\",\"metadata\":{}}]}");
  }

  @Test
  void theStatusDetailsTrailerWinsWhenItParses() {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(3).setMessage("from trailer")
        .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
            .setField("book.title").setDescription("empty")).build()))
        .build();
    assertThat(text(BODY.render(3, "from header", status.toByteArray())))
        .startsWith("{\"code\":3,\"message\":\"from trailer\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\","
            + "\"fieldViolations\":[{\"field\":\"book.title\",\"description\":\"empty\"");
    assertThat(text(BODY.render(14, "unavailable", new byte[] {(byte) 0xFF})))
        .isEqualTo("{\"code\":14,\"message\":\"unavailable\",\"details\":[]}");
  }

  @Test
  void aStatusExceptionRendersItsCodeMessageAndEscapesLikeJsonFormat() {
    StatusException error = StatusException.invalidArgument("invalid value at \"a<b>\": \"\u2028\"");
    assertThat(text(BODY.render(error)))
        .isEqualTo("{\"code\":3,\"message\":\"invalid value at \\\"a\\u003cb\\u003e\\\": \\\"\\u2028\\\"\",\"details\":[]}");
  }
}
