package dev.apispec.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.runtime.ApiException;
import dev.apispec.runtime.ApiTransport;
import dev.apispec.runtime.Calls;
import dev.apispec.runtime.Endpoint;
import dev.apispec.runtime.HeaderParam;
import dev.apispec.runtime.JsonEnvelope;
import dev.apispec.runtime.Params;
import dev.apispec.runtime.PathParam;
import dev.apispec.runtime.QueryParam;
import dev.apispec.runtime.RawBody;
import dev.apispec.runtime.ResponseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/** Writes one group of endpoints as a class with a method and an {@code …Async} twin per endpoint. */
final class GroupEmitter {
  private final ApiInfo api;
  private final Symbols symbols;
  private final JavaSurface surface;
  /** The int enums of the spec whose constants are the answers of a {@code codes} response. */
  private final Map<String, TypeDef.EnumDef> enums;

  GroupEmitter(ApiInfo api, Symbols symbols, ProtoCatalog protos, Map<String, TypeDef.EnumDef> enums) {
    this.api = api;
    this.symbols = symbols;
    this.surface = new JavaSurface(symbols, protos);
    this.enums = enums;
  }

  JavaFile emit(GroupDef group) {
    ClassName name = symbols.groupClass(group);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("$L\n\n", group.doc() == null ? "The {@code " + Javadoc.escape(group.name()) + "} endpoints."
            : Javadoc.escape(group.doc()))
        // Said once here rather than as @throws on every method, as they are the same for all of them.
        .addJavadoc("<p>Get it from {@link $T#$L()}. Every method throws {@link $T} when the server answers with a"
            + " failure code, and another {@link $T} when the call fails otherwise: HTTP status, undecodable body,"
            + " timeout or connection. Each has an {@code …Async} twin whose future fails with the same exceptions.\n",
            symbols.client(), Symbols.groupAccessor(group), symbols.apiException(), ApiException.class);

    for (EndpointDef endpoint : group.endpoints()) {
      String method = Symbols.methodName(group, endpoint);
      TypeName result = surface.result(endpoint);
      TypeName boxed = result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result.box();
      String constant = Symbols.endpointConstant(method);
      boolean authenticated = group.authenticated(endpoint, api);
      String host = group.host(endpoint);
      CodeBlock initializer;
      if (authenticated && host == null) {
        initializer = CodeBlock.of(endpoint.retryable() ? "new $T<>($S, $S, $L, true)" : "new $T<>($S, $S, $L)",
            Endpoint.class, endpoint.method(), endpoint.path(), format(group, endpoint));
      } else {
        initializer = CodeBlock.of("new $T<>($S, $S, $L, $L, $L, $S)", Endpoint.class, endpoint.method(),
            endpoint.path(), format(group, endpoint), endpoint.retryable(), authenticated, host);
      }
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Endpoint.class), boxed), constant,
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(initializer)
          .build());
    }
    type.addField(ApiTransport.class, "transport", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addParameter(ApiTransport.class, "transport")
        .addStatement("this.transport = transport")
        .build());

    for (EndpointDef endpoint : group.endpoints()) {
      addMethods(type, group, endpoint);
    }
    return GeneratedFile.of(symbols.clientPackage(), type, group.location());
  }

  private void addMethods(TypeSpec.Builder type, GroupDef group, EndpointDef endpoint) {
    String method = Symbols.methodName(group, endpoint);
    String constant = Symbols.endpointConstant(method);
    TypeName result = surface.result(endpoint);
    TypeName boxed = result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result.box();
    TypeName requestType = endpoint.request() == null ? null : surface.body(endpoint.request());

    List<ParameterSpec> parameters = new ArrayList<>();
    CodeBlock.Builder params = CodeBlock.builder().add("$T.create()", Params.class).indent();
    for (EndpointDef.ParamDef param : endpoint.params()) {
      String name = Symbols.paramName(param);
      TypeName javaType = surface.param(param);
      Class<?> where = switch (param.in()) {
        case PATH -> PathParam.class;
        case QUERY -> QueryParam.class;
        case HEADER -> HeaderParam.class;
      };
      parameters.add(ParameterSpec.builder(javaType, name)
          .addAnnotation(AnnotationSpec.builder(where).addMember("value", "$S", param.wireName()).build())
          .build());
      params.add("\n.$L($S, $L)", param.in().specName(), param.wireName(), paramValue(param, name, javaType));
    }
    params.unindent();
    CodeBlock body = CodeBlock.of("null");
    if (requestType != null) {
      parameters.add(ParameterSpec.builder(requestType, "request").build());
      CodeBlock checked = CodeBlock.of("$T.requireNonNull(request, $S)", Objects.class, "request");
      if (endpoint.request() instanceof EndpointDef.TextBody text) {
        body = CodeBlock.of("$T.text($L, $S)", RawBody.class, checked, text.contentType());
      } else if (endpoint.request() instanceof EndpointDef.BytesBody bytes) {
        body = CodeBlock.of("$T.bytes($L, $S)", RawBody.class, checked, bytes.contentType());
      } else {
        body = checked;
      }
    }
    CodeBlock arguments = endpoint.params().isEmpty()
        ? CodeBlock.of("$N, $L", constant, body)
        : CodeBlock.of("$N, $L, $L", constant, params.build(), body);

    AnnotationSpec.Builder callsBuilder = AnnotationSpec.builder(Calls.class)
        .addMember("method", "$S", endpoint.method())
        .addMember("path", "$S", endpoint.path());
    if (group.host(endpoint) != null) {
      // the same method and path may exist on two hosts
      callsBuilder.addMember("host", "$S", group.host(endpoint));
    }
    AnnotationSpec calls = callsBuilder.build();
    MethodSpec.Builder sync = MethodSpec.methodBuilder(method)
        .addAnnotation(calls)
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addParameters(parameters)
        .addJavadoc(javadoc(endpoint, requestType != null, !result.equals(TypeName.VOID)));
    if (result.equals(TypeName.VOID)) {
      sync.addStatement("transport.call($L)", arguments);
    } else {
      sync.addStatement("return transport.call($L)", arguments);
    }

    // One sentence: the parameters and the exceptions are those of the method it links to.
    ClassName futureRaw = ClassName.get(CompletableFuture.class);
    MethodSpec.Builder async = MethodSpec.methodBuilder(Symbols.asyncMethodName(method))
        .addAnnotation(calls)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(futureRaw, boxed))
        .addParameters(parameters)
        .addJavadoc("Like {@link #$L($L)}, without blocking: the future completes $L, or fails with the same"
            + " exceptions.\n\n", method, String.join(", ", parameters.stream().map(p -> rawName(p.type())).toList()),
            result.equals(TypeName.VOID) ? "when the call succeeds" : "with the response");
    for (ParameterSpec parameter : parameters) {
      async.addJavadoc("@param $N $L\n", parameter, parameter.name().equals("request") && requestType != null
          ? "the request body" : "as for the blocking method");
    }
    async.addJavadoc("@return the future $L\n", result.equals(TypeName.VOID) ? "of the call"
            : "of " + returnDoc(endpoint.response()))
        .addStatement("return transport.callAsync($L)", arguments);
    if (endpoint.deprecated()) {
      sync.addAnnotation(Deprecated.class);
      async.addAnnotation(Deprecated.class);
    }
    type.addMethod(sync.build());
    type.addMethod(async.build());
  }

  /** The value a parameter is sent as: enums as their wire value, required ones checked for null. */
  private CodeBlock paramValue(EndpointDef.ParamDef param, String name, TypeName javaType) {
    boolean list = param.type() instanceof TypeRef.ListOf;
    TypeRef element = list ? ((TypeRef.ListOf) param.type()).element() : param.type();
    boolean isEnum = element instanceof TypeRef.Named;
    CodeBlock checked = param.required() && !javaType.isPrimitive()
        ? CodeBlock.of("$T.requireNonNull($N, $S)", Objects.class, name, name)
        : CodeBlock.of("$N", name);
    if (!isEnum) {
      return checked;
    }
    ClassName enumClass = symbols.type(((TypeRef.Named) element).name());
    if (list) {
      return param.required()
          ? CodeBlock.of("$L.stream().map($T::value).toList()", checked, enumClass)
          : CodeBlock.of("$N == null ? null : $N.stream().map($T::value).toList()", name, name, enumClass);
    }
    return param.required()
        ? CodeBlock.of("$L.value()", checked)
        : CodeBlock.of("$N == null ? null : $N.value()", name, name);
  }

  private static String rawName(TypeName type) {
    if (type instanceof ParameterizedTypeName parameterized) {
      type = parameterized.rawType();
    }
    return type instanceof ClassName className ? String.join(".", className.simpleNames()) : type.toString();
  }

  private CodeBlock javadoc(EndpointDef endpoint, boolean hasRequest, boolean hasResult) {
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("$L\n\n", endpoint.doc() == null ? "Calls {@code " + Javadoc.escape(endpoint.path()) + "}."
        : Javadoc.escape(endpoint.doc()));
    doc.add("<p><code>$L $L</code>\n", endpoint.method(), Javadoc.escape(endpoint.path()));
    if (!endpoint.errors().isEmpty()) {
      doc.add("\n<p>Failures the API is known to answer with:\n<ul>\n");
      for (EndpointDef.ErrorDef error : endpoint.errors()) {
        doc.add("  <li>{@code $L}", error.code());
        if (error.message() != null) {
          doc.add(" $L", Javadoc.code(error.message()));
        }
        if (error.doc() != null) {
          doc.add(": $L", Javadoc.escape(error.doc()));
        }
        doc.add("\n");
      }
      doc.add("</ul>\n");
    }
    if (hasRequest || hasResult || !endpoint.params().isEmpty()) {
      doc.add("\n");
    }
    for (EndpointDef.ParamDef param : endpoint.params()) {
      doc.add("@param $L $L\n", Symbols.paramName(param), paramDoc(param));
    }
    if (hasRequest) {
      doc.add("@param request the request body\n");
    }
    if (hasResult) {
      doc.add("@return $L\n", returnDoc(endpoint.response()));
    }
    return doc.build();
  }

  private static String returnDoc(EndpointDef.Body response) {
    if (response instanceof EndpointDef.ProtobufBody) {
      return "the response message";
    }
    if (response instanceof EndpointDef.TextBody) {
      return "the response text";
    }
    if (response instanceof EndpointDef.BytesBody) {
      return "the response body";
    }
    if (response instanceof EndpointDef.CodesBody codes) {
      if (!codes.isBoolean()) {
        return "the answer the server's code stands for";
      }
      StringBuilder doc = new StringBuilder();
      for (boolean value : new boolean[] {true, false}) {
        List<String> matching = codes.answers().stream().filter(a -> a.value() == value)
            .map(a -> String.valueOf(a.code())).toList();
        doc.append(doc.length() == 0 ? "" : ", ").append("{@code ").append(value).append("} when the code is ")
            .append(String.join(" or ", matching));
      }
      return doc.toString();
    }
    return "the response data";
  }

  private static String paramDoc(EndpointDef.ParamDef param) {
    String where = switch (param.in()) {
      case PATH -> "In the path as <code>&#123;" + Javadoc.escape(param.wireName()) + "&#125;</code>.";
      case QUERY -> "The query parameter <code>" + Javadoc.escape(param.wireName()) + "</code>.";
      case HEADER -> "The header <code>" + Javadoc.escape(param.wireName()) + "</code>.";
    };
    StringBuilder doc = new StringBuilder();
    if (param.doc() != null) {
      doc.append(Javadoc.sentence(Javadoc.escape(param.doc()))).append(' ');
    }
    doc.append(where);
    if (!param.required()) {
      doc.append(" Optional: {@code null} sends none.");
    }
    if (param.example() != null) {
      doc.append(" Example: ").append(Javadoc.code(param.example())).append('.');
    }
    return doc.toString();
  }

  private CodeBlock format(GroupDef group, EndpointDef endpoint) {
    EndpointDef.Body response = endpoint.response();
    EndpointDef.EnvelopeDef envelope = group.envelope(endpoint);
    if (response instanceof EndpointDef.ProtobufBody proto) {
      return CodeBlock.of("$T.protobuf($T.parser())", ResponseFormat.class, surface.protoClass(proto));
    }
    if (response instanceof EndpointDef.TextBody text) {
      return CodeBlock.of("$T.text($S)", ResponseFormat.class, text.contentType());
    }
    if (response instanceof EndpointDef.BytesBody bytes) {
      return CodeBlock.of("$T.bytes($S)", ResponseFormat.class, bytes.contentType());
    }
    if (response instanceof EndpointDef.CodesBody codes) {
      return CodeBlock.of("$T.codes($L, $L)", ResponseFormat.class,
          envelope == null ? CodeBlock.of("null") : envelope(envelope), answers(codes));
    }
    if (response == null) {
      return envelope == null ? CodeBlock.of("$T.jsonNoData()", ResponseFormat.class)
          : CodeBlock.of("$T.jsonNoData($L)", ResponseFormat.class, envelope(envelope));
    }
    ClassName data = symbols.type(((EndpointDef.JsonBody) response).typeName());
    if (envelope == null) {
      return CodeBlock.of("$T.jsonData($T.class)", ResponseFormat.class, data);
    }
    if (envelope.payloadBeside()) {
      return CodeBlock.of("$T.jsonBeside($T.class, $L)", ResponseFormat.class, data, envelope(envelope));
    }
    return envelope.none() ? CodeBlock.of("$T.jsonBody($T.class)", ResponseFormat.class, data)
        : CodeBlock.of("$T.jsonData($T.class, $L)", ResponseFormat.class, data, envelope(envelope));
  }

  private static CodeBlock envelope(EndpointDef.EnvelopeDef envelope) {
    if (envelope.messageOnly()) {
      return CodeBlock.of("$T.messageOnly($S)", JsonEnvelope.class, envelope.messageField());
    }
    if (envelope.dataField() == null) {
      return CodeBlock.of("$T.of($S, $S, null, $L)", JsonEnvelope.class, envelope.codeField(),
          envelope.messageField(), envelope.successCode());
    }
    return CodeBlock.of("new $T($S, $S, $S, $L)", JsonEnvelope.class, envelope.codeField(), envelope.messageField(),
        envelope.dataField(), envelope.successCode());
  }

  /** {@code Map.of(1, true, 2, false)}, or the codes of an enum's constants. */
  private CodeBlock answers(EndpointDef.CodesBody codes) {
    List<CodeBlock> entries = new ArrayList<>();
    if (codes.isBoolean()) {
      codes.answers().forEach(a -> entries.add(CodeBlock.of("$L, $L", a.code(), a.value())));
    } else {
      ClassName enumClass = symbols.type(codes.enumName());
      enums.get(codes.enumName()).values().forEach(v -> entries.add(CodeBlock.of("$L, $T.$N", v.value(), enumClass,
          v.name())));
    }
    if (entries.size() <= 10) {
      return CodeBlock.of("$T.of($L)", Map.class, CodeBlock.join(entries, ", "));
    }
    List<CodeBlock> wrapped = entries.stream().map(e -> CodeBlock.of("$T.entry($L)", Map.class, e)).toList();
    return CodeBlock.of("$T.ofEntries($L)", Map.class, CodeBlock.join(wrapped, ",$W"));
  }
}
