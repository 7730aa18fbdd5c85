package com.needleclinic.location;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

/**
 * A tz-database zone that follows a region's rules ({@code America/Edmonton}), or UTC itself
 * ({@code UTC}, {@code Etc/UTC}). Fixed offsets ({@code -08:00}, {@code Etc/GMT+8}) and the
 * {@code SystemV/*} zones are refused: they ignore the region's daylight saving, so a clinic's
 * 09:00 would become 08:00 or 10:00 for half the year. (Note {@code Etc/GMT+8} is UTC-8: the
 * tz database's signs are reversed, one more reason to keep those names out.)
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IanaTimeZone.Validator.class)
public @interface IanaTimeZone {

    String message() default "must be a region time zone such as America/Vancouver, or UTC";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IanaTimeZone, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || accepted(value);
        }

        static boolean accepted(String value) {
            if (value.equals("UTC") || value.equals("Etc/UTC")) {
                return true;
            }
            int slash = value.indexOf('/');
            if (slash <= 0 || !ZoneId.getAvailableZoneIds().contains(value)) {
                return false;
            }
            String area = value.substring(0, slash);
            return !area.equals("Etc") && !area.equals("SystemV") && !value.startsWith("GMT") && !value.startsWith("UTC");
        }
    }
}
