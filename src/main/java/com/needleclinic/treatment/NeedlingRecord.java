package com.needleclinic.treatment;

import com.needleclinic.practitioner.Modality;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What was needled: where, how deep, how many needles, and what happened. Colleges require it
 * for every needling session, and the retained-needle count is a patient-safety check.
 */
public record NeedlingRecord(
        @NotNull Modality modality,
        @NotEmpty @Size(max = 60) List<@NotNull @Valid Site> sites,
        @NotNull @Min(1) @Max(500) Integer needlesInserted,
        @NotNull @Min(0) @Max(500) Integer needlesRemoved,
        @Valid ElectricalStimulation electricalStimulation,
        @NotNull @Size(max = 8) List<@NotNull AdverseEvent> adverseEvents) {

    public enum Side { LEFT, RIGHT, BILATERAL, MIDLINE }

    public enum AdverseEvent {
        NONE, POST_NEEDLING_SORENESS, BRUISING, BLEEDING, VASOVAGAL, NEEDLE_RETAINED, PNEUMOTHORAX_SUSPECTED, OTHER
    }

    /** One needled muscle or acupuncture point. */
    public record Site(
            @NotBlank @Size(max = 100) String site,
            @NotNull Side side,
            @NotNull @Min(1) @Max(100) Integer needles,
            @NotNull @Min(1) @Max(100) Integer depthMm,
            @NotNull Boolean localTwitchResponse,
            @NotNull @Min(0) @Max(7200) Integer retentionSeconds) {
    }

    public record ElectricalStimulation(@NotNull @Min(1) @Max(200) Integer frequencyHz,
                                        @NotNull @Min(1) @Max(120) Integer minutes) {
    }

    /** Needles inserted are the needles placed at the sites. */
    @AssertTrue(message = "must equal the sum of the sites' needles")
    private boolean isNeedlesInsertedConsistent() {
        return sites == null || needlesInserted == null || sites.stream().anyMatch(s -> s == null || s.needles() == null)
                || sites.stream().mapToInt(Site::needles).sum() == needlesInserted;
    }

    /** More needles cannot come out than went in. */
    @AssertTrue(message = "must not exceed needlesInserted")
    private boolean isNeedlesRemovedPossible() {
        return needlesInserted == null || needlesRemoved == null || needlesRemoved <= needlesInserted;
    }

    /** NONE means no adverse event, so it stands alone; each event is listed once. */
    @AssertTrue(message = "NONE stands alone and events are not repeated")
    private boolean isAdverseEventsConsistent() {
        return adverseEvents == null || adverseEvents.contains(null)
                || (adverseEvents.stream().distinct().count() == adverseEvents.size()
                && (!adverseEvents.contains(AdverseEvent.NONE) || adverseEvents.size() == 1));
    }

    boolean allNeedlesRemoved() {
        return needlesRemoved.equals(needlesInserted);
    }
}
