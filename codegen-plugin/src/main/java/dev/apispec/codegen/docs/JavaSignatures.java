package dev.apispec.codegen.docs;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.apispec.codegen.emit.JavaSurface;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.naming.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The declarations of an endpoint's two generated methods, as a user reads them: simple type names, parameters
 * in the generated order (the spec's parameters, then the body as {@code request}).
 */
final class JavaSignatures {
  private final JavaSurface surface;

  JavaSignatures(JavaSurface surface) {
    this.surface = surface;
  }

  /** The blocking method, then its {@code …Async} twin. */
  List<String> of(GroupDef group, EndpointDef endpoint) {
    String method = Symbols.methodName(group, endpoint);
    List<String> parameters = new ArrayList<>();
    for (EndpointDef.ParamDef param : endpoint.params()) {
      parameters.add(simple(surface.param(param)) + " " + Symbols.paramName(param));
    }
    if (endpoint.request() != null) {
      parameters.add(simple(surface.body(endpoint.request())) + " request");
    }
    String arguments = "(" + String.join(", ", parameters) + ")";
    TypeName result = surface.result(endpoint);
    TypeName boxed = result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result.box();
    String deprecated = endpoint.deprecated() ? "@Deprecated " : "";
    return List.of(
        deprecated + simple(result) + " " + method + arguments,
        deprecated + "CompletableFuture<" + simple(boxed) + "> " + Symbols.asyncMethodName(method) + arguments);
  }

  /** {@code java.util.List<dev.demo.model.Tag>} as {@code List<Tag>}; a nested class with its outer one. */
  static String simple(TypeName type) {
    if (type instanceof ClassName name) {
      return String.join(".", name.simpleNames());
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      return simple(parameterized.rawType()) + parameterized.typeArguments().stream().map(JavaSignatures::simple)
          .collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof ArrayTypeName array) {
      return simple(array.componentType()) + "[]";
    }
    return type.toString();
  }
}
