package dev.gatehouse.core.descriptor;

import static java.util.Objects.requireNonNull;

import com.google.api.AnnotationsProto;
import com.google.api.HttpBodyProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services, methods and message types of a descriptor set, loaded once at start-up and read by every request.
 * Immutable and safe to share between threads.
 *
 * <p>Imports missing from the set are taken from the descriptors compiled into Gatehouse itself (the protobuf
 * well-known types, {@code google/api} and {@code google/rpc}), so a set built without {@code --include_imports}
 * still loads when it only lacks those; any other missing import is an error naming the file that imports it.
 */
public final class ServiceCatalog {
  /** Files Gatehouse carries itself, by name, to resolve imports a descriptor set left out. */
  private static final Map<String, FileDescriptor> BUILT_IN = builtInFiles();

  private final List<FileDescriptor> files;
  private final List<ServiceDescriptor> services;
  private final Map<String, Descriptor> messages;
  private final Map<String, EnumDescriptor> enums;
  private final Map<String, MethodDescriptor> methods;
  private final TypeRegistry typeRegistry;

  private ServiceCatalog(List<FileDescriptor> files) {
    this.files = List.copyOf(files);
    List<ServiceDescriptor> services = new ArrayList<>();
    Map<String, Descriptor> messages = new HashMap<>();
    Map<String, EnumDescriptor> enums = new HashMap<>();
    Map<String, MethodDescriptor> methods = new LinkedHashMap<>();
    TypeRegistry.Builder registry = TypeRegistry.newBuilder();
    // Error details are resolvable even when the user's set does not import google/rpc/error_details.proto.
    registry.add(com.google.rpc.ErrorDetailsProto.getDescriptor().getMessageTypes());
    registry.add(com.google.rpc.StatusProto.getDescriptor().getMessageTypes());
    for (FileDescriptor file : BUILT_IN.values()) {
      index(file, messages, enums);
    }
    for (FileDescriptor file : files) {
      services.addAll(file.getServices());
      registry.add(file.getMessageTypes());
      index(file, messages, enums);
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor method : service.getMethods()) {
          methods.put(service.getFullName() + "/" + method.getName(), method);
        }
      }
    }
    this.services = List.copyOf(services);
    this.messages = Map.copyOf(messages);
    this.enums = Map.copyOf(enums);
    this.methods = Collections.unmodifiableMap(methods);
    this.typeRegistry = registry.build();
  }

  /**
   * Loads the descriptor set file that {@code protoc --include_imports --descriptor_set_out=FILE} writes.
   *
   * @throws DescriptorLoadException for a missing or unreadable file, a file that is not a descriptor set, and
   *     unresolved imports
   */
  public static ServiceCatalog load(Path descriptorSetFile) {
    requireNonNull(descriptorSetFile, "descriptorSetFile");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(descriptorSetFile);
    } catch (NoSuchFileException e) {
      throw new DescriptorLoadException("descriptor set " + descriptorSetFile + ": no such file");
    } catch (IOException e) {
      throw new DescriptorLoadException("descriptor set " + descriptorSetFile + ": cannot be read: " + e.getMessage(), e);
    }
    return parse(descriptorSetFile.toString(), bytes);
  }

  /** Loads a descriptor set from its bytes; {@code source} names it in error messages. */
  public static ServiceCatalog parse(String source, byte[] bytes) {
    FileDescriptorSet set;
    try {
      set = FileDescriptorSet.parseFrom(bytes, extensionRegistry());
    } catch (InvalidProtocolBufferException e) {
      throw notADescriptorSet(source, e.getMessage());
    }
    if (set.getFileCount() == 0) {
      throw notADescriptorSet(source, "it holds no .proto files");
    }
    for (FileDescriptorProto file : set.getFileList()) {
      if (!file.hasName() || file.getName().isEmpty()) {
        throw notADescriptorSet(source, "a file entry has no name");
      }
    }
    return of(source, set);
  }

  /** Builds the catalog of a parsed descriptor set; {@code source} names it in error messages. */
  public static ServiceCatalog of(String source, FileDescriptorSet set) {
    Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      protos.putIfAbsent(file.getName(), file);
    }
    Map<String, FileDescriptor> built = new HashMap<>();
    List<FileDescriptor> files = new ArrayList<>();
    for (String name : protos.keySet()) {
      files.add(build(source, name, protos, built, new ArrayList<>()));
    }
    return new ServiceCatalog(files);
  }

  private static FileDescriptor build(String source, String name, Map<String, FileDescriptorProto> protos,
      Map<String, FileDescriptor> built, List<String> importChain) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    if (importChain.contains(name)) {
      throw new DescriptorLoadException("descriptor set " + source + ": import cycle " + String.join(" -> ", importChain)
          + " -> " + name);
    }
    FileDescriptorProto proto = protos.get(name);
    importChain.add(name);
    FileDescriptor[] dependencies = new FileDescriptor[proto.getDependencyCount()];
    for (int i = 0; i < dependencies.length; i++) {
      String dependency = proto.getDependency(i);
      if (protos.containsKey(dependency)) {
        dependencies[i] = build(source, dependency, protos, built, importChain);
      } else if (BUILT_IN.containsKey(dependency)) {
        dependencies[i] = BUILT_IN.get(dependency);
      } else {
        throw new DescriptorLoadException("descriptor set " + source + ": " + name + " imports " + dependency
            + ", which is not in the set (build it with protoc --include_imports)");
      }
    }
    importChain.remove(importChain.size() - 1);
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
      built.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new DescriptorLoadException("descriptor set " + source + ": " + name + " is invalid: "
          + e.getDescription() + " (at " + e.getProblemSymbolName() + ")", e);
    }
  }

  private static DescriptorLoadException notADescriptorSet(String source, String reason) {
    return new DescriptorLoadException("descriptor set " + source + " is not a FileDescriptorSet (write one with "
        + "protoc --include_imports --descriptor_set_out=FILE): " + reason);
  }

  /** The registry that makes {@code google.api.http} options readable when a descriptor set is parsed. */
  public static ExtensionRegistry extensionRegistry() {
    return Holder.EXTENSIONS;
  }

  private static final class Holder {
    static final ExtensionRegistry EXTENSIONS = newExtensionRegistry();

    private static ExtensionRegistry newExtensionRegistry() {
      ExtensionRegistry registry = ExtensionRegistry.newInstance();
      AnnotationsProto.registerAllExtensions(registry);
      return registry.getUnmodifiable();
    }
  }

  private static void index(FileDescriptor file, Map<String, Descriptor> messages,
      Map<String, EnumDescriptor> enums) {
    for (Descriptor message : file.getMessageTypes()) {
      indexMessage(message, messages, enums);
    }
    for (EnumDescriptor e : file.getEnumTypes()) {
      enums.put(e.getFullName(), e);
    }
  }

  private static void indexMessage(Descriptor message, Map<String, Descriptor> messages,
      Map<String, EnumDescriptor> enums) {
    messages.put(message.getFullName(), message);
    for (Descriptor nested : message.getNestedTypes()) {
      indexMessage(nested, messages, enums);
    }
    for (EnumDescriptor e : message.getEnumTypes()) {
      enums.put(e.getFullName(), e);
    }
  }

  private static Map<String, FileDescriptor> builtInFiles() {
    Map<String, FileDescriptor> files = new LinkedHashMap<>();
    for (FileDescriptor root : List.of(
        com.google.protobuf.AnyProto.getDescriptor(),
        com.google.protobuf.ApiProto.getDescriptor(),
        com.google.protobuf.DescriptorProtos.getDescriptor(),
        com.google.protobuf.DurationProto.getDescriptor(),
        com.google.protobuf.EmptyProto.getDescriptor(),
        com.google.protobuf.FieldMaskProto.getDescriptor(),
        com.google.protobuf.SourceContextProto.getDescriptor(),
        com.google.protobuf.StructProto.getDescriptor(),
        com.google.protobuf.TimestampProto.getDescriptor(),
        com.google.protobuf.TypeProto.getDescriptor(),
        com.google.protobuf.WrappersProto.getDescriptor(),
        AnnotationsProto.getDescriptor(),
        HttpBodyProto.getDescriptor(),
        com.google.rpc.StatusProto.getDescriptor(),
        com.google.rpc.ErrorDetailsProto.getDescriptor(),
        com.google.rpc.CodeProto.getDescriptor())) {
      addWithDependencies(root, files);
    }
    return Collections.unmodifiableMap(files);
  }

  private static void addWithDependencies(FileDescriptor file, Map<String, FileDescriptor> files) {
    if (files.containsKey(file.getName())) {
      return;
    }
    for (FileDescriptor dependency : file.getDependencies()) {
      addWithDependencies(dependency, files);
    }
    files.put(file.getName(), file);
  }

  /** The files of the set, in the set's order. */
  public List<FileDescriptor> files() {
    return files;
  }

  /** Every service of the set, in declaration order. */
  public List<ServiceDescriptor> services() {
    return services;
  }

  /** The message type with that full name ({@code pkg.Msg}), from the set or built in, or {@code null}. */
  public Descriptor findMessage(String fullName) {
    return messages.get(fullName);
  }

  /** The enum type with that full name, or {@code null}. */
  public EnumDescriptor findEnum(String fullName) {
    return enums.get(fullName);
  }

  /**
   * The message type an {@code Any}'s type URL names ({@code type.googleapis.com/pkg.Msg}: the part after the last
   * slash), or {@code null}.
   */
  public Descriptor findMessageByTypeUrl(String typeUrl) {
    return messages.get(typeUrl.substring(typeUrl.lastIndexOf('/') + 1));
  }

  /** The method with that gRPC name ({@code pkg.Service/Method}), or {@code null}. */
  public MethodDescriptor findMethod(String grpcName) {
    return methods.get(grpcName);
  }

  /** Every method of every service, keyed by gRPC name ({@code pkg.Service/Method}), in declaration order. */
  public Map<String, MethodDescriptor> methods() {
    return methods;
  }

  /** A registry of every message type in the set and the google.rpc error details, for {@code Any}. */
  public TypeRegistry typeRegistry() {
    return typeRegistry;
  }
}
