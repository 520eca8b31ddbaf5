package dev.gatehouse.lens.tshark;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.gatehouse.h2.event.Direction;
import dev.gatehouse.h2.event.FrameEvent;
import dev.gatehouse.h2.frame.UnknownFrame;
import dev.gatehouse.h2.hpack.HeaderField;
import dev.gatehouse.lens.proxy.LensServer;
import dev.gatehouse.lens.support.ChunkRecorder;
import dev.gatehouse.lens.support.LensFixture;
import dev.gatehouse.lens.support.PcapWriter;
import dev.gatehouse.lens.support.Recorder;
import dev.gatehouse.testing.peer.JavaLibraryServer;
import dev.gatehouse.testing.v1.AllTypes;
import dev.gatehouse.testing.v1.GetShelfRequest;
import dev.gatehouse.testing.v1.LibraryGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Compares the lens's frames with what Wireshark's HTTP/2 dissector reads from the same bytes: real grpc-java
 * traffic through the lens (a unary call, an error with details, a 200 KiB echo split over many DATA frames), the
 * forwarded bytes written to a pcap file, and {@code tshark -T pdml} over it. Type, stream, flags, length and every
 * decoded header field must agree, frame by frame.
 *
 * <p>Known differences, handled here rather than hidden: tshark shows the client magic as a pseudo-frame with no
 * type (the lens reports it as a preface event, not a frame), so entries without a type are skipped; tshark names
 * frame types by number in {@code show}, compared with the lens's type code.
 */
class TsharkComparisonTest {

  private static final int SERVER_PORT = 50051;
  private static final int CLIENT_PORT = 40000;

  /** One frame as either side sees it. */
  record Frame(Direction sender, int type, int stream, int flags, int length, List<String> headers) {}

  @Test
  void lensFramesMatchTsharkFrames(@TempDir Path dir) throws Exception {
    Path tshark = tshark();
    ChunkRecorder capture = new ChunkRecorder();
    Recorder recorder = new Recorder();
    try (JavaLibraryServer server = JavaLibraryServer.start(0);
        LensServer lens = LensFixture.start(server.port(), capture, recorder)) {
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", lens.port()).usePlaintext().build();
      LibraryGrpc.LibraryBlockingStub stub = LibraryGrpc.newBlockingStub(channel).withDeadlineAfter(20,
          TimeUnit.SECONDS);
      stub.getShelf(GetShelfRequest.newBuilder().setName("shelves/1").build());
      try {
        stub.getShelf(GetShelfRequest.newBuilder().setName("shelves/missing").build());
      } catch (StatusRuntimeException expected) {
        // NOT_FOUND with details: trailers-only with a large -bin header
      }
      stub.echo(AllTypes.newBuilder().setBytesValue(ByteString.copyFrom(new byte[200 * 1024])).build());
      channel.shutdown().awaitTermination(10, TimeUnit.SECONDS);
      recorder.awaitClosed(1);
    }
    Path pcap = dir.resolve("lens.pcap");
    PcapWriter.write(pcap, CLIENT_PORT, SERVER_PORT, capture.chunks());

    List<Frame> fromTshark = tsharkFrames(tshark, pcap, dir.resolve("lens.pdml"));
    List<Frame> fromLens = lensFrames(recorder);

    assertThat(fromLens).hasSizeGreaterThan(20);
    assertThat(fromTshark).flatMap(Frame::headers)
        .contains(":path: /gatehouse.testing.v1.Library/GetShelf", ":path: /gatehouse.testing.v1.Library/Echo",
            "grpc-status: 5", "grpc-status: 0");
    assertThat(fromTshark).filteredOn(frame -> frame.type() == 0 && frame.length() > 0).hasSizeGreaterThan(10);
    Files.copy(pcap, Path.of(System.getProperty("java.io.tmpdir"), "lens-tshark-last.pcap"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(fromTshark).as("tshark's frames (left) against the lens's (right)").isEqualTo(fromLens);
  }

  private static List<Frame> lensFrames(Recorder recorder) {
    List<Frame> frames = new ArrayList<>();
    for (FrameEvent event : recorder.events(FrameEvent.class)) {
      List<String> headers = new ArrayList<>();
      if (event.headerBlock() != null) {
        for (HeaderField field : event.headerBlock().fields()) {
          headers.add(field.name() + ": " + field.value());
        }
      }
      int type = event.frame() instanceof UnknownFrame unknown ? unknown.typeCode() : event.frame().type().code();
      frames.add(new Frame(event.direction(), type, event.frame().streamId(), event.frame().flags().raw(),
          event.frame().length(), headers));
    }
    return frames;
  }

  private static List<Frame> tsharkFrames(Path tshark, Path pcap, Path pdml) throws Exception {
    Process process = new ProcessBuilder(tshark.toString(), "-r", pcap.toString(), "-d",
        "tcp.port==" + SERVER_PORT + ",http2", "-T", "pdml")
        .redirectOutput(pdml.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("tshark finished within 60 s").isTrue();
    assertThat(process.exitValue()).as("tshark exit code").isZero();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(pdml.toFile());
    List<Frame> frames = new ArrayList<>();
    NodeList packets = document.getElementsByTagName("packet");
    for (int p = 0; p < packets.getLength(); p++) {
      Element packet = (Element) packets.item(p);
      Direction sender = "40000".equals(field(packet, "tcp.srcport")) ? Direction.CLIENT : Direction.SERVER;
      for (Element proto : children(packet, "proto")) {
        if (!"http2".equals(proto.getAttribute("name"))) {
          continue;
        }
        for (Element stream : descendants(proto, "http2.stream")) {
          String type = field(stream, "http2.type");
          if (type == null) {
            continue; // the client magic
          }
          List<String> headers = new ArrayList<>();
          for (Element header : descendants(stream, "http2.header")) {
            headers.add(value(field(header, "http2.header.name")) + ": " + value(field(header, "http2.header.value")));
          }
          frames.add(new Frame(sender, Integer.decode(type), Integer.decode(field(stream, "http2.streamid")),
              Integer.decode(field(stream, "http2.flags")), Integer.decode(field(stream, "http2.length")),
              headers));
        }
      }
    }
    return frames;
  }

  /** tshark shows an empty header value as nothing at all. */
  private static String value(String shown) {
    return shown == null ? "" : shown;
  }

  private static String field(Element parent, String name) {
    for (Element field : descendants(parent, "field")) {
      if (name.equals(field.getAttribute("name"))) {
        return field.getAttribute("show");
      }
    }
    return null;
  }

  /** Descendant {@code field} elements named {@code name}, or (for "field"/"proto") all elements of that tag. */
  private static List<Element> descendants(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList all = parent.getElementsByTagName(name.equals("field") || name.equals("proto") ? name : "field");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (name.equals("field") || name.equals("proto") || name.equals(element.getAttribute("name"))) {
        found.add(element);
      }
    }
    return found;
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && tag.equals(element.getTagName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static Path tshark() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "tshark");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("tshark is not installed: run scripts/install-test-deps (Debian package tshark); this "
        + "test compares the lens with Wireshark's HTTP/2 dissector and cannot run without it");
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
