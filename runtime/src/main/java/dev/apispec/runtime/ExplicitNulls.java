package dev.apispec.runtime;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * See {@link ApiJson#module()}. A record's canonical constructor is its property-based creator; Jackson hands
 * the creator a {@link PropertyValueBuffer}, whose {@link PropertyValueBuffer#hasParameter} tells a property the
 * JSON gave (as {@code null} too) from one it left out. Only a {@code null} argument is looked at twice, so a
 * body without explicit nulls costs a null check per property.
 *
 * <p>Only for records that leave null properties out when written ({@code @JsonInclude(NON_NULL)}, as generated
 * records are, or a mapper's default inclusion): one that writes them itself would write them twice.
 */
final class ExplicitNulls extends ValueInstantiators.Base {
  static final Module MODULE = new SimpleModule("apispec-explicit-nulls") {
    private static final long serialVersionUID = 1L;

    @Override
    public void setupModule(SetupContext context) {
      super.setupModule(context);
      context.addValueInstantiators(new ExplicitNulls());
    }
  };

  @Override
  public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription beanDesc,
      ValueInstantiator defaultInstantiator) {
    Class<?> type = beanDesc.getBeanClass();
    if (!type.isRecord() || !defaultInstantiator.canCreateFromObjectWith()
        || !omitsNulls(beanDesc.findPropertyInclusion(config.getDefaultPropertyInclusion(type)))) {
      // a record that writes its null properties itself would write them twice
      return defaultInstantiator;
    }
    int index = unknownFieldsIndex(type);
    return index < 0 ? defaultInstantiator : new Keeping(defaultInstantiator, index);
  }

  private static boolean omitsNulls(JsonInclude.Value inclusion) {
    JsonInclude.Include value = inclusion == null ? null : inclusion.getValueInclusion();
    return value == JsonInclude.Include.NON_NULL || value == JsonInclude.Include.NON_ABSENT
        || value == JsonInclude.Include.NON_EMPTY;
  }

  /** Whether {@code prop}, whose value is null, is left out when its record is written. */
  private static boolean omitted(SettableBeanProperty prop) {
    JsonInclude own = prop.getAnnotation(JsonInclude.class);
    return own == null || own.value() == JsonInclude.Include.USE_DEFAULTS
        || omitsNulls(JsonInclude.Value.from(own));
  }

  /** The index of the canonical constructor's {@code @JsonAnySetter Map} parameter, or -1. */
  static int unknownFieldsIndex(Class<?> record) {
    RecordComponent[] components = record.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    Constructor<?> canonical;
    try {
      canonical = record.getDeclaredConstructor(types);
    } catch (NoSuchMethodException | SecurityException e) {
      return -1;
    }
    Parameter[] parameters = canonical.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i].getType() == Map.class && parameters[i].isAnnotationPresent(JsonAnySetter.class)) {
        return i;
      }
    }
    return -1;
  }

  /** The record's own instantiator, which also puts the explicit nulls into its unknown fields. */
  static final class Keeping extends ValueInstantiator.Delegating {
    private static final long serialVersionUID = 1L;
    private final int unknownFields;

    Keeping(ValueInstantiator delegate, int unknownFields) {
      super(delegate);
      this.unknownFields = unknownFields;
    }

    @Override
    public ValueInstantiator createContextual(DeserializationContext ctxt, BeanDescription beanDesc)
        throws JsonMappingException {
      // Delegating would wrap a new delegate in a plain Delegating, and lose this
      ValueInstantiator contextual = delegate().createContextual(ctxt, beanDesc);
      return contextual == delegate() ? this : new Keeping(contextual, unknownFields);
    }

    @Override
    public Object createFromObjectWith(DeserializationContext ctxt, SettableBeanProperty[] props,
        PropertyValueBuffer buffer) throws IOException {
      Object[] args = buffer.getParameters(props);
      Map<String, Object> nulls = null;
      for (SettableBeanProperty prop : props) {
        if (prop == null) {
          continue;
        }
        int i = prop.getCreatorIndex();
        if (i >= 0 && i < args.length && args[i] == null && i != unknownFields && buffer.hasParameter(prop)
            && omitted(prop)) {
          if (nulls == null) {
            nulls = new LinkedHashMap<>();
          }
          nulls.put(prop.getName(), null);
        }
      }
      if (nulls != null && unknownFields < args.length) {
        @SuppressWarnings("unchecked") // the parameter is a Map<String, Object>: the unknown properties
        Map<String, Object> known = (Map<String, Object>) args[unknownFields];
        if (known != null) {
          // the unknown properties, in the order they came, after the nulls: they are all written last
          nulls.putAll(known);
        }
        args[unknownFields] = nulls;
      }
      return delegate().createFromObjectWith(ctxt, args);
    }
  }
}
