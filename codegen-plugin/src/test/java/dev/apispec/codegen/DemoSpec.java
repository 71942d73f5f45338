package dev.apispec.codegen;

/** A small spec with one of each kind of thing a generation writes: a record, an enum, a group, an exception. */
public final class DemoSpec {
  /** The {@code api} section alone: a JSON API {@code Demo} in {@code dev.demo}. */
  public static final String API = """
      api:
        name: Demo
        package: dev.demo
        baseUrl: https://api.example.com
        auth: {header: token}
        json:
          envelope: {code: code, message: msg, data: data, success: 1}
      """;

  /** Generates five files in {@code dev.demo} and {@code dev.demo.model}. */
  public static final String YAML = API + """
      types:
        Tag:
          fields:
            name: {type: string}
        Colour:
          enum: string
          values: {RED: {value: red}}
      groups:
        tags:
          prefix: /v1/tags/
          endpoints: [{path: /v1/tags/add, request: {json: Tag}}]
      """;

  private DemoSpec() {}
}
