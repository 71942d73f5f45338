package dev.apispec.codegen.docs;

import dev.apispec.codegen.model.EndpointDef;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.naming.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One endpoint on its group's page: the generated methods, where the call goes, its parameters, request,
 * response and documented errors. A body type first met here is described here; the others are linked.
 */
final class EndpointSection {
  private final ReferenceContext context;
  private final Markdown page;
  /** The types and messages this page describes at their first use as a body; each is removed once described. */
  private final Set<String> describeInline;

  EndpointSection(ReferenceContext context, Markdown page, Set<String> describeInline) {
    this.context = context;
    this.page = page;
    this.describeInline = describeInline;
  }

  /** The anchor of an endpoint's section: its method name, unique in its group. */
  static String anchor(GroupDef group, EndpointDef endpoint) {
    return Symbols.methodName(group, endpoint);
  }

  void write(GroupDef group, EndpointDef endpoint) {
    page.heading(2, anchor(group, endpoint), Markdown.code(Symbols.methodName(group, endpoint)));
    if (endpoint.deprecated()) {
      page.paragraph("**Deprecated**: the method is marked `@Deprecated`.");
    }
    if (endpoint.doc() != null) {
      page.paragraph(Markdown.text(endpoint.doc()));
    }
    page.code("java", String.join("\n", context.signatures().of(group, endpoint)));
    page.table(List.of("", ""), call(group, endpoint));
    parameters(endpoint);
    request(endpoint);
    response(group, endpoint);
    errors(endpoint);
  }

  private List<List<String>> call(GroupDef group, EndpointDef endpoint) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("HTTP", Markdown.code(endpoint.method() + " " + endpoint.path())));
    String host = group.host(endpoint);
    rows.add(List.of("host", host == null ? "the API's base URL, " + Markdown.code(context.api().baseUrl())
        : Markdown.code(host) + ", " + Markdown.code(context.api().host(host).url()) + " (builder: "
            + Markdown.code(Symbols.hostSetter(host) + "(URI)") + ")"));
    String header = context.api().authHeader();
    rows.add(List.of("auth", group.authenticated(endpoint, context.api())
        ? "the " + Markdown.code(header) + " header" : header == null ? "none" : "none: the credential is not sent"));
    EndpointDef.EnvelopeDef envelope = group.envelope(endpoint);
    if (envelope != null) {
      rows.add(List.of("envelope", envelope(envelope)));
    }
    rows.add(List.of("retryable", endpoint.retryable()
        ? "yes: a retry policy may send it again" : "no: a failed call is not sent again"));
    return rows;
  }

  private static String envelope(EndpointDef.EnvelopeDef envelope) {
    if (envelope.none()) {
      return "none: the body is the payload, and any 2xx answer is a success";
    }
    if (envelope.messageOnly()) {
      return "a message only, in " + Markdown.code(envelope.messageField()) + ": any 2xx answer is a success";
    }
    return "code in " + Markdown.code(envelope.codeField()) + ", message in " + Markdown.code(envelope.messageField())
        + (envelope.dataField() == null ? "" : ", data in " + Markdown.code(envelope.dataField()))
        + "; success is " + Markdown.code(String.valueOf(envelope.successCode()));
  }

  private void parameters(EndpointDef endpoint) {
    if (endpoint.params().isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (EndpointDef.ParamDef param : endpoint.params()) {
      String doc = Markdown.text(param.doc());
      if (param.example() != null) {
        doc = (doc + " Example: " + Markdown.code(String.valueOf(param.example())) + ".").strip();
      }
      rows.add(List.of(Markdown.code(Symbols.paramName(param)), Markdown.code(param.wireName()),
          param.in().specName(), TypeTables.reference(param.type()),
          Markdown.code(JavaSignatures.simple(context.surface().param(param))),
          param.required() || param.in() == EndpointDef.In.PATH ? "yes" : "no", doc));
    }
    page.paragraph("**Parameters**");
    page.table(List.of("Java name", "wire name", "in", "type", "Java type", "required", "doc"), rows);
  }

  private void request(EndpointDef endpoint) {
    EndpointDef.Body body = endpoint.request();
    if (body == null) {
      page.paragraph("**Request**: no body.");
      return;
    }
    body("Request", body, null);
  }

  private void response(GroupDef group, EndpointDef endpoint) {
    EndpointDef.Body body = endpoint.response();
    EndpointDef.EnvelopeDef envelope = group.envelope(endpoint);
    if (body == null) {
      page.paragraph("**Response**: no data; the method returns when the answer is a success.");
    } else if (body instanceof EndpointDef.CodesBody codes) {
      codes(codes);
    } else if (body instanceof EndpointDef.JsonBody) {
      String dataField = envelope == null ? context.api().json().dataField() : envelope.dataField();
      body("Response", body, envelope != null && envelope.none() ? "the whole body"
          : envelope != null && envelope.payloadBeside() ? "the whole body, beside the envelope's "
              + Markdown.code(envelope.codeField()) + " and " + Markdown.code(envelope.messageField())
          : "the envelope's " + Markdown.code(dataField));
    } else {
      body("Response", body, null);
    }
  }

  /** A JSON, protobuf, text or bytes body; {@code where} says where a JSON payload sits in the answer. */
  private void body(String label, EndpointDef.Body body, String where) {
    String java = Markdown.code(JavaSignatures.simple(context.surface().body(body)));
    if (body instanceof EndpointDef.JsonBody json) {
      String name = json.typeName();
      boolean inline = describeInline.remove(name);
      page.paragraph((inline ? anchorTag(TypeTables.anchor(name)) : "") + "**" + label + "**: JSON, "
          + Markdown.link(Markdown.code(name), "#" + TypeTables.anchor(name))
          + (where == null ? "" : ", in " + where) + ".");
      if (inline) {
        TypeDef.ObjectDef object = (TypeDef.ObjectDef) context.types().get(name);
        if (object.doc() != null) {
          page.paragraph(Markdown.text(object.doc()));
        }
        context.typeTables().fields(page, object);
      }
      String example = context.examples().of(name);
      if (example != null) {
        page.paragraph("Example" + (where == null || where.equals("the whole body") ? "" : " of " + where) + ":");
        page.code("json", example);
      }
    } else if (body instanceof EndpointDef.ProtobufBody proto) {
      String name = proto.messageName();
      boolean inline = describeInline.remove(name);
      page.paragraph((inline ? anchorTag(MessageTables.anchor(name)) : "") + "**" + label + "**: protobuf, "
          + Markdown.link(Markdown.code(name), "#" + MessageTables.anchor(name)) + " (" + java + ")"
          + (label.equals("Response") ? "; its " + Markdown.code(context.api().protobuf().statusField())
              + " is checked" : "") + ".");
      if (inline) {
        context.messageTables().fields(page, name);
      }
    } else if (body instanceof EndpointDef.TextBody text) {
      page.paragraph("**" + label + "**: text, " + Markdown.code(text.contentType()) + " (" + java + ")"
          + (label.equals("Response") ? ", asked for with `Accept`" : "") + ".");
    } else if (body instanceof EndpointDef.BytesBody bytes) {
      page.paragraph("**" + label + "**: bytes, " + Markdown.code(bytes.contentType()) + " (" + java + ").");
    }
  }

  private void codes(EndpointDef.CodesBody codes) {
    List<List<String>> rows = new ArrayList<>();
    if (codes.isBoolean()) {
      page.paragraph("**Response**: the envelope's code is the answer, a `boolean`; any other code fails.");
      codes.answers().forEach(a -> rows.add(List.of(Markdown.code(String.valueOf(a.code())),
          Markdown.code(String.valueOf(a.value())))));
    } else {
      String name = codes.enumName();
      page.paragraph("**Response**: the envelope's code is the answer, a constant of "
          + Markdown.link(Markdown.code(name), "#" + TypeTables.anchor(name)) + "; any other code fails.");
      TypeDef.EnumDef enumDef = (TypeDef.EnumDef) context.types().get(name);
      enumDef.values().forEach(v -> rows.add(List.of(Markdown.code(String.valueOf(v.value())),
          Markdown.code(name + "." + v.name()))));
    }
    page.table(List.of("code", "answer"), rows);
  }

  private void errors(EndpointDef endpoint) {
    if (endpoint.errors().isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (EndpointDef.ErrorDef error : endpoint.errors()) {
      rows.add(List.of(Markdown.code(String.valueOf(error.code())),
          error.message() == null ? "" : Markdown.code(error.message()), Markdown.text(error.doc())));
    }
    page.paragraph("**Errors** the API is known to answer with (thrown as "
        + Markdown.code(context.symbols().apiException().simpleName()) + "):");
    page.table(List.of("code", "message", "doc"), rows);
  }

  private static String anchorTag(String id) {
    return "<a id=\"" + id + "\"></a>";
  }
}
