package org.yingzhi.asset;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON merge patch of an asset's descriptive fields: a field sent with a value sets it, a field sent as null
 * removes it, a field not sent stays. A record cannot tell "sent as null" from "not sent", so the fields are
 * setters that note what was sent; any other field is kept to be refused by name (technical fields are not
 * descriptive and cannot be changed here).
 */
@Schema(description = "Descriptive fields to change (JSON merge patch: null removes a field, a missing field stays)")
public final class AssetPatch {

    private final Map<String, Object> given = new LinkedHashMap<>();

    @JsonSetter("title")
    @Schema(maxLength = AssetDescription.MAX_TITLE)
    public void setTitle(String v) {
        given.put("title", v);
    }

    @JsonSetter("description")
    public void setDescription(String v) {
        given.put("description", v);
    }

    @JsonSetter("contributorUnit")
    @Schema(description = "changing it needs the right to move assets between units")
    public void setContributorUnit(String v) {
        given.put("contributorUnit", v);
    }

    @JsonSetter("source")
    public void setSource(String v) {
        given.put("source", v);
    }

    @JsonSetter("captureDate")
    @Schema(description = "yyyy, yyyy-MM or yyyy-MM-dd")
    public void setCaptureDate(String v) {
        given.put("captureDate", v);
    }

    @JsonSetter("place")
    public void setPlace(String v) {
        given.put("place", v);
    }

    @JsonSetter("keywords")
    public void setKeywords(List<String> v) {
        given.put("keywords", v);
    }

    @JsonSetter("rights")
    public void setRights(String v) {
        given.put("rights", v);
    }

    /** Any other field: kept so that the edit is refused naming it ("'duration' cannot be changed here ..."). */
    @com.fasterxml.jackson.annotation.JsonAnySetter
    void other(String field, Object value) {
        given.put(field, value);
    }

    /** The fields sent, with their values (null: remove), in the order sent. */
    public Map<String, Object> given() {
        return Collections.unmodifiableMap(given);
    }
}
