package dev.apispec.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.proto.ProtoCatalog;
import dev.apispec.runtime.ApiException;
import dev.apispec.runtime.ApiTransport;
import dev.apispec.runtime.Endpoint;
import dev.apispec.runtime.ResponseFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/** Writes one group of endpoints as a class with a method and an {@code …Async} twin per endpoint. */
final class GroupEmitter {
  private final ApiInfo api;
  private final Symbols symbols;
  private final ProtoCatalog protos;

  GroupEmitter(ApiInfo api, Symbols symbols, ProtoCatalog protos) {
    this.api = api;
    this.symbols = symbols;
    this.protos = protos;
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
      TypeName result = resultType(endpoint);
      TypeName boxed = result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result;
      String constant = Symbols.endpointConstant(method);
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Endpoint.class), boxed), constant,
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(endpoint.retryable() ? "new $T<>($S, $S, $L, true)" : "new $T<>($S, $S, $L)",
              Endpoint.class, endpoint.method(), endpoint.path(), format(endpoint))
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
    TypeName result = resultType(endpoint);
    TypeName boxed = result.equals(TypeName.VOID) ? ClassName.get(Void.class) : result;
    TypeName requestType = endpoint.request() == null ? null : bodyType(endpoint.request());
    CodeBlock argument = requestType == null
        ? CodeBlock.of("null")
        : CodeBlock.of("$T.requireNonNull(request, $S)", Objects.class, "request");

    MethodSpec.Builder sync = MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC)
        .returns(result)
        .addJavadoc(javadoc(endpoint, requestType != null, !result.equals(TypeName.VOID)));
    if (result.equals(TypeName.VOID)) {
      sync.addStatement("transport.call($N, $L)", constant, argument);
    } else {
      sync.addStatement("return transport.call($N, $L)", constant, argument);
    }

    // One sentence, with tags as short: the parameter and the exceptions are those of the method it links to.
    ClassName futureRaw = ClassName.get(CompletableFuture.class);
    MethodSpec.Builder async = MethodSpec.methodBuilder(method + "Async")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(futureRaw, boxed))
        .addJavadoc("Like {@link #$L($L)}, without blocking: the future completes $L, or fails with the same"
            + " exceptions.\n\n", method, requestType == null ? "" : rawName(requestType),
            result.equals(TypeName.VOID) ? "when the call succeeds" : "with the response")
        .addJavadoc(requestType == null ? "" : "@param request the request body\n")
        .addJavadoc("@return the future $L\n", result.equals(TypeName.VOID) ? "of the call"
            : endpoint.response() instanceof EndpointDef.ProtobufBody ? "response message" : "response data")
        .addStatement("return transport.callAsync($N, $L)", constant, argument);
    if (requestType != null) {
      sync.addParameter(requestType, "request");
      async.addParameter(requestType, "request");
    }
    if (endpoint.deprecated()) {
      sync.addAnnotation(Deprecated.class);
      async.addAnnotation(Deprecated.class);
    }
    type.addMethod(sync.build());
    type.addMethod(async.build());
  }

  private static String rawName(TypeName type) {
    return type instanceof ClassName className ? String.join(".", className.simpleNames()) : type.toString();
  }

  private CodeBlock javadoc(EndpointDef endpoint, boolean hasRequest, boolean hasResult) {
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("$L\n\n", endpoint.doc() == null ? "Calls {@code " + Javadoc.escape(endpoint.path()) + "}."
        : Javadoc.escape(endpoint.doc()));
    doc.add("<p>{@code $L $L}\n", endpoint.method(), Javadoc.escape(endpoint.path()));
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
    if (hasRequest || hasResult) {
      doc.add("\n");
    }
    if (hasRequest) {
      doc.add("@param request the request body\n");
    }
    if (hasResult) {
      doc.add("@return the response $L\n", endpoint.response() instanceof EndpointDef.ProtobufBody ? "message" : "data");
    }
    return doc.build();
  }

  private CodeBlock format(EndpointDef endpoint) {
    EndpointDef.Body response = endpoint.response();
    if (response == null) {
      return CodeBlock.of("$T.jsonNoData()", ResponseFormat.class);
    }
    if (response instanceof EndpointDef.ProtobufBody proto) {
      return CodeBlock.of("$T.protobuf($T.parser())", ResponseFormat.class, protoClass(proto));
    }
    return CodeBlock.of("$T.jsonData($T.class)", ResponseFormat.class,
        symbols.type(((EndpointDef.JsonBody) response).typeName()));
  }

  private TypeName resultType(EndpointDef endpoint) {
    return endpoint.response() == null ? TypeName.VOID : bodyType(endpoint.response());
  }

  private TypeName bodyType(EndpointDef.Body body) {
    if (body instanceof EndpointDef.ProtobufBody proto) {
      return protoClass(proto);
    }
    return symbols.type(((EndpointDef.JsonBody) body).typeName());
  }

  private ClassName protoClass(EndpointDef.ProtobufBody body) {
    ProtoCatalog.Message message = protos.find(body.messageName());
    if (message == null) {
      throw new IllegalStateException("unvalidated protobuf message " + body.messageName() + " in " + api.name());
    }
    return message.javaClass();
  }
}
