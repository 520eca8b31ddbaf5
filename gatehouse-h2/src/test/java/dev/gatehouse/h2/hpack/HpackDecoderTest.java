package dev.gatehouse.h2.hpack;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HpackDecoderTest {

  @Test
  void reportsRepresentationIndexAndHuffmanOfEachField() {
    // C.4.3 after C.4.1 and C.4.2: indexed :method (2), :scheme https (7), :path /index.html (5), dynamic
    // :authority (63),
    // then a literal with incremental indexing whose name and value are both Huffman-coded.
    HpackDecoder decoder = new HpackDecoder();
    decode(decoder, "828684418cf1e3c2e5f23a6ba0ab90f4ff");
    decode(decoder, "828684be5886a8eb10649cbf");
    HeaderBlock block = decode(decoder, "828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf");
    assertThat(block.fields()).extracting(HeaderField::representation).containsExactly(Representation.INDEXED,
        Representation.INDEXED, Representation.INDEXED, Representation.INDEXED,
        Representation.LITERAL_WITH_INCREMENTAL_INDEXING);
    assertThat(block.fields()).extracting(HeaderField::index).containsExactly(2, 7, 5, 63, 0);
    HeaderField custom = block.fields().get(4);
    assertThat(custom.nameHuffman()).isTrue();
    assertThat(custom.valueHuffman()).isTrue();
    assertThat(block.headerListSize()).isEqualTo(block.fields().stream().mapToLong(HeaderField::size).sum());
  }

  @Test
  void neverIndexedAndWithoutIndexingAreTold() {
    HeaderBlock block = decode(new HpackDecoder(), "100870617373776f726406736563726574" + "040c2f73616d706c652f70617468");
    assertThat(block.fields()).extracting(HeaderField::representation)
        .containsExactly(Representation.LITERAL_NEVER_INDEXED, Representation.LITERAL_WITHOUT_INDEXING);
    assertThat(block.fields().get(1).index()).isEqualTo(4);
  }

  @Test
  void tableSizeUpdateEvictsAndIsReported() {
    HpackDecoder decoder = new HpackDecoder();
    decode(decoder, "400a637573746f6d2d6b65790d637573746f6d2d686561646572");
    HeaderBlock block = decode(decoder, "20" + "82");
    assertThat(block.tableSizeUpdates()).containsExactly(0L);
    assertThat(block.evicted()).containsExactly(new TableEntry("custom-key", "custom-header"));
    assertThat(block.tableSize()).isZero();
  }

  @Test
  void insertionEvictsOldestEntries() {
    HpackDecoder decoder = new HpackDecoder(100);
    decode(decoder, "400a637573746f6d2d6b65790d637573746f6d2d686561646572"); // 55 octets
    HeaderBlock block = decode(decoder, "400a637573746f6d2d6b65790d637573746f6d2d686561646572");
    assertThat(block.evicted()).hasSize(1);
    assertThat(block.tableEntries()).isEqualTo(1);
  }

  @Test
  void unknownIndexIsACompressionErrorNotAnException() {
    HeaderBlock block = decode(new HpackDecoder(), "82" + "be");
    assertThat(block.error()).contains("index 62");
    assertThat(block.fields()).hasSize(1);
  }

  @Test
  void sizeUpdateAfterAFieldIsAnError() {
    assertThat(decode(new HpackDecoder(), "82" + "20").error()).contains("size update after a header field");
  }

  @Test
  void sizeUpdateAboveTheLimitIsAnError() {
    assertThat(decode(new HpackDecoder(), "3fe21f").error()).contains("update to 4097 exceeds the limit 4096");
  }

  @Test
  void truncatedStringAndHugeIntegerAreErrors() {
    assertThat(decode(new HpackDecoder(), "400a6375").error()).contains("exceeds the block");
    assertThat(decode(new HpackDecoder(), "ffffffffffff7f").error()).contains("2^31-1");
  }

  @Test
  void huffmanWithEosOrLongPaddingIsAnError() {
    // Value "a" Huffman-coded is 00011 + padding 111; a full byte of 1s after it is padding over 7 bits.
    assertThat(decode(new HpackDecoder(), "0001" + "61" + "82" + "1fff").error()).contains("padding");
    // 30 ones is EOS.
    assertThat(decode(new HpackDecoder(), "0001" + "61" + "84" + "ffffffff").error()).isNotNull();
  }

  @Test
  void decodesWhatNettysEncoderWritesWithAndWithoutHuffman() throws Exception {
    Http2Headers headers = new DefaultHttp2Headers().method("POST").path("/a.B/C").authority("example.com:443")
        .add("content-type", "application/grpc").add("x-trace", "0123456789abcdefghijklmnopqrstuvwxyz~!@#$%^&*()")
        .add("x-bytes", "\u00ff\u0001\u007f");
    DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.NEVER_SENSITIVE);
    HpackDecoder decoder = new HpackDecoder();
    for (int round = 0; round < 3; round++) {
      ByteBuf out = Unpooled.buffer();
      encoder.encodeHeaders(1, headers, out);
      byte[] bytes = new byte[out.readableBytes()];
      out.readBytes(bytes);
      HeaderBlock block = decoder.decode(bytes, 0, bytes.length);
      assertThat(block.error()).isNull();
      assertThat(block.fields()).extracting(HeaderField::toString).containsExactly(":method: POST",
          ":path: /a.B/C", ":authority: example.com:443", "content-type: application/grpc",
          "x-trace: 0123456789abcdefghijklmnopqrstuvwxyz~!@#$%^&*()", "x-bytes: \u00ff\u0001\u007f");
    }
  }

  @Test
  void repeatedBlockIsReusedOnlyWhileTheTableStaysAsItWas() {
    HpackDecoder decoder = new HpackDecoder();
    decode(decoder, "400a637573746f6d2d6b65790d637573746f6d2d686561646572"); // custom-key: custom-header at 62
    HeaderBlock first = decode(decoder, "82" + "be");
    assertThat(decode(decoder, "82" + "be")).isSameAs(first);
    decode(decoder, "4001780179"); // x: y at 62, custom-key moves to 63
    HeaderBlock afterInsertion = decode(decoder, "82" + "be");
    assertThat(afterInsertion).isNotSameAs(first);
    assertThat(afterInsertion.fields()).extracting(HeaderField::toString).containsExactly(":method: GET", "x: y");
  }

  @Test
  void blocksThatChangeTheTableOrFailAreDecodedEachTime() {
    HpackDecoder decoder = new HpackDecoder();
    HeaderBlock inserting = decode(decoder, "4001780179");
    assertThat(decode(decoder, "4001780179")).isNotSameAs(inserting);
    assertThat(decoder.tableEntries()).isEqualTo(2);
    HeaderBlock failed = decode(decoder, "82" + "ff00");
    assertThat(failed.failed()).isTrue();
    assertThat(decode(decoder, "82" + "ff00")).isNotSameAs(failed);
  }

  private static HeaderBlock decode(HpackDecoder decoder, String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    return decoder.decode(bytes, 0, bytes.length);
  }
}
