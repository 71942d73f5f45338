package dev.apispec.codegen.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.model.TypeRef;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.math.BigDecimal;

/**
 * The Java types a generated client shows its users: what a method returns and takes, and what a record component
 * holds. The emitters and the API reference ask here, so that the reference shows exactly what is generated.
 */
public final class JavaSurface {
  private final Symbols symbols;
  private final ProtoCatalog protos;
  private final JavaTypes javaTypes;

  public JavaSurface(Symbols symbols, ProtoCatalog protos) {
    this.symbols = symbols;
    this.protos = protos == null ? ProtoCatalog.empty() : protos;
    this.javaTypes = new JavaTypes(symbols);
  }

  /** What an endpoint's method returns: {@code void} without a response. */
  public TypeName result(EndpointDef endpoint) {
    if (endpoint.response() instanceof EndpointDef.CodesBody codes) {
      return codes.isBoolean() ? TypeName.BOOLEAN : symbols.type(codes.enumName());
    }
    return endpoint.response() == null ? TypeName.VOID : body(endpoint.response());
  }

  /** The Java type of a request or response body. */
  public TypeName body(EndpointDef.Body body) {
    if (body instanceof EndpointDef.ProtobufBody proto) {
      return protoClass(proto);
    }
    if (body instanceof EndpointDef.TextBody) {
      return ClassName.get(String.class);
    }
    if (body instanceof EndpointDef.BytesBody) {
      return ArrayTypeName.of(TypeName.BYTE);
    }
    return symbols.type(((EndpointDef.JsonBody) body).typeName());
  }

  /** A parameter's argument type: a primitive when it is a required number or boolean, so that it cannot be null. */
  public TypeName param(EndpointDef.ParamDef param) {
    return param.required() ? javaTypes.ofRequired(param.type()) : javaTypes.of(param.type());
  }

  /** A record component's type; a decimal sent as a string is a {@code BigDecimal}, which keeps its digits. */
  public TypeName component(TypeDef.FieldDef field) {
    return field.format() == TypeDef.Format.STRING && field.type() == TypeRef.Scalar.FLOAT64
        ? ClassName.get(BigDecimal.class) : javaTypes.of(field.type());
  }

  /** The class protoc generates for a body's message. */
  public ClassName protoClass(EndpointDef.ProtobufBody body) {
    ProtoCatalog.Message message = protos.find(body.messageName());
    if (message == null) {
      throw new IllegalStateException("unvalidated protobuf message " + body.messageName());
    }
    return message.javaClass();
  }
}
