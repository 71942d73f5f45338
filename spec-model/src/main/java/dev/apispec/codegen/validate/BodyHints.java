package dev.apispec.codegen.validate;

import dev.apispec.codegen.diagnostics.DidYouMean;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a body's unknown name was probably meant to be: a close name of the same kind, or a name of the other
 * kind ({@code json:} given a protobuf message, {@code protobuf:} given a type of the spec).
 */
final class BodyHints {
  private BodyHints() {}

  /** The hint for {@code json: name}, which is no type of the spec. */
  static String forJson(String name, Set<String> types, ProtoCatalog protos) {
    String message = protobufMessage(name, protos, true);
    if (message != null) {
      return "; '" + message + "' is a protobuf message: write 'protobuf: " + message + "'";
    }
    return DidYouMean.suggestion(name, types);
  }

  /** The hint for {@code protobuf: name}, which is no message of the descriptor set. */
  static String forProtobuf(String name, Set<String> types, ProtoCatalog protos) {
    if (types.contains(name)) {
      return "; '" + name + "' is a type of the spec: write 'json: " + name + "'";
    }
    String message = protobufMessage(name, protos, false);
    if (message != null) {
      return "; did you mean '" + message + "'?";
    }
    String type = DidYouMean.closest(name, types);
    return type == null ? "" : "; did you mean the type of the spec 'json: " + type + "'?";
  }

  /**
   * The message meant by {@code name}: itself, one whose full name is close, or one whose simple name is
   * {@code name} or close to it (a name written without its package). With {@code exact}, only the message of
   * that very full or simple name.
   */
  private static String protobufMessage(String name, ProtoCatalog protos, boolean exact) {
    if (protos == null || protos.isEmpty()) {
      return null;
    }
    if (protos.find(name) != null) {
      return name;
    }
    String simple = name.substring(name.lastIndexOf('.') + 1);
    List<String> sameSimple = new ArrayList<>();
    List<String> simpleNames = new ArrayList<>();
    for (String full : protos.names()) {
      String own = full.substring(full.lastIndexOf('.') + 1);
      simpleNames.add(own);
      if (own.equals(simple)) {
        sameSimple.add(full);
      }
    }
    if (sameSimple.size() == 1) {
      return sameSimple.get(0);
    }
    if (exact) {
      return null;
    }
    String full = DidYouMean.closest(name, protos.names());
    if (full != null) {
      return full;
    }
    String close = DidYouMean.closest(simple, simpleNames);
    if (close == null) {
      return null;
    }
    List<String> matches = protos.names().stream().filter(n -> n.endsWith("." + close) || n.equals(close)).toList();
    return matches.size() == 1 ? matches.get(0) : null;
  }
}
