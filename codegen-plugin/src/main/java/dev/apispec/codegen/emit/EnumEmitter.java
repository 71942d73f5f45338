package dev.apispec.codegen.emit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.naming.Symbols;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes an enum as an open enum: a record around its wire value with one constant per listed value.
 * A value the spec does not list still decodes, and encodes back unchanged.
 */
final class EnumEmitter {
  private final Symbols symbols;

  EnumEmitter(Symbols symbols) {
    this.symbols = symbols;
  }

  JavaFile emit(TypeDef.EnumDef enumDef) {
    ClassName name = symbols.type(enumDef.name());
    TypeName valueType = enumDef.intValued() ? TypeName.INT : ClassName.get(String.class);
    String literal = enumDef.intValued() ? "$L" : "$S";

    TypeSpec.Builder type = TypeSpec.recordBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(ParameterSpec.builder(valueType, "value").addAnnotation(JsonValue.class).build())
            .build())
        .addJavadoc("$L\n\n", enumDef.doc() == null ? "The {@code " + enumDef.name() + "} values." : Javadoc.escape(enumDef.doc()))
        .addJavadoc("<p>This enum is open: a value not listed here is kept as it is, so decoding and encoding it"
            + " again loses nothing. Compare with {@code equals}, or switch on {@link #value()}.\n\n")
        .addJavadoc("@param value the value on the wire\n");

    if (!enumDef.intValued()) {
      type.addMethod(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
          .addJavadoc("Checks that there is a value.\n\n@param value the value on the wire\n")
          .addStatement("$T.requireNonNull(value, $S)", Objects.class, "value")
          .build());
    }

    CodeBlock.Builder of = CodeBlock.builder().add("return switch (value) {\n").indent();
    CodeBlock.Builder names = CodeBlock.builder().add("return switch (value) {\n").indent();
    for (TypeDef.EnumValue value : enumDef.values()) {
      FieldSpec.Builder constant = FieldSpec.builder(name, value.name(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T(" + literal + ")", name, value.value());
      // Javadoc warns of a public constant without a comment.
      constant.addJavadoc("$L\n", value.doc() != null ? Javadoc.escape(value.doc())
          : "The value " + Javadoc.code(value.value()) + ".");
      type.addField(constant.build());
      of.add("case " + literal + " -> $N;\n", value.value(), value.name());
      names.add("case " + literal + " -> $S;\n", value.value(), value.name());
    }
    of.add("default -> new $T(value);\n", name).unindent().add("};\n");
    names.add("default -> null;\n").unindent().add("};\n");

    type.addMethod(MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        // Written as the "value" member only so that JavaPoet keeps it on one line, as a person would write
        // it: @JsonCreator(mode = JsonCreator.Mode.DELEGATING). A "mode" member spreads over three lines.
        .addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(JsonCreator.class)
            .addMember("value", "mode = $T.Mode.DELEGATING", JsonCreator.class).build())
        .addJavadoc("Returns the constant for {@code value}, or an instance that keeps a value the spec does not"
            + " list.\n\n@param value the value on the wire\n@return the matching constant, or a new instance\n")
        .returns(name)
        .addParameter(valueType, "value")
        .addCode(enumDef.intValued() ? CodeBlock.of("") : CodeBlock.of("$T.requireNonNull(value, $S);\n", Objects.class, "value"))
        .addCode(of.build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("constantName")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The name of the constant with this value.\n\n@return the name, or {@code null} when the spec does not list"
            + " this value\n")
        .returns(String.class)
        .addCode(names.build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("isKnown")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Whether the spec lists this value.\n\n@return {@code true} for one of the constants\n")
        .returns(TypeName.BOOLEAN)
        .addStatement("return constantName() != null")
        .build());
    type.addMethod(MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return isKnown() ? constantName() : $S + value + $S", enumDef.name() + "(", ")")
        .build());
    return GeneratedFile.of(symbols.modelPackage(), type, enumDef.location());
  }
}
