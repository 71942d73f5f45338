package dev.apispec.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list that travels as one comma-separated string, such as {@code "1,2,3"}. The elements are
 * read and written by their own Jackson (de)serializers, so this works for numbers, strings and
 * open enums alike. {@code ""} is the empty list.
 */
public final class CommaSeparated {
  private CommaSeparated() {}

  /** Writes a list as {@code "a,b,c"}. */
  public static final class Serializer extends StdSerializer<List<?>> {
    private static final long serialVersionUID = 1L;

    /** Creates the serializer; Jackson does, from {@code @JsonSerialize(using = …)}. */
    public Serializer() {
      super(List.class, false);
    }

    @Override
    public void serialize(List<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      StringBuilder text = new StringBuilder();
      for (Object element : value) {
        if (text.length() > 0) {
          text.append(',');
        }
        text.append(scalarText(element, gen, provider));
      }
      gen.writeString(text.toString());
    }

    private static String scalarText(Object element, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (element == null) {
        return "";
      }
      try (TokenBuffer buffer = new TokenBuffer(gen.getCodec(), false)) {
        provider.findValueSerializer(element.getClass()).serialize(element, buffer, provider);
        try (JsonParser parser = buffer.asParser()) {
          JsonToken token = parser.nextToken();
          if (token == null || !token.isScalarValue()) {
            throw JsonMappingException.from(provider,
                "a comma-separated list element must be written as a scalar, not " + token);
          }
          return parser.getText();
        }
      }
    }
  }

  /** Reads {@code "a,b,c"} into a list, each element by the list's element type. */
  public static final class Deserializer extends StdDeserializer<List<?>> implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;

    /** The type of the list's elements, once Jackson has told it. */
    private final JavaType elementType;

    /** Creates the deserializer; Jackson does, from {@code @JsonDeserialize(using = …)}. */
    public Deserializer() {
      this(null);
    }

    private Deserializer(JavaType elementType) {
      super(List.class);
      this.elementType = elementType;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      JavaType type = property != null ? property.getType() : ctxt.getContextualType();
      JavaType element = type != null && type.getContentType() != null
          ? type.getContentType() : ctxt.constructType(String.class);
      return new Deserializer(element);
    }

    @Override
    public List<?> deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return ctxt.reportInputMismatch(this,
            "expected a comma-separated string such as \"1,2,3\", got %s", parser.currentToken());
      }
      String text = parser.getText();
      List<Object> values = new ArrayList<>();
      if (text.isEmpty()) {
        return values;
      }
      JavaType type = elementType != null ? elementType : ctxt.constructType(String.class);
      JsonDeserializer<Object> deserializer = ctxt.findRootValueDeserializer(type);
      for (String part : text.split(",", -1)) {
        String item = part.strip();
        try (JsonParser itemParser = scalarNode(item, type).traverse(parser.getCodec())) {
          itemParser.nextToken();
          values.add(deserializer.deserialize(itemParser, ctxt));
        }
      }
      return values;
    }

    private static com.fasterxml.jackson.databind.JsonNode scalarNode(String item, JavaType type) {
      if (type.getRawClass() == String.class) {
        return TextNode.valueOf(item);
      }
      try {
        long number = Long.parseLong(item);
        return number == (int) number ? IntNode.valueOf((int) number) : LongNode.valueOf(number);
      } catch (NumberFormatException notANumber) {
        return TextNode.valueOf(item);
      }
    }
  }
}
