package dev.apispec.codegen.compat;

import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.model.EndpointDef.ParamDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares an endpoint's path, query and header parameters, by wire name. Each is a parameter of the Java method,
 * in spec order, so that any parameter added or removed changes the method's signature.
 */
final class ParamDiff {
  private final String key;
  private final JsonShapes shapes;
  private final Changes changes;

  ParamDiff(String key, JsonShapes shapes, Changes changes) {
    this.key = key;
    this.shapes = shapes;
    this.changes = changes;
  }

  void compare(List<ParamDef> before, List<ParamDef> after, Location at) {
    Map<String, ParamDef> afterByName = byName(after);
    Map<String, ParamDef> beforeByName = byName(before);
    List<String> keptBefore = new ArrayList<>();
    for (ParamDef param : before) {
      String id = key + " " + param.wireName();
      ParamDef other = afterByName.get(param.wireName());
      if (other == null) {
        changes.both("param-removed:" + id, at, "The " + param.in().specName() + " parameter " + param.wireName()
            + " of " + key + " was removed: the method's signature changed"
            + (param.required() ? ", and a baseline server needs it" : "") + ".");
        continue;
      }
      keptBefore.add(param.wireName());
      if (param.in() != other.in()) {
        changes.wire("param-moved:" + id, at, "The parameter " + param.wireName() + " of " + key + " is now sent in"
            + " the " + other.in().specName() + " (was the " + param.in().specName() + ").");
      }
      boolean wireBreak = !shapes.same(param.type(), other.type());
      boolean sourceBreak = !JavaSurface.of(param.type()).equals(JavaSurface.of(other.type()));
      if (wireBreak || sourceBreak) {
        changes.add("param-type-changed:" + id, at, "The parameter " + param.wireName() + " of " + key + " is now "
            + other.type() + " (was " + param.type() + ")" + (sourceBreak ? ", a Java "
            + JavaSurface.parameter(other) : "") + ".", Changes.kinds(wireBreak, sourceBreak));
      }
      if (!param.required() && other.required()) {
        changes.wire("param-required:" + id, at, "The parameter " + param.wireName() + " of " + key
            + " is now required: a client built from the baseline may leave it out.");
      } else if (param.required() && !other.required()) {
        changes.safe("param-optional:" + id, at, "The parameter " + param.wireName() + " of " + key
            + " may now be left out.");
      }
      if (!java.util.Objects.equals(param.doc(), other.doc())) {
        changes.safe("param-doc-changed:" + id, at, "The documentation of the parameter " + param.wireName()
            + " of " + key + " changed.");
      }
    }
    for (ParamDef param : after) {
      if (!beforeByName.containsKey(param.wireName())) {
        changes.add("param-added:" + key + " " + param.wireName(), at, "The " + param.in().specName()
            + " parameter " + param.wireName() + " of " + key + " is new: the method takes one more argument"
            + (param.required() ? ", and a client built from the baseline does not send it" : "") + ".",
            Changes.kinds(param.required(), true));
      }
    }
    List<String> keptAfter = after.stream().map(ParamDef::wireName).filter(keptBefore::contains).toList();
    if (!keptAfter.equals(keptBefore)) {
      changes.source("params-reordered:" + key, at, "The parameters of " + key + " are in another order ("
          + String.join(", ", keptAfter) + "): the method's signature changed.");
    }
  }

  private static Map<String, ParamDef> byName(List<ParamDef> params) {
    Map<String, ParamDef> map = new LinkedHashMap<>();
    params.forEach(param -> map.putIfAbsent(param.wireName(), param));
    return map;
  }
}
