package dev.apispec.codegen.model;

import java.util.List;

/** A whole spec, as read from its files, before validation. */
public record Spec(ApiInfo api, List<TypeDef> types, List<GroupDef> groups) {}
