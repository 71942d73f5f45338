package dev.apispec.bench.jmh.hand;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * What a person would write by hand for a group of {@code /v1/group/recommend/list}, with plain
 * Jackson: the same fields and Java types as the generated record, the comma-separated list read by a
 * small deserializer, unknown properties ignored (not kept).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HandRecommendedGroup(
    Long id,
    String groupId,
    String name,
    String introduction,
    String createBy,
    Long createTime,
    Long avatarId,
    @JsonProperty("del_flag") Integer delFlag,
    String avatarUrl,
    Integer headcount,
    Integer readHistory,
    Integer alwaysAgree,
    Integer categoryId,
    String category,
    @JsonProperty("private") Integer privateGroup,
    Long banId,
    Integer gag,
    String gagBy,
    @JsonDeserialize(using = CommaSeparatedInts.class) List<Integer> msgTypeLimit) {}
