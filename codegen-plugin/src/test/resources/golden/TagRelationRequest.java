package dev.example.golden.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.apispec.runtime.CommaSeparated;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names a member and a tag, to give or take the tag.
 *
 * @param userId ID of the member. Required. Example: <code>"1234567"</code>.
 * @param tagGroupId ID of the tag. On the wire: <code>tag_group_id</code>. Required. Example: <code>1145</code>.
 * @param chatType The <code>chatType</code> property.
 * @param msgTypes Message types the member may send. Sent as one comma-separated string. Example: <code>"1,2"</code>.
 * @param unknownFields properties the spec does not describe, kept so that writing this value back loses nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"userId", "tag_group_id", "chatType", "msgTypes"})
public record TagRelationRequest(@JsonProperty("userId") String userId,
        @JsonProperty("tag_group_id") Long tagGroupId, @JsonProperty("chatType") ChatType chatType,
        @JsonProperty("msgTypes") @JsonSerialize(using = CommaSeparated.Serializer.class) @JsonDeserialize(using = CommaSeparated.Deserializer.class) List<Integer> msgTypes,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {
    public TagRelationRequest {
        Objects.requireNonNull(userId, "userId is required");
        Objects.requireNonNull(tagGroupId, "tag_group_id is required");
        unknownFields = unknownFields == null || unknownFields.isEmpty() ? Collections.emptyMap()
                : Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }

    /**
     * Creates a {@code TagRelationRequest} with no unknown properties; its parameters are the components documented on {@link TagRelationRequest}.
     */
    public TagRelationRequest(String userId, Long tagGroupId, ChatType chatType,
            List<Integer> msgTypes) {
        this(userId, tagGroupId, chatType, msgTypes, Map.of());
    }
}
