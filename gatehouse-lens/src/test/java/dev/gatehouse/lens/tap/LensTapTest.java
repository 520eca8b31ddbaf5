package dev.gatehouse.lens.tap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.h2.event.CallEndEvent;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.lens.OutputFormat;
import dev.gatehouse.lens.support.Conversations;
import dev.gatehouse.lens.support.FakeClock;
import dev.gatehouse.lens.support.H2Bytes;
import dev.gatehouse.lens.support.Recorder;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The lens for connections it does not carry: numbering, outputs, and finding a call by its metadata. */
class LensTapTest {
  private final FakeClock clock = new FakeClock();
  private final Recorder recorder = new Recorder();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final LensTap tap = LensTap.builder().catalog(Conversations.catalog()).format(OutputFormat.JSONL)
      .output(output).listener(recorder).clock(clock).locateBy("gatehouse-trace-id").build();

  private static void send(TappedConnection connection, Direction sender, H2Bytes bytes) {
    connection.onBytes(sender, Unpooled.wrappedBuffer(bytes.bytes()));
  }

  private static void call(TappedConnection connection, int stream, String traceId) {
    send(connection, Direction.CLIENT, H2Bytes.of().headers(stream, false,
        Conversations.request("gatehouse-trace-id", traceId)));
    send(connection, Direction.CLIENT, H2Bytes.of().data(stream, true, H2Bytes.grpcMessage(false, new byte[0])));
    send(connection, Direction.SERVER, H2Bytes.of().headers(stream, true, ":status", "200", "content-type",
        "application/grpc", "grpc-status", "0"));
  }

  @Test
  void aCallIsFoundByItsTraceIdOnTheConnectionThatCarriedItOnce() {
    TappedConnection first = tap.open("127.0.0.1:40000", "127.0.0.1:50051");
    TappedConnection second = tap.open("127.0.0.1:40001", "127.0.0.1:50051");
    for (TappedConnection connection : new TappedConnection[] {first, second}) {
      send(connection, Direction.CLIENT, H2Bytes.of().preface().settings());
      send(connection, Direction.SERVER, H2Bytes.of().settings());
    }
    call(second, 1, "abc");
    call(first, 1, "def");
    call(second, 3, "ghi");

    assertThat(second.id()).isEqualTo(2);
    assertThat(tap.locate("abc")).isEqualTo("2/1");
    assertThat(tap.locate("ghi")).isEqualTo("2/3");
    assertThat(tap.locate("def")).isEqualTo("1/1");
    assertThat(tap.locate("abc")).isNull();
    assertThat(tap.locate("never")).isNull();
  }

  @Test
  void theOutputsAndListenersSeeTheConnectionAsTheLensWouldShowIt() throws InterruptedException {
    TappedConnection connection = tap.open("127.0.0.1:40000", "127.0.0.1:50051");
    send(connection, Direction.CLIENT, H2Bytes.of().preface().settings());
    send(connection, Direction.SERVER, H2Bytes.of().settings());
    call(connection, 1, "abc");
    connection.onClose(Direction.CLIENT);
    connection.onEnd();
    recorder.awaitClosed(1);
    tap.close();

    assertThat(recorder.events(CallEndEvent.class)).singleElement()
        .satisfies(end -> assertThat(end.status().name()).isEqualTo("OK"));
    String jsonl = output.toString(StandardCharsets.UTF_8);
    assertThat(jsonl.lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
        .contains("\"event\":\"open\"").contains("\"client\":\"127.0.0.1:40000\""));
    assertThat(jsonl).contains("\"event\":\"call_start\"").contains("[\"gatehouse-trace-id\",\"abc\"]")
        .contains("\"event\":\"connection_end\"");
  }
}
