package dev.apispec.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.apispec.codegen.diagnostics.Location;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.runtime.ApiResponseTooLargeException;
import dev.apispec.runtime.ApiTransport;
import dev.apispec.runtime.JsonEnvelope;
import dev.apispec.runtime.ProtoStatus;
import dev.apispec.runtime.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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

  /** @param secretFields wire names of the fields the spec marks secret, masked in the transport's messages */
  JavaFile emit(List<GroupDef> groups, Set<String> secretFields) {
    ClassName client = symbols.client();
    ClassName builder = client.nestedClass("Builder");
    String credential = Symbols.credentialSetter(api);

    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("$L\n\n", api.doc() == null ? "A client of the " + api.name() + " API." : Javadoc.escape(api.doc()))
        .addJavadoc("<p>Create one with {@link #builder()}. A client is immutable and safe to share between threads$L\n",
            credential == null ? "." : "; the {@code " + Javadoc.escape(api.authHeader()) + "} it sends is never printed.")
        .addField(FieldSpec.builder(URI.class, "DEFAULT_BASE_URI", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The base URI the spec names.\n")
            .initializer("$T.create($S)", URI.class, api.baseUrl())
            .build());
    for (ApiInfo.HostDef host : api.hosts()) {
      type.addField(FieldSpec.builder(URI.class, Symbols.hostConstant(host.name()), Modifier.PUBLIC, Modifier.STATIC,
              Modifier.FINAL)
          .addJavadoc("The base URI of the {@code $L} host: $L\n", Javadoc.escape(host.name()),
              host.doc() == null ? "where the spec places some of the endpoints." : Javadoc.escape(host.doc()))
          .initializer("$T.create($S)", URI.class, host.url())
          .build());
    }
    type.addField(ApiTransport.class, "transport", Modifier.PRIVATE, Modifier.FINAL);

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(ApiTransport.class, "transport")
        .addStatement("this.transport = transport");
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
    if (credential != null) {
      type.addMethod(MethodSpec.methodBuilder(Symbols.withCredential(api))
          .addModifiers(Modifier.PUBLIC)
          .returns(client)
          .addJavadoc("A client like this one that sends {@code $L} in the {@code $L} header: for example the"
              + " credential a sign-in call returned. The two share their HTTP client and settings.\n\n",
              credential, Javadoc.escape(api.authHeader()))
          .addJavadoc("@param $N the secret value\n@return a new client\n", credential)
          .addParameter(String.class, credential)
          .addStatement("return new $T(transport.withCredential($T.requireNonNull($N, $S)))", client, Objects.class,
              credential, credential)
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S + transport.baseUri() + $S", client.simpleName() + "{baseUri=", "}")
        .build());
    type.addType(builderType(client, builder, credential, secretFields));
    return GeneratedFile.of(symbols.clientPackage(), type, sources(groups));
  }

  /** The spec files the client comes from: the one with {@code api}, then those of the groups. */
  private Location[] sources(List<GroupDef> groups) {
    return Stream.concat(Stream.of(api.location()), groups.stream().map(GroupDef::location)).toArray(Location[]::new);
  }

  private TypeSpec builderType(ClassName client, ClassName builder, String credential, Set<String> secretFields) {
    TypeSpec.Builder type = TypeSpec.classBuilder(builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}. Every setting has a default", client)
        .addJavadoc(credential == null ? CodeBlock.of(".\n") : CodeBlock.of("; without {@link #$N(String)} the client"
            + " calls only the endpoints that need no credential, until {@link $T#$N(String)} derives one that has"
            + " it.\n", credential, client, Symbols.withCredential(api)))
        .addField(FieldSpec.builder(URI.class, "baseUri", Modifier.PRIVATE).initializer("DEFAULT_BASE_URI").build());
    for (ApiInfo.HostDef host : api.hosts()) {
      type.addField(FieldSpec.builder(URI.class, Symbols.hostSetter(host.name()), Modifier.PRIVATE)
          .initializer("$N", Symbols.hostConstant(host.name())).build());
    }
    if (credential != null) {
      type.addField(String.class, credential, Modifier.PRIVATE);
    }
    return type
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
        .addMethod(uriSetter(builder, "baseUri", "Where to send requests; {@link #DEFAULT_BASE_URI} unless set. Paths"
            + " are appended to it.\n\n"))
        .addMethods(hostSetters(builder))
        .addMethods(credentialSetter(builder, credential))
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
        .addMethod(build(client, credential, secretFields))
        .addMethod(MethodSpec.methodBuilder("httpUri")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(URI.class)
            .addParameter(URI.class, "uri")
            .addParameter(String.class, "name")
            .addStatement("$T.requireNonNull(uri, name)", Objects.class)
            .beginControlFlow("if (!uri.isAbsolute() || !(\"http\".equals(uri.getScheme()) || \"https\".equals(uri.getScheme())))")
            .addStatement("throw new $T(name + $S + uri)", IllegalArgumentException.class,
                " must be an absolute http or https URI: ")
            .endControlFlow()
            .addStatement("return uri")
            .build())
        .addMethod(builderToString(builder, credential))
        .build();
  }

  /** The builder's {@code build()}: the transport, with every setting of the spec and of the builder. */
  private MethodSpec build(ClassName client, String credential, Set<String> secretFields) {
    CodeBlock.Builder transport = CodeBlock.builder()
        .add("return new $T($T.builder()\n", client, ApiTransport.class).indent().indent()
        .add(".baseUri(baseUri)\n");
    for (ApiInfo.HostDef host : api.hosts()) {
      transport.add(".baseUri($S, $N)\n", host.name(), Symbols.hostSetter(host.name()));
    }
    if (credential != null) {
      transport.add(".auth($S, $N)\n", api.authHeader(), credential);
    }
    transport.add(".requestTimeout(requestTimeout)\n")
        .add(".httpClient(httpClient)\n")
        .add(".retryPolicy(retryPolicy)\n")
        .add(".maxResponseBytes(maxResponseBytes)\n")
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
    if (!secretFields.isEmpty()) {
      transport.add(".secretFields($T.of($L))\n", Set.class,
          CodeBlock.join(secretFields.stream().map(name -> CodeBlock.of("$S", name)).toList(), ", "));
    }
    transport.add(".build());\n").unindent().unindent();
    return MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(client)
        .addJavadoc("Creates the client.\n\n@return a new client\n")
        .addCode(transport.build())
        .build();
  }

  /** A setter of a base URI, checked to be an absolute http or https URI. */
  private static MethodSpec uriSetter(ClassName builder, String name, String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc("$L", doc)
        .addJavadoc("@param $N an absolute {@code http} or {@code https} URI\n@return this builder\n", name)
        .addParameter(URI.class, name)
        .addStatement("this.$N = httpUri($N, $S)", name, name, name)
        .addStatement("return this")
        .build();
  }

  private List<MethodSpec> hostSetters(ClassName builder) {
    List<MethodSpec> setters = new ArrayList<>();
    for (ApiInfo.HostDef host : api.hosts()) {
      setters.add(uriSetter(builder, Symbols.hostSetter(host.name()), "Where to send the requests of the endpoints on"
          + " the {@code " + Javadoc.escape(host.name()) + "} host; {@link #" + Symbols.hostConstant(host.name())
          + "} unless set.\n\n"));
    }
    MethodSpec.Builder all = MethodSpec.methodBuilder("allBaseUris")
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc("Sends every request to {@code uri}, whichever host the spec gives its endpoint: for tests against"
            + " one local server.\n\n@param uri an absolute {@code http} or {@code https} URI\n@return this builder\n")
        .addParameter(URI.class, "uri")
        .addStatement("this.baseUri = httpUri(uri, $S)", "uri");
    for (ApiInfo.HostDef host : api.hosts()) {
      all.addStatement("this.$N = uri", Symbols.hostSetter(host.name()));
    }
    setters.add(all.addStatement("return this").build());
    return setters;
  }

  private List<MethodSpec> credentialSetter(ClassName builder, String credential) {
    if (credential == null) {
      return List.of();
    }
    return List.of(MethodSpec.methodBuilder(credential)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addJavadoc("$L\n\n", api.authDoc() == null ? "The credential." : Javadoc.escape(api.authDoc()))
        .addJavadoc("<p>Sent in the {@code $L} header of every request to an endpoint that needs it, and never"
            + " printed.\n\n", Javadoc.escape(api.authHeader()))
        .addJavadoc("@param $N the secret value\n@return this builder\n", credential)
        .addParameter(String.class, credential)
        .addStatement("this.$N = $T.requireNonNull($N, $S)", credential, Objects.class, credential, credential)
        .addStatement("return this")
        .build());
  }

  private static MethodSpec builderToString(ClassName builder, String credential) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class);
    if (credential == null) {
      return method.addStatement("return $S + baseUri + $S", builder.simpleName() + "{baseUri=", "}").build();
    }
    return method.addStatement("return $S + baseUri + $S + ($N == null ? $S : $S) + $S", builder.simpleName()
        + "{baseUri=", ", " + credential + "=", credential, "unset", "***", "}").build();
  }
}
