package dev.apispec.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint a generated method calls, as the spec names it, so that tools (the contract checks, a mock
 * server) find the method of an endpoint from the method itself, without re-deriving its name. The method's
 * parameters say where each value goes ({@link PathParam}, {@link QueryParam}, {@link HeaderParam}); the one
 * parameter without such an annotation, if any, is the request body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Calls {
  /**
   * The HTTP method, upper case.
   *
   * @return the method
   */
  String method();

  /**
   * The path (a template with {@code {name}} placeholders for path parameters), as the spec writes it.
   *
   * @return the path
   */
  String path();

  /**
   * The name of the spec's host the endpoint lives on ({@code api.hosts}), or {@code ""} for the API's
   * {@code baseUrl}.
   *
   * @return the host's name, or {@code ""}
   */
  String host() default "";
}
