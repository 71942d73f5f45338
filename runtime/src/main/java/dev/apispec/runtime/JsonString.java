package dev.apispec.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import java.io.IOException;

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
      throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      throw new UnsupportedOperationException("not yet");
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
      throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      throw new UnsupportedOperationException("not yet");
    }
  }
}
