package dev.gatehouse.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamFramingTest {
  private static final byte[] MESSAGE = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] STATUS = "{\"code\":10,\"message\":\"m\",\"details\":[]}".getBytes(StandardCharsets.UTF_8);

  private static String body(StreamFraming framing, boolean fails) {
    StringBuilder body = new StringBuilder();
    body.append(text(framing.message(MESSAGE, true))).append(text(framing.message(MESSAGE, false)));
    if (fails) {
      body.append(text(framing.error(STATUS, false)));
    }
    return body.append(text(framing.end(false))).toString();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void ndjsonWrapsEachMessageInResultAndTheFailureInError() {
    assertThat(body(StreamFraming.NDJSON, true)).isEqualTo("{\"result\":{\"n\":1}}\n{\"result\":{\"n\":1}}\n"
        + "{\"error\":{\"code\":10,\"message\":\"m\",\"details\":[]}}\n");
  }

  @Test
  void serverSentEventsHaveADataEventPerMessageAndAnErrorEvent() {
    assertThat(body(StreamFraming.SSE, true)).isEqualTo("data: {\"n\":1}\n\ndata: {\"n\":1}\n\n"
        + "event: error\ndata: {\"code\":10,\"message\":\"m\",\"details\":[]}\n\n");
  }

  @Test
  void arrayEndsWithTheErrorElementAndIsEmptyWithoutMessages() {
    assertThat(body(StreamFraming.JSON_ARRAY, false)).isEqualTo("[{\"n\":1},{\"n\":1}]");
    assertThat(body(StreamFraming.JSON_ARRAY, true))
        .isEqualTo("[{\"n\":1},{\"n\":1},{\"error\":{\"code\":10,\"message\":\"m\",\"details\":[]}}]");
    assertThat(text(StreamFraming.JSON_ARRAY.end(true))).isEqualTo("[]");
    assertThat(text(StreamFraming.JSON_ARRAY.error(STATUS, true)) + text(StreamFraming.JSON_ARRAY.end(false)))
        .isEqualTo("[{\"error\":{\"code\":10,\"message\":\"m\",\"details\":[]}}]");
  }
}
