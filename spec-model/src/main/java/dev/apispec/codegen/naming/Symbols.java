package dev.apispec.codegen.naming;

import com.palantir.javapoet.ClassName;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.TypeDef;
import java.util.LinkedHashSet;
import java.util.Set;

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
    return ClassName.get(packageName, groupClassName(group));
  }

  /** The simple name of a group's class: {@code group-tag} → {@code GroupTagApi}. */
  public static String groupClassName(GroupDef group) {
    return JavaNames.upperCamel(group.name()) + "Api";
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

  /** The non-blocking twin of {@code methodName}. */
  public static String asyncMethodName(String methodName) {
    return methodName + "Async";
  }

  /** The client builder's setter of the credential, named after its header ({@code token} → {@code token}). */
  public static String credentialSetter(ApiInfo api) {
    return api.authHeader() == null ? null : JavaNames.lowerCamel(api.authHeader());
  }

  /** The client's method that derives a client with another credential ({@code token} → {@code withToken}). */
  public static String withCredential(ApiInfo api) {
    return api.authHeader() == null ? null : "with" + JavaNames.upperCamel(api.authHeader());
  }

  /** The client builder's setter of a named host's base URI ({@code web} → {@code webBaseUri}). */
  public static String hostSetter(String host) {
    return JavaNames.lowerCamel(host) + "BaseUri";
  }

  /** The client's constant holding a named host's default base URI ({@code web} → {@code DEFAULT_WEB_BASE_URI}). */
  public static String hostConstant(String host) {
    return "DEFAULT_" + JavaNames.upperSnake(JavaNames.lowerCamel(host)) + "_BASE_URI";
  }

  /** The builder methods every generated client builder has, whatever the spec says. */
  public static final Set<String> BUILDER_METHODS =
      Set.of("baseUri", "allBaseUris", "requestTimeout", "httpClient", "retryPolicy", "maxResponseBytes", "build",
          "toString");

  /** The members of every generated client that a group accessor may not take. */
  public static final Set<String> CLIENT_MEMBERS = Set.of("builder", "transport", "toString");

  /**
   * The names of a generated endpoint method's locals and the fields it uses, which a parameter may not take:
   * the body's parameter, and the group's transport.
   */
  public static final Set<String> RESERVED_PARAMETERS = Set.of("request", "transport");

  /** Every builder method of {@code api}'s client that the spec names: the credential's and the hosts'. */
  public static Set<String> namedBuilderMethods(ApiInfo api) {
    Set<String> names = new LinkedHashSet<>();
    if (api.authHeader() != null) {
      names.add(credentialSetter(api));
    }
    api.hosts().forEach(host -> names.add(hostSetter(host.name())));
    return names;
  }

  /** The Java name of a parameter: as the spec says, or its wire name in lower camel case. */
  public static String paramName(EndpointDef.ParamDef param) {
    return param.javaName() != null ? param.javaName() : JavaNames.lowerCamel(param.wireName());
  }

  public static String endpointConstant(String methodName) {
    return JavaNames.upperSnake(methodName);
  }

  public static String fieldName(TypeDef.FieldDef field) {
    return field.javaName() != null ? field.javaName() : JavaNames.lowerCamel(field.wireName());
  }
}
