package dev.apispec.codegen.emit;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.naming.JavaNames;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.runtime.CommaSeparated;
import dev.apispec.runtime.JsonString;
import dev.apispec.runtime.UnknownFields;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes an object type as a record that a plain Jackson {@code ObjectMapper} reads and writes as the
 * exact wire JSON, keeping unknown properties.
 */
final class RecordEmitter {
  private static final TypeName UNKNOWN_MAP = ParameterizedTypeName.get(
      ClassName.get(Map.class), ClassName.get(String.class), ClassName.get(Object.class));

  private final Symbols symbols;
  private final JavaSurface surface;

  RecordEmitter(Symbols symbols) {
    this.symbols = symbols;
    this.surface = new JavaSurface(symbols, null);
  }

  JavaFile emit(TypeDef.ObjectDef object) {
    ClassName name = symbols.type(object.name());
    TypeSpec.Builder record = TypeSpec.recordBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(AnnotationSpec.builder(JsonInclude.class)
            .addMember("value", "$T.Include.NON_NULL", JsonInclude.class)
            .build());
    if (!object.fields().isEmpty()) {
      CodeBlock.Builder order = CodeBlock.builder().add("{");
      for (int i = 0; i < object.fields().size(); i++) {
        order.add(i == 0 ? "$S" : ", $S", object.fields().get(i).wireName());
      }
      record.addAnnotation(AnnotationSpec.builder(JsonPropertyOrder.class)
          .addMember("value", order.add("}").build())
          .build());
    }

    CodeBlock.Builder javadoc = CodeBlock.builder();
    javadoc.add(object.doc() == null ? "The {@code $L} object." : "$L", object.doc() == null
        ? object.name() : Javadoc.escape(object.doc()));
    javadoc.add("\n\n");

    MethodSpec.Builder canonical = MethodSpec.constructorBuilder();
    MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc(object.fields().stream().anyMatch(TypeDef.FieldDef::required)
            ? "Checks that the required components are set, and keeps a copy of the unknown properties.\n\n"
            : "Keeps a copy of the unknown properties.\n\n");
    // Each @param links to its component rather than repeating the record's documentation.
    MethodSpec.Builder convenience = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates a {@code $L} with no unknown properties.\n\n", object.name());
    CodeBlock.Builder delegate = CodeBlock.builder().add("this(");

    for (TypeDef.FieldDef field : object.fields()) {
      String javaName = Symbols.fieldName(field);
      TypeName type = surface.component(field);
      ParameterSpec.Builder component = ParameterSpec.builder(type, javaName)
          .addAnnotation(AnnotationSpec.builder(JsonProperty.class).addMember("value", "$S", field.wireName()).build());
      switch (field.format()) {
        case COMMA_SEPARATED -> addCodec(component, CommaSeparated.Serializer.class, CommaSeparated.Deserializer.class);
        case JSON_STRING -> addCodec(component, JsonString.Serializer.class, JsonString.Deserializer.class);
        case STRING -> component.addAnnotation(AnnotationSpec.builder(JsonFormat.class)
            .addMember("shape", "$T.Shape.STRING", JsonFormat.class).build());
        case PLAIN -> { }
      }
      canonical.addParameter(component.build());
      convenience.addParameter(type, javaName).addJavadoc(seeComponent(javaName));
      compact.addJavadoc(seeComponent(javaName));
      delegate.add("$N, ", javaName);
      javadoc.add("@param $L $L\n", javaName, fieldDoc(field));
      if (field.required()) {
        compact.addStatement("$T.requireNonNull($N, $S)", Objects.class, javaName, field.wireName() + " is required");
      }
    }
    canonical.addParameter(ParameterSpec.builder(UNKNOWN_MAP, JavaNames.UNKNOWN_FIELDS)
        .addAnnotation(JsonAnySetter.class)
        .addAnnotation(JsonAnyGetter.class)
        .build());
    compact.addJavadoc(seeComponent(JavaNames.UNKNOWN_FIELDS));
    javadoc.add("@param $L properties the spec does not describe, kept so that writing this value back loses"
        + " nothing\n", JavaNames.UNKNOWN_FIELDS);
    // Most payloads have no unknown properties: share one empty map instead of copying Jackson's empty one.
    // emptyMap(), not Map.of(), because it answers get(null) and containsKey(null) as the copy does.
    // A known property kept there as an explicit null must not be written twice once it has a value.
    CodeBlock.Builder known = CodeBlock.builder();
    for (TypeDef.FieldDef field : object.fields()) {
      known.add(",$W$S, $N", field.wireName(), Symbols.fieldName(field));
    }
    compact.addStatement("$N = $N == null || $N.isEmpty() ? $T.emptyMap()$W: $T.copyOf($N$L)",
        JavaNames.UNKNOWN_FIELDS, JavaNames.UNKNOWN_FIELDS, JavaNames.UNKNOWN_FIELDS, Collections.class,
        UnknownFields.class, JavaNames.UNKNOWN_FIELDS, known.build());
    delegate.add("$T.of())", Map.class);
    convenience.addStatement(delegate.build());

    record.recordConstructor(canonical.build())
        .addJavadoc(javadoc.build())
        .addMethod(compact.build());
    if (!object.fields().isEmpty()) {
      record.addMethod(convenience.build());
    }
    if (object.fields().stream().anyMatch(TypeDef.FieldDef::secret)) {
      record.addMethod(toStringWithoutSecrets(object));
    }
    return GeneratedFile.of(symbols.modelPackage(), record, object.location());
  }

  /** A constructor's {@code @param}: a link to the component, whose documentation is the record's. */
  private static CodeBlock seeComponent(String javaName) {
    return CodeBlock.of("@param $L see {@link #$L()}\n", javaName, javaName);
  }

  private static void addCodec(ParameterSpec.Builder component, Class<?> serializer, Class<?> deserializer) {
    component.addAnnotation(AnnotationSpec.builder(JsonSerialize.class)
        .addMember("using", "$T.class", serializer).build());
    component.addAnnotation(AnnotationSpec.builder(JsonDeserialize.class)
        .addMember("using", "$T.class", deserializer).build());
  }

  /** The record's own {@code toString()}, with {@code ***} for each secret that is set. */
  private static MethodSpec toStringWithoutSecrets(TypeDef.ObjectDef object) {
    CodeBlock.Builder text = CodeBlock.builder().add("return ");
    String label = object.name() + "[";
    for (TypeDef.FieldDef field : object.fields()) {
      String javaName = Symbols.fieldName(field);
      if (field.secret()) {
        text.add("$S + ($N == null ? $S : $S)$W+ ", label + javaName + "=", javaName, "null", "***");
      } else {
        text.add("$S + $N$W+ ", label + javaName + "=", javaName);
      }
      label = ", ";
    }
    text.add("$S + $N + $S", label + JavaNames.UNKNOWN_FIELDS + "=", JavaNames.UNKNOWN_FIELDS, "]");
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("Like the record's own, with {@code ***} in place of each secret.\n\n@return the components,"
            + " secrets hidden\n")
        .addStatement(text.build())
        .build();
  }

  private static String fieldDoc(TypeDef.FieldDef field) {
    StringBuilder doc = new StringBuilder(Javadoc.sentence(field.doc() == null
        ? "The <code>" + Javadoc.escape(field.wireName()) + "</code> property"
        : Javadoc.escape(field.doc())));
    if (field.doc() != null && !field.wireName().equals(Symbols.fieldName(field))) {
      doc.append(" On the wire: <code>").append(Javadoc.escape(field.wireName())).append("</code>.");
    }
    if (field.required()) {
      doc.append(" Required.");
    }
    switch (field.format()) {
      case COMMA_SEPARATED -> doc.append(" Sent as one comma-separated string.");
      case STRING -> doc.append(" Sent as a string.");
      case JSON_STRING -> doc.append(" Sent as JSON text inside a string.");
      case PLAIN -> { }
    }
    if (field.secret()) {
      doc.append(" A secret: not shown by <code>toString()</code>.");
    }
    if (field.example() != null) {
      doc.append(" Example: ").append(Javadoc.code(field.example())).append('.');
    }
    return doc.toString();
  }
}
