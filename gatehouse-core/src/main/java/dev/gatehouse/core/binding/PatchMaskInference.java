package dev.gatehouse.core.binding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.gatehouse.core.status.StatusException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The field mask a PATCH body implies: the proto paths of the JSON keys it has, relative to the body field, down to
 * the leaves, sorted (grpc-gateway's patch feature). A nested object adds the paths inside it, or its own path when
 * it has no known key; a repeated field, a map and a well-known type ({@code google.protobuf.*}) stop at the field,
 * since their JSON keys are not fields; {@code null} counts as present (it asks to clear the field). Unknown keys add
 * nothing: whether they are an error is the JSON reader's decision, made before.
 */
final class PatchMaskInference {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final FieldLookup lookup;

  PatchMaskInference(FieldLookup lookup) {
    this.lookup = lookup;
  }

  /** The sorted mask paths for a JSON {@code body} whose value is a {@code type} message; none for a non-object. */
  List<String> paths(Descriptor type, byte[] body) {
    TreeSet<String> paths = new TreeSet<>();
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() == JsonToken.START_OBJECT) {
        collect(parser, type, "", paths);
      }
    } catch (JsonProcessingException e) {
      throw StatusException.invalidArgument("invalid JSON body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
    return new ArrayList<>(paths);
  }

  /** Reads the object the parser is at the start of; returns whether it added a path. */
  private boolean collect(JsonParser parser, Descriptor type, String prefix, TreeSet<String> paths)
      throws IOException {
    boolean added = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      FieldDescriptor field = lookup.find(type, parser.currentName());
      JsonToken value = parser.nextToken();
      if (field == null) {
        parser.skipChildren();
        continue;
      }
      String path = prefix + field.getName();
      if (value == JsonToken.START_OBJECT && isDescended(field)) {
        if (!collect(parser, field.getMessageType(), path + ".", paths)) {
          paths.add(path);
        }
      } else {
        parser.skipChildren();
        paths.add(path);
      }
      added = true;
    }
    return added;
  }

  private static boolean isDescended(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
        && !field.getMessageType().getFile().getPackage().equals("google.protobuf");
  }
}
