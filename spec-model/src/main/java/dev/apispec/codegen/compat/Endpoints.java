package dev.apispec.codegen.compat;

import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.naming.Symbols;
import java.util.LinkedHashMap;
import java.util.Map;

/** An endpoint with its group, named as the wire knows it and as user code calls it. */
record Endpoints(GroupDef group, EndpointDef endpoint, ApiInfo api) {

  /** {@code POST /v1/x}, with {@code @host} for one of another host: what a server answers to. */
  String key() {
    String host = group.host(endpoint);
    return endpoint.method() + " " + endpoint.path() + (host == null ? "" : " @" + host);
  }

  /** {@code friend().apply}: how user code calls it. */
  String javaName() {
    return Symbols.groupAccessor(group) + "()." + Symbols.methodName(group, endpoint);
  }

  boolean authenticated() {
    return group.authenticated(endpoint, api);
  }

  /** Every endpoint of the spec by key, in spec order. */
  static Map<String, Endpoints> of(Side side) {
    Map<String, Endpoints> all = new LinkedHashMap<>();
    for (GroupDef group : side.spec.groups()) {
      for (EndpointDef endpoint : group.endpoints()) {
        Endpoints e = new Endpoints(group, endpoint, side.spec.api());
        all.putIfAbsent(e.key(), e);
      }
    }
    return all;
  }
}
