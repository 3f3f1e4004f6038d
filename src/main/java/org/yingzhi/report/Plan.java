package org.yingzhi.report;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The office's plan: when the collection started and the book's deadline, what each unit is expected to send, and
 * what each outline node needs by its due date (expected clips, minutes, photos, people interviewed).
 */
@Schema(description = "The plan: start and deadline, targets per unit and per outline node")
public record Plan(LocalDate start, LocalDate deadline, List<UnitTarget> units, List<NodeTarget> nodes) {

    /** What one unit is expected to send. */
    @Schema(description = "What one unit is expected to send")
    public record UnitTarget(@Size(min = 1, max = 200) String unit, @PositiveOrZero @Max(1_000_000) int clips,
            @PositiveOrZero @Max(10_000_000) int minutes, @PositiveOrZero @Max(1_000_000) int photos,
            @PositiveOrZero @Max(100_000) int interviews) {
    }

    /** What one outline node needs, and by when. */
    @Schema(description = "What one outline node needs, and by when")
    public record NodeTarget(@Size(min = 1, max = 40) String node, String title, String unit,
            @PositiveOrZero @Max(1_000_000) int clips, @PositiveOrZero @Max(10_000_000) int minutes,
            @PositiveOrZero @Max(1_000_000) int photos, @PositiveOrZero @Max(100_000) int interviews, LocalDate due) {
    }

    public UnitTarget unit(String name) {
        return units.stream().filter(u -> u.unit().equals(name)).findFirst().orElse(null);
    }
}
