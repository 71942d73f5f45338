package dev.apispec.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Fills the {@code {name}} placeholder of the path with the parameter's value. See {@link Calls}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface PathParam {
  /**
   * The path parameter's name, as the spec writes it.
   *
   * @return the name
   */
  String value();
}
