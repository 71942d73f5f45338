package dev.apispec.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Sends the parameter's value as the query parameter {@code name} (one pair per element of a list). See {@link Calls}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface QueryParam {
  /**
   * The query parameter's name, as the spec writes it.
   *
   * @return the name
   */
  String value();
}
