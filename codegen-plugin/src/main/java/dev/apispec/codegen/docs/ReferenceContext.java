package dev.apispec.codegen.docs;

import dev.apispec.codegen.emit.JavaSurface;
import dev.apispec.codegen.model.ApiInfo;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.Map;

/** What every page of the reference looks things up in: the API, its types, and the compiled messages. */
record ReferenceContext(
    ApiInfo api, Map<String, TypeDef> types, Symbols symbols, JavaSurface surface, ProtoCatalog catalog,
    ProtoDescriptors descriptors) {

  TypeTables typeTables() {
    return new TypeTables(surface);
  }

  MessageTables messageTables() {
    return new MessageTables(descriptors);
  }

  JavaSignatures signatures() {
    return new JavaSignatures(surface);
  }

  JsonExample examples() {
    return new JsonExample(types);
  }

  /** The Java class protoc made of a message, qualified, or {@code null} for an enum. */
  String javaClass(String messageName) {
    ProtoCatalog.Message message = catalog.find(messageName);
    return message == null ? null : message.javaClass().canonicalName();
  }
}
