package dev.apispec.bench.jmh.hand;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The hand-written request of {@code /v1/group/recommend/list}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandRecommendListRequest(Integer categoryId, String keyword) {}
