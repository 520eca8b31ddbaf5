package dev.gatehouse.core.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MapEntry;
import dev.gatehouse.core.descriptor.ServiceCatalog;
import dev.gatehouse.core.json.JsonOptions;
import dev.gatehouse.core.json.ProtoJson;
import dev.gatehouse.core.route.Route.BodyRule;
import dev.gatehouse.core.route.RouteMatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Map keys of the kinds the test protos lack: {@code map<bool, string>} and {@code map<sint64, double>}. */
class MapKeyKindsTest {
  private static final ServiceCatalog CATALOG = ServiceCatalog.of("maps.proto", FileDescriptorSet.newBuilder()
      .addFile(FileDescriptorProto.newBuilder()
          .setName("maps.proto").setPackage("maps").setSyntax("proto3")
          .addMessageType(DescriptorProto.newBuilder().setName("Request")
              .addField(mapField("flags", 1, "FlagsEntry"))
              .addField(mapField("weights", 2, "WeightsEntry"))
              .addNestedType(entry("FlagsEntry", FieldDescriptorProto.Type.TYPE_BOOL,
                  FieldDescriptorProto.Type.TYPE_STRING))
              .addNestedType(entry("WeightsEntry", FieldDescriptorProto.Type.TYPE_SINT64,
                  FieldDescriptorProto.Type.TYPE_DOUBLE)))
          .addService(ServiceDescriptorProto.newBuilder().setName("Maps")
              .addMethod(MethodDescriptorProto.newBuilder().setName("Get")
                  .setInputType(".maps.Request").setOutputType(".maps.Request"))))
      .build());
  private static final MethodDescriptor GET = CATALOG.findMethod("maps.Maps/Get");

  private final RequestBinder binder =
      new RequestBinder(ProtoJson.create(CATALOG, JsonOptions.DEFAULT), BindingOptions.DEFAULTS);

  private static FieldDescriptorProto mapField(String name, int number, String entry) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
        .setTypeName(".maps.Request." + entry).build();
  }

  private static DescriptorProto entry(String name, FieldDescriptorProto.Type key, FieldDescriptorProto.Type value) {
    return DescriptorProto.newBuilder().setName(name)
        .setOptions(MessageOptions.newBuilder().setMapEntry(true))
        .addField(FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(key))
        .addField(FieldDescriptorProto.newBuilder().setName("value").setNumber(2)
            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(value))
        .build();
  }

  private Map<Object, Object> bind(String field, String query) throws InvalidProtocolBufferException {
    RouteMatch match = new RouteMatch(Requests.route("GET", "/v1/maps", GET, BodyRule.NONE), List.of());
    DynamicMessage request = DynamicMessage.parseFrom(GET.getInputType(), binder.bind(match, (byte[]) null, query));
    FieldDescriptor map = GET.getInputType().findFieldByName(field);
    Map<Object, Object> entries = new HashMap<>();
    for (Object entry : (List<?>) request.getField(map)) {
      if (entry instanceof MapEntry<?, ?> mapEntry) {
        entries.put(mapEntry.getKey(), mapEntry.getValue());
      } else {
        DynamicMessage dynamic = (DynamicMessage) entry;
        entries.put(dynamic.getField(map.getMessageType().findFieldByNumber(1)),
            dynamic.getField(map.getMessageType().findFieldByNumber(2)));
      }
    }
    return entries;
  }

  @Test
  void boolKeysTakeTheBoolForms() throws InvalidProtocolBufferException {
    assertThat(bind("flags", "flags[true]=on&flags[0]=off")).isEqualTo(Map.of(true, "on", false, "off"));
  }

  @Test
  void boolKeysWrittenTwoWaysAreTheSameKey() {
    assertThatThrownBy(() -> bind("flags", "flags[true]=a&flags[1]=b"))
        .hasMessage("query parameter \"flags[1]\" is given more than once (expected: one value per map key)");
    assertThatThrownBy(() -> bind("flags", "flags[yes]=a"))
        .hasMessage("invalid value for map key of query parameter \"flags[yes]\": \"yes\" (expected: bool)");
  }

  @Test
  void signedKeysAndDoubleValuesConvert() throws InvalidProtocolBufferException {
    assertThat(bind("weights", "weights[-9007199254740993]=NaN&weights[5]=-1.5"))
        .isEqualTo(Map.of(-9007199254740993L, Double.NaN, 5L, -1.5));
  }
}
