package dev.apispec.codegen;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/** Calls into classes that exist only at test run time, after generating and compiling them. */
public final class Reflect {
  private Reflect() {}

  /** Calls the public method {@code name} with exactly as many arguments, unwrapping what it throws. */
  public static Object call(Object target, String name, Object... args) throws Throwable {
    Class<?> type = target instanceof Class<?> c ? c : target.getClass();
    Method method = Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getName() + " has no method " + name + " with " + args.length
            + " parameters"));
    try {
      return method.invoke(target instanceof Class<?> ? null : target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Calls the public constructor with exactly as many parameters, unwrapping what it throws. */
  public static Object construct(Class<?> type, Object... args) throws Throwable {
    var constructor = Arrays.stream(type.getConstructors())
        .filter(c -> c.getParameterCount() == args.length)
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getName() + " has no constructor with " + args.length
            + " parameters"));
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * Sets the field {@code name} declared by {@code target}'s class or a superclass, private or not, as Maven injects
   * parameters.
   */
  public static void setField(Object target, String name, Object value) throws ReflectiveOperationException {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
        return;
      } catch (NoSuchFieldException e) {
        // declared further up
      }
    }
    throw new NoSuchFieldException(name + " in " + target.getClass().getName() + " or its superclasses");
  }
}
