package dev.apispec.codegen.model;

import dev.apispec.codegen.spec.Location;
import java.util.List;

/** A group of endpoints, which becomes one accessor of the client. */
public record GroupDef(
    String name, Location location, String doc, String prefix, Location prefixLocation,
    List<EndpointDef> endpoints) {}
