package dev.apispec.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import java.io.IOException;
import java.io.StringWriter;

/**
 * A value that travels as JSON text inside a JSON string: the wire's {@code "{\"a\":1}"} is the Java value
 * {@code Foo(a=1)}, and is written back as a string of compact JSON. Put both on a record component:
 *
 * <pre>{@code
 * @JsonSerialize(using = JsonString.Serializer.class)
 * @JsonDeserialize(using = JsonString.Deserializer.class)
 * List<Foo> settings
 * }</pre>
 *
 * <p>The component's declared type (generic ones too) says what the text holds, and the text is read and
 * written with the mapper's own settings. JSON {@code null} is {@code null}. An empty string is refused with
 * a decode error, not read as {@code null}: it is not JSON, and a server that means "none" there would be
 * guessed at; a string that is not valid JSON for the type is refused too.
 */
public final class JsonString {
  private JsonString() {}

  /** The mapper's factory, for its limits and features; a default one when the stream has no mapper. */
  private static JsonFactory factory(ObjectCodec codec) {
    return codec != null ? codec.getFactory() : new JsonFactory();
  }

  /** Writes the value as a JSON string holding its compact JSON. */
  public static final class Serializer extends JsonSerializer<Object> implements ContextualSerializer {
    private final JavaType type;

    /** For {@code @JsonSerialize(using = …)}; the type is taken from the property. */
    public Serializer() {
      this(null);
    }

    private Serializer(JavaType type) {
      this.type = type;
    }

    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
      return property == null ? this : new Serializer(property.getType());
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      StringWriter text = new StringWriter();
      try (JsonGenerator inner = factory(gen.getCodec()).createGenerator(text)) {
        // the declared type, as a property of that type would be written; the value's own class otherwise
        JsonSerializer<Object> serializer = type != null && !type.isJavaLangObject()
            ? provider.findTypedValueSerializer(type, true, null)
            : provider.findTypedValueSerializer(value.getClass(), true, null);
        serializer.serialize(value, inner, provider);
      }
      gen.writeString(text.toString());
    }
  }

  /** Reads a JSON string holding JSON text as the property's declared type. */
  public static final class Deserializer extends JsonDeserializer<Object> implements ContextualDeserializer {
    private final JavaType type;

    /** For {@code @JsonDeserialize(using = …)}; the type is taken from the property. */
    public Deserializer() {
      this(null);
    }

    private Deserializer(JavaType type) {
      this.type = type;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      JavaType declared = property != null ? property.getType() : ctxt.getContextualType();
      return declared == null ? this : new Deserializer(declared);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JavaType target = type != null ? type : ctxt.constructType(Object.class);
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return ctxt.handleUnexpectedToken(target, p.currentToken(), p,
            "expected a JSON string holding JSON text for %s, got %s", target, p.currentToken());
      }
      String text = p.getText();
      if (text.isBlank()) {
        return ctxt.reportInputMismatch(target,
            "expected a JSON string holding JSON text for %s, got an empty string (it is not JSON)", target);
      }
      try (JsonParser inner = factory(p.getCodec()).createParser(text)) {
        inner.nextToken();
        Object value = ctxt.readValue(inner, target);
        if (inner.nextToken() != null) {
          return ctxt.reportInputMismatch(target,
              "the JSON text in the string holds more than one value for %s", target);
        }
        return value;
      } catch (StreamReadException notJson) {
        return ctxt.reportInputMismatch(target,
            "the string does not hold valid JSON text for %s: %s", target, notJson.getOriginalMessage());
      } catch (DatabindException wrongShape) {
        return ctxt.reportInputMismatch(target,
            "the JSON text in the string is not a valid %s: %s", target, wrongShape.getOriginalMessage());
      }
    }
  }
}
