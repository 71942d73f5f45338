package dev.apispec.bench.jmh.hand;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The hand-written {@code data} of {@code /v1/group/recommend/list}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HandRecommendedGroups(List<HandRecommendedGroup> groups) {}
