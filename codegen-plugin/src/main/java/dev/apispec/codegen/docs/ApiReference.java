package dev.apispec.codegen.docs;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.apispec.codegen.emit.JavaSurface;
import dev.apispec.codegen.model.GroupDef;
import dev.apispec.codegen.model.Spec;
import dev.apispec.codegen.model.TypeDef;
import dev.apispec.codegen.naming.Symbols;
import dev.apispec.codegen.proto.ProtoCatalog;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated spec as a Markdown API reference: {@code index.md} and a page per group. The same spec and
 * descriptor set always give the same pages, to the byte, so that the reference can be kept in version control
 * and reviewed as a diff.
 */
public final class ApiReference {
  private ApiReference() {}

  /**
   * @param spec a spec that passed validation against {@code protos}
   * @param descriptorSet the descriptor set {@code protos} was read from, or {@code null} without protobuf
   * @return the pages by file name, {@code index.md} first
   */
  public static Map<String, String> render(Spec spec, ProtoCatalog protos, byte[] descriptorSet)
      throws InvalidProtocolBufferException {
    ProtoDescriptors descriptors = descriptorSet == null ? ProtoDescriptors.EMPTY
        : ProtoDescriptors.parse(descriptorSet);
    ProtoCatalog catalog = protos == null ? ProtoCatalog.empty() : protos;
    Symbols symbols = new Symbols(spec.api());
    Map<String, TypeDef> types = new HashMap<>();
    spec.types().forEach(type -> types.putIfAbsent(type.name(), type));
    ReferenceContext context = new ReferenceContext(spec.api(), types, symbols, new JavaSurface(symbols, catalog),
        catalog, descriptors);

    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("index.md", new IndexPage(context).render(spec.groups()));
    GroupPage groupPage = new GroupPage(context);
    for (GroupDef group : spec.groups()) {
      pages.put(GroupPage.fileName(group), groupPage.render(group));
    }
    return pages;
  }
}
