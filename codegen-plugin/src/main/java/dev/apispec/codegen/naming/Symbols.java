package dev.apispec.codegen.naming;

import com.palantir.javapoet.ClassName;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.TypeDef;

/**
 * Decides the Java name of every generated artifact: classes, accessors, methods and fields.
 * Emitters ask here and never make up a name themselves.
 */
public final class Symbols {
  private final String packageName;
  private final String apiName;

  public Symbols(ApiInfo api) {
    this.packageName = api.packageName();
    this.apiName = api.name();
  }

  public String clientPackage() {
    return packageName;
  }

  public String modelPackage() {
    return packageName + ".model";
  }

  public ClassName client() {
    return ClassName.get(packageName, apiName + "Client");
  }

  public ClassName apiException() {
    return ClassName.get(packageName, apiName + "ApiException");
  }

  public ClassName type(String typeName) {
    return ClassName.get(modelPackage(), typeName);
  }

  public ClassName groupClass(GroupDef group) {
    return ClassName.get(packageName, JavaNames.upperCamel(group.name()) + "Api");
  }

  public static String groupAccessor(GroupDef group) {
    return JavaNames.lowerCamel(group.name());
  }

  /** The method name: as the spec says, or the path after the group's prefix in lower camel case. */
  public static String methodName(GroupDef group, EndpointDef endpoint) {
    if (endpoint.name() != null) {
      return endpoint.name();
    }
    String rest = group.prefix() != null && endpoint.path().startsWith(group.prefix())
        ? endpoint.path().substring(group.prefix().length())
        : endpoint.path();
    return JavaNames.lowerCamel(rest);
  }

  public static String endpointConstant(String methodName) {
    return JavaNames.upperSnake(methodName);
  }

  public static String fieldName(TypeDef.FieldDef field) {
    return field.javaName() != null ? field.javaName() : JavaNames.lowerCamel(field.wireName());
  }
}
