package dev.apispec.codegen.compat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One side of a comparison: a spec, its protobuf messages, and which of its types travel in requests and which in
 * responses (a field that becomes required matters in a request, one that becomes optional in a response).
 */
final class Side {
  final Spec spec;
  final ProtoCatalog protos;
  final Map<String, TypeDef> types = new LinkedHashMap<>();
  final Set<String> requestTypes = new HashSet<>();
  final Set<String> responseTypes = new HashSet<>();
  /** Every message an endpoint's body reaches, through message fields too, and the first body that does. */
  final Map<String, Location> messages = new LinkedHashMap<>();

  Side(Spec spec, ProtoCatalog protos) {
    this.spec = spec;
    this.protos = protos == null ? ProtoCatalog.empty() : protos;
    spec.types().forEach(type -> types.putIfAbsent(type.name(), type));
    for (GroupDef group : spec.groups()) {
      for (EndpointDef endpoint : group.endpoints()) {
        collectTypes(endpoint.request(), requestTypes);
        endpoint.params().forEach(param -> reach(param.type(), requestTypes));
        collectTypes(endpoint.response(), responseTypes);
        collectMessages(endpoint.request());
        collectMessages(endpoint.response());
      }
    }
  }

  boolean inRequest(String typeName) {
    return requestTypes.contains(typeName);
  }

  boolean inResponse(String typeName) {
    return responseTypes.contains(typeName);
  }

  private void collectTypes(EndpointDef.Body body, Set<String> into) {
    if (body instanceof EndpointDef.JsonBody json) {
      reach(new TypeRef.Named(json.typeName()), into);
    } else if (body instanceof EndpointDef.CodesBody codes && codes.enumName() != null) {
      reach(new TypeRef.Named(codes.enumName()), into);
    }
  }

  /** Adds the named types {@code ref} names, and those their fields name, to {@code into}. */
  private void reach(TypeRef ref, Set<String> into) {
    if (ref instanceof TypeRef.ListOf list) {
      reach(list.element(), into);
    } else if (ref instanceof TypeRef.MapOf map) {
      reach(map.value(), into);
    } else if (ref instanceof TypeRef.Named named && into.add(named.name())
        && types.get(named.name()) instanceof TypeDef.ObjectDef object) {
      object.fields().forEach(field -> reach(field.type(), into));
    }
  }

  private void collectMessages(EndpointDef.Body body) {
    if (!(body instanceof EndpointDef.ProtobufBody protobuf)) {
      return;
    }
    Deque<String> pending = new ArrayDeque<>();
    pending.add(protobuf.messageName());
    while (!pending.isEmpty()) {
      String name = strip(pending.poll());
      if (messages.putIfAbsent(name, body.location()) != null) {
        continue;
      }
      DescriptorProto message = protos.descriptor(name);
      if (message == null) {
        continue;
      }
      for (FieldDescriptorProto field : message.getFieldList()) {
        if (field.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE) {
          pending.add(field.getTypeName());
        }
      }
    }
  }

  static String strip(String protoName) {
    return protoName.startsWith(".") ? protoName.substring(1) : protoName;
  }
}
