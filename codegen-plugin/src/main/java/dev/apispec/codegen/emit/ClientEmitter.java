package dev.apispec.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.naming.JavaNames;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.spec.Location;
import dev.apispec.runtime.ApiResponseTooLargeException;
import dev.apispec.runtime.ApiTransport;
import dev.apispec.runtime.RetryPolicy;
import dev.apispec.runtime.JsonEnvelope;
import dev.apispec.runtime.ProtoStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/** Writes the client class: its builder, and one accessor per group. */
final class ClientEmitter {
  private final ApiInfo api;
  private final Symbols symbols;

  ClientEmitter(ApiInfo api, Symbols symbols) {
    this.api = api;
    this.symbols = symbols;
  }

  JavaFile emit(List<GroupDef> groups) {
    ClassName client = symbols.client();
    ClassName builder = client.nestedClass("Builder");
    String credential = JavaNames.lowerCamel(api.authHeader());

    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("$L\n\n", api.doc() == null ? "A client of the " + api.name() + " API." : Javadoc.escape(api.doc()))
        .addJavadoc("<p>Create one with {@link #builder()}. A client is immutable and safe to share between threads;"
            + " the {@code $L} it sends is never printed.\n", Javadoc.escape(api.authHeader()))
        .addField(FieldSpec.builder(URI.class, "DEFAULT_BASE_URI", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The base URI the spec names.\n")
            .initializer("$T.create($S)", URI.class, api.baseUrl())
            .build())
        .addField(ApiTransport.class, "transport", Modifier.PRIVATE, Modifier.FINAL);

    CodeBlock.Builder transport = CodeBlock.builder()
        .add("this.transport = $T.builder()\n", ApiTransport.class).indent().indent()
        .add(".baseUri(builder.baseUri)\n")
        .add(".auth($S, builder.$N)\n", api.authHeader(), credential)
        .add(".requestTimeout(builder.requestTimeout)\n")
        .add(".httpClient(builder.httpClient)\n")
        .add(".retryPolicy(builder.retryPolicy)\n")
        .add(".maxResponseBytes(builder.maxResponseBytes)\n")
        .add(".errorFactory($T::new)\n", symbols.apiException());
    if (api.json() != null) {
      ApiInfo.JsonSettings json = api.json();
      transport.add(".jsonContentType($S)\n", json.contentType())
          .add(".jsonEnvelope(new $T($S, $S, $S, $L))\n", JsonEnvelope.class, json.codeField(), json.messageField(),
              json.dataField(), json.successCode());
    }
    if (api.protobuf() != null) {
      ApiInfo.ProtobufSettings proto = api.protobuf();
      transport.add(".protobufContentType($S)\n", proto.contentType())
          .add(".protoStatus(new $T($S, $S, $S, $L))\n", ProtoStatus.class, proto.statusField(), proto.codeField(),
              proto.messageField(), proto.successCode());
    }
    transport.add(".build();\n").unindent().unindent();

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder")
        .addCode(transport.build());
    for (GroupDef group : groups) {
      String accessor = Symbols.groupAccessor(group);
      ClassName groupClass = symbols.groupClass(group);
      type.addField(groupClass, accessor, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$N = new $T(transport)", accessor, groupClass);
      type.addMethod(MethodSpec.methodBuilder(accessor)
          .addModifiers(Modifier.PUBLIC)
          .returns(groupClass)
          .addJavadoc("$L\n", group.doc() == null ? "The {@code " + Javadoc.escape(group.name()) + "} endpoints."
              : Javadoc.escape(group.doc()))
          .addJavadoc("\n@return the {@code $L} endpoints\n", Javadoc.escape(group.name()))
          .addStatement("return $N", accessor)
          .build());
    }
    type.addMethod(constructor.build());
    type.addMethod(MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(builder)
        .addJavadoc("Starts a new client.\n\n@return a builder with the default base URI\n")
        .addStatement("return new $T()", builder)
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S + transport.baseUri() + $S", client.simpleName() + "{baseUri=", "}")
        .build());
    type.addType(builderType(client, builder, credential));
    return GeneratedFile.of(symbols.clientPackage(), type, sources(groups));
  }

  /** The spec files the client comes from: the one with {@code api}, then those of the groups. */
  private Location[] sources(List<GroupDef> groups) {
    return Stream.concat(Stream.of(api.location()), groups.stream().map(GroupDef::location)).toArray(Location[]::new);
  }

  private TypeSpec builderType(ClassName client, ClassName builder, String credential) {
    return TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}. Only {@link #$N(String)} is required.\n", client, credential)
        .addField(FieldSpec.builder(URI.class, "baseUri", Modifier.PRIVATE).initializer("DEFAULT_BASE_URI").build())
        .addField(String.class, credential, Modifier.PRIVATE)
        .addField(Duration.class, "requestTimeout", Modifier.PRIVATE)
        .addField(HttpClient.class, "httpClient", Modifier.PRIVATE)
        .addField(RetryPolicy.class, "retryPolicy", Modifier.PRIVATE)
        .addField(FieldSpec.builder(TypeName.LONG, "maxResponseBytes", Modifier.PRIVATE)
            .initializer("$T.DEFAULT_MAX_RESPONSE_BYTES", ApiTransport.class).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("retryPolicy")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addJavadoc("Retries failed calls of the endpoints the spec marks retryable (those that are safe to send"
                + " twice); other endpoints are never retried. No retries unless set.\n\n")
            .addJavadoc("@param retryPolicy when and how to retry, or {@code null} for none\n@return this builder\n")
            .addParameter(RetryPolicy.class, "retryPolicy")
            .addStatement("this.retryPolicy = retryPolicy")
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("maxResponseBytes")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addJavadoc("The largest response body to read; a larger one fails with {@link $T}. 16 MiB unless set.\n\n",
                ApiResponseTooLargeException.class)
            .addJavadoc("@param maxResponseBytes a positive number of bytes\n@return this builder\n")
            .addParameter(TypeName.LONG, "maxResponseBytes")
            .beginControlFlow("if (maxResponseBytes < 1)")
            .addStatement("throw new $T($S + maxResponseBytes)", IllegalArgumentException.class,
                "maxResponseBytes must be positive: ")
            .endControlFlow()
            .addStatement("this.maxResponseBytes = maxResponseBytes")
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("baseUri")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addJavadoc("Where to send requests; {@link #DEFAULT_BASE_URI} unless set. Paths are appended to it.\n\n")
            .addJavadoc("@param baseUri an absolute {@code http} or {@code https} URI\n@return this builder\n")
            .addParameter(URI.class, "baseUri")
            .addStatement("$T.requireNonNull(baseUri, $S)", Objects.class, "baseUri")
            .beginControlFlow("if (!baseUri.isAbsolute() || !(\"http\".equals(baseUri.getScheme()) || \"https\".equals(baseUri.getScheme())))")
            .addStatement("throw new $T($S + baseUri)", IllegalArgumentException.class,
                "baseUri must be an absolute http or https URI: ")
            .endControlFlow()
            .addStatement("this.baseUri = baseUri")
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder(credential)
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addJavadoc("$L\n\n", api.authDoc() == null ? "The credential." : Javadoc.escape(api.authDoc()))
            .addJavadoc("<p>Sent in the {@code $L} header of every request, and never printed.\n\n",
                Javadoc.escape(api.authHeader()))
            .addJavadoc("@param $N the secret value\n@return this builder\n", credential)
            .addParameter(String.class, credential)
            .addStatement("this.$N = $T.requireNonNull($N, $S)", credential, Objects.class, credential, credential)
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("requestTimeout")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addJavadoc("How long to wait for each response; no limit unless set.\n\n")
            .addJavadoc("@param requestTimeout a positive duration\n@return this builder\n")
            .addParameter(Duration.class, "requestTimeout")
            .beginControlFlow("if (requestTimeout.isNegative() || requestTimeout.isZero())")
            .addStatement("throw new $T($S + requestTimeout)", IllegalArgumentException.class,
                "requestTimeout must be positive: ")
            .endControlFlow()
            .addStatement("this.requestTimeout = requestTimeout")
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("httpClient")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addJavadoc("The HTTP client to send requests with; a new one unless set. It must not follow redirects, which would"
                + " carry the credential to another host.\n\n")
            .addJavadoc("@param httpClient the client to share\n@return this builder\n")
            .addParameter(HttpClient.class, "httpClient")
            .addStatement("this.httpClient = $T.requireNonNull(httpClient, $S)", Objects.class, "httpClient")
            .addStatement("return this")
            .build())
        .addMethod(MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(client)
            .addJavadoc("Creates the client.\n\n@return a new client\n@throws IllegalStateException if no {@code $L} was set\n",
                credential)
            .beginControlFlow("if ($N == null)", credential)
            .addStatement("throw new $T($S)", IllegalStateException.class,
                credential + " is required; call " + credential + "(…) before build()")
            .endControlFlow()
            .addStatement("return new $T(this)", client)
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + baseUri + $S + ($N == null ? $S : $S) + $S", builder.simpleName() + "{baseUri=",
                ", " + credential + "=", credential, "unset", "***", "}")
            .build())
        .build();
  }
}
