package dev.apispec.codegen.validate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.palantir.javapoet.ClassName;
import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.diagnostics.Problems;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.runtime.ApiTransport;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Names that javac would resolve to something else than the generated code means.
 *
 * <p>JavaPoet writes a class by its qualified name ({@code java.util.Objects.requireNonNull(…)}) when its simple
 * name is taken, say by a model type {@code Objects}. In an expression javac reads the first part of such a name
 * as a variable before a package, so a record component, field or parameter named {@code java} would break the
 * generated code. The parts are those of every package the generated code names: the JDK's, Jackson's, the
 * runtime's, the API's own, and the protobuf classes'.
 *
 * <p>No generated class may have the name of a protobuf class in its package. And the API's package may not be
 * one that a module of the JDK (or the runtime) owns already: javac refuses
 * classes in {@code java.*}, and in a package of a named module that the code is not in.
 */
final class ReservedNames {
  /** Reserved namespaces of the platform, whether or not a module of this JDK has them. */
  private static final Set<String> JDK_PREFIXES = Set.of("java", "javax", "jdk", "sun", "com.sun");
  /** Every package of the JDK's modules, with its module. */
  private static final Map<String, String> JDK_PACKAGES = jdkPackages();

  private final Spec spec;
  private final Problems problems;
  /** First parts of the packages that model classes name. */
  private final Set<String> modelRoots = new TreeSet<>();
  /** And those of the packages that the client and group classes name, with the protobuf classes'. */
  private final Set<String> roots = new TreeSet<>();
  /** The top-level protobuf classes, by binary name: a generated class of the same name would clash with one. */
  private final Set<String> protobufClasses = new TreeSet<>();

  private ReservedNames(Spec spec, ProtoCatalog protos, Problems problems) {
    this.spec = spec;
    this.problems = problems;
    for (Class<?> used : new Class<?>[] {Objects.class, JsonProperty.class, ApiTransport.class}) {
      roots.add(root(used.getPackageName()));
    }
    roots.add("javax");
    if (spec.api() != null && spec.api().packageName() != null) {
      roots.add(root(spec.api().packageName()));
    }
    modelRoots.addAll(roots);
    if (protos != null) {
      for (String message : protos.names()) {
        ClassName javaClass = protos.find(message).javaClass();
        if (!javaClass.packageName().isEmpty()) {
          roots.add(root(javaClass.packageName()));
        }
        protobufClasses.add(javaClass.topLevelClassName().reflectionName());
      }
    }
  }

  static void check(Spec spec, ProtoCatalog protos, Problems problems) {
    new ReservedNames(spec, protos, problems).run();
  }

  private void run() {
    ApiInfo api = spec.api();
    if (api != null && api.packageName() != null) {
      if (!checkPackage(api, api.packageName())) {
        checkPackage(api, api.packageName() + ".model");
      }
    }
    if (api != null && api.authHeader() != null) {
      variable(roots, Symbols.credentialSetter(api), api.location(),
          "auth 'header' '" + api.authHeader() + "' would become the builder field");
    }
    if (api != null) {
      for (ApiInfo.HostDef host : api.hosts()) {
        variable(roots, Symbols.hostSetter(host.name()), host.location(), "host '" + host.name()
            + "' would become the builder field");
      }
    }
    for (TypeDef type : spec.types()) {
      if (type instanceof TypeDef.ObjectDef object) {
        for (TypeDef.FieldDef field : object.fields()) {
          variable(modelRoots, Symbols.fieldName(field), field.location(), "field '" + field.wireName() + "' of type '"
              + object.name() + "' would become the record component");
        }
      } else if (type instanceof TypeDef.EnumDef enumDef) {
        for (TypeDef.EnumValue value : enumDef.values()) {
          variable(modelRoots, value.name(), value.location(), "enum constant '" + value.name() + "' would be the field");
        }
      }
    }
    if (api != null && api.packageName() != null && api.name() != null && !protobufClasses.isEmpty()) {
      checkProtobufClashes(api);
    }
    for (GroupDef group : spec.groups()) {
      variable(roots, Symbols.groupAccessor(group), group.location(), "group '" + group.name()
          + "' would become the client's field");
      for (EndpointDef endpoint : group.endpoints()) {
        String constant = Symbols.endpointConstant(Symbols.methodName(group, endpoint));
        variable(roots, constant, endpoint.pathLocation(), "endpoint '" + endpoint.path() + "' would become the constant");
        for (EndpointDef.ParamDef param : endpoint.params()) {
          variable(roots, Symbols.paramName(param), param.location(), "parameter '" + param.wireName()
              + "' would become the method parameter");
        }
      }
    }
  }

  /**
   * A generated class that would be a protobuf class of the same package and name. Binary names are put together
   * here, not by {@link Symbols}: JavaPoet refuses names that are not Java names, which are reported elsewhere.
   */
  private void checkProtobufClashes(ApiInfo api) {
    String client = api.packageName() + ".";
    String model = api.packageName() + ".model.";
    clash(client + api.name() + "Client", api.location(), "the client of api 'name' '" + api.name() + "'");
    clash(client + api.name() + "ApiException", api.location(), "the exception of api 'name' '" + api.name() + "'");
    for (TypeDef type : spec.types()) {
      clash(model + type.name(), type.location(), "type '" + type.name() + "'");
    }
    for (GroupDef group : spec.groups()) {
      clash(client + Symbols.groupClassName(group), group.location(),
          "the class of group '" + group.name() + "'");
    }
  }

  private void clash(String generated, Location location, String what) {
    if (protobufClasses.contains(generated)) {
      problems.add(location, what + " would be the class " + generated
          + ", which protoc generates too; rename it or choose another package");
    }
  }

  private void variable(Set<String> reserved, String name, Location location, String what) {
    if (reserved.contains(name)) {
      problems.add(location, what + " '" + name + "', which would hide the package '" + name
          + "' that the generated code names; " + (what.startsWith("field") || what.startsWith("parameter")
          ? "set 'javaName'"
          : what.startsWith("endpoint") ? "set 'name'" : "rename it"));
    }
  }

  /** Reports and returns true when {@code packageName} belongs to the JDK or the runtime. */
  private boolean checkPackage(ApiInfo api, String packageName) {
    String owner = null;
    for (String prefix : JDK_PREFIXES) {
      if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
        owner = "the Java platform's namespace '" + prefix + "'";
      }
    }
    if (owner == null && JDK_PACKAGES.containsKey(packageName)) {
      owner = "the JDK module " + JDK_PACKAGES.get(packageName);
    }
    if (owner == null && packageName.equals(ApiTransport.class.getPackageName())) {
      owner = "the apispec runtime";
    }
    if (owner != null) {
      problems.add(api.location(), "api 'package' '" + api.packageName() + "' would put classes in the package '"
          + packageName + "', which belongs to " + owner + "; choose a package of your own");
    }
    return owner != null;
  }

  private static String root(String packageName) {
    int dot = packageName.indexOf('.');
    return dot < 0 ? packageName : packageName.substring(0, dot);
  }

  private static Map<String, String> jdkPackages() {
    Map<String, String> packages = new TreeMap<>();
    for (Module module : ModuleLayer.boot().modules()) {
      ModuleDescriptor descriptor = module.getDescriptor();
      for (String name : descriptor.packages()) {
        packages.putIfAbsent(name, descriptor.name());
      }
    }
    return packages;
  }
}
