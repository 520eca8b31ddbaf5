package dev.gatehouse.core.binding;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Protobuf wire bytes built and edited without message objects. The binder relies on the parser merging
 * concatenated encodings: a singular scalar's last occurrence wins, singular messages merge, repeated fields append.
 */
final class WireEncoding {
  private WireEncoding() {}

  /** Writes something to a {@link CodedOutputStream}. */
  @FunctionalInterface
  interface Writer {
    void writeTo(CodedOutputStream out) throws IOException;
  }

  /** The bytes {@code writer} writes. */
  static byte[] encode(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 64);
    try {
      writer.writeTo(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes {@code inner}, the encoded fields of the innermost message, nested in the messages {@code enclosing}
   * names from the outside in: for {@code [a, b]} the result is field {@code a} holding field {@code b} holding
   * {@code inner}. With no enclosing field the bytes are written as they are.
   */
  static void writeNested(CodedOutputStream out, List<FieldDescriptor> enclosing, byte[] inner) throws IOException {
    int depth = enclosing.size();
    int[] lengths = new int[depth];
    int length = inner.length;
    for (int i = depth - 1; i >= 0; i--) {
      lengths[i] = length;
      length += CodedOutputStream.computeTagSize(enclosing.get(i).getNumber())
          + CodedOutputStream.computeUInt32SizeNoTag(length);
    }
    for (int i = 0; i < depth; i++) {
      out.writeTag(enclosing.get(i).getNumber(), WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(lengths[i]);
    }
    out.writeRawBytes(inner);
  }

  /**
   * {@code message} without any occurrence of the field at {@code path} (a path of singular message fields down
   * to the field), everything else copied byte for byte. Needed where merging is not overriding: a repeated field
   * appends, and a message merges, so a value bound later must first take the earlier one out.
   */
  static byte[] remove(byte[] message, List<FieldDescriptor> path) {
    return encode(out -> copyWithout(CodedInputStream.newInstance(message), path, out));
  }

  private static void copyWithout(CodedInputStream in, List<FieldDescriptor> path, CodedOutputStream out)
      throws IOException {
    int number = path.get(0).getNumber();
    while (true) {
      int tag = in.readTag();
      if (tag == 0) {
        return;
      }
      if (WireFormat.getTagFieldNumber(tag) != number) {
        copyField(tag, in, out);
      } else if (path.size() == 1) {
        in.skipField(tag);
      } else if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        byte[] trimmed = remove(in.readByteArray(), path.subList(1, path.size()));
        out.writeByteArray(number, trimmed);
      } else {
        copyField(tag, in, out);
      }
    }
  }

  /** Copies the field whose tag was just read, unchanged. */
  private static void copyField(int tag, CodedInputStream in, CodedOutputStream out) throws IOException {
    out.writeUInt32NoTag(tag);
    switch (WireFormat.getTagWireType(tag)) {
      case WireFormat.WIRETYPE_VARINT:
        out.writeUInt64NoTag(in.readRawVarint64());
        break;
      case WireFormat.WIRETYPE_FIXED64:
        out.writeFixed64NoTag(in.readRawLittleEndian64());
        break;
      case WireFormat.WIRETYPE_LENGTH_DELIMITED:
        out.writeBytesNoTag(in.readBytes());
        break;
      case WireFormat.WIRETYPE_FIXED32:
        out.writeFixed32NoTag(in.readRawLittleEndian32());
        break;
      case WireFormat.WIRETYPE_START_GROUP:
        int inner = in.readTag();
        while (inner != 0 && WireFormat.getTagWireType(inner) != WireFormat.WIRETYPE_END_GROUP) {
          copyField(inner, in, out);
          inner = in.readTag();
        }
        if (inner != 0) {
          out.writeUInt32NoTag(inner);
        }
        break;
      default:
        // An END_GROUP tag with no group open: the tag alone is the whole field.
        break;
    }
  }
}
