package org.yingzhi.gazetteer.index;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the book's index. Every kind has a name and other names; the rest depends on the kind:
 * <ul>
 * <li>person: gender, ethnicity, roles (援藏干部, 援疆干部, 专业技术人才, 先进典型, 受援地干部群众 ...), unit, dispatch batch
 * (第N批), years, place served (a place id), biography, portrait (a photo asset id);</li>
 * <li>project: place (a place id), years, funding unit, amount (in 10,000 yuan), status;</li>
 * <li>place: place kind (自治区, 地区, 州, 县, 乡, 村, site), parent place (a place id), latitude and longitude;</li>
 * <li>unit: just its names (contributing and responsible units).</li>
 * </ul>
 * {@code formerIds} are the ids of entries merged into this one, so links and bookmarks to them still resolve.
 */
public record Entry(String id, EntryKind kind, String name, List<String> otherNames, String gender, String ethnicity,
        List<String> roles, String unit, Integer batch, Integer yearFrom, Integer yearTo, String placeServed,
        String biography, String portrait, String place, String fundingUnit, Double amount, String projectStatus,
        String placeKind, String parentPlace, Double latitude, Double longitude, String notes, List<String> formerIds,
        Instant createdAt, Instant updatedAt, long version) {

    public Entry {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
        roles = roles == null ? List.of() : List.copyOf(roles);
        formerIds = formerIds == null ? List.of() : List.copyOf(formerIds);
    }

    /** The fields a client sends to create or change an entry (null: not given). */
    @Schema(description = "The fields of a person, project, place or unit of the index (null: not given)")
    public record Input(@Size(max = 500) String name, @Size(max = 100) List<String> otherNames,
            @Size(max = 20) String gender, @Size(max = 50) String ethnicity, @Size(max = 100) List<String> roles,
            @Size(max = 500) String unit, Integer batch, Integer yearFrom, Integer yearTo,
            @Size(max = 500) String placeServed, @Size(max = 50_000) String biography, String portrait,
            @Schema(description = "a place entry's id") String place, @Size(max = 500) String fundingUnit, Double amount,
            @Size(max = 50) String projectStatus, @Size(max = 50) String placeKind,
            @Schema(description = "the enclosing place entry's id") String parentPlace, Double latitude,
            Double longitude, @Size(max = 20_000) String notes) {
    }
}
