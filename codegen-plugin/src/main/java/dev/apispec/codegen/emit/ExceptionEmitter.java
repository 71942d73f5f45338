package dev.apispec.codegen.emit;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.runtime.ApiErrorException;
import javax.lang.model.element.Modifier;

/** Writes the API's own exception for calls the server answers with a failure code. */
final class ExceptionEmitter {
  private final Symbols symbols;

  ExceptionEmitter(Symbols symbols) {
    this.symbols = symbols;
  }

  JavaFile emit(ApiInfo api) {
    TypeSpec.Builder type = TypeSpec.classBuilder(symbols.apiException())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ApiErrorException.class)
        .addJavadoc("The $L API answered a call with a result code other than success.\n\n", api.name())
        .addJavadoc("<p>{@link #code()} is the code the server sent and {@link #getMessage()} its message, as sent.\n")
        .addField(FieldSpec.builder(TypeName.LONG, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("1L").build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates the exception for a failed call of {@code endpoint}.\n\n")
            .addJavadoc("@param endpoint the endpoint that failed, as {@code METHOD /path}\n"
                + "@param httpStatus the HTTP status of the response\n"
                + "@param code the result code the server sent\n"
                + "@param message the server's message, as sent\n")
            .addParameter(String.class, "endpoint")
            .addParameter(TypeName.INT, "httpStatus")
            .addParameter(TypeName.INT, "code")
            .addParameter(String.class, "message")
            .addStatement("super(endpoint, httpStatus, code, message)")
            .build());
    return GeneratedFile.of(symbols.clientPackage(), type, api.location());
  }
}
