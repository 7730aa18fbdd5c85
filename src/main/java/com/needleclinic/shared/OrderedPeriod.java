package com.needleclinic.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A validity period whose end, when there is one, is not before its start; reported on {@code validUntil}. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OrderedPeriod.Validator.class)
public @interface OrderedPeriod {

    String message() default "must not be before validFrom";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request with an inclusive validity period. */
    interface Period {
        LocalDate validFrom();

        LocalDate validUntil();
    }

    class Validator implements ConstraintValidator<OrderedPeriod, Period> {
        @Override
        public boolean isValid(Period period, ConstraintValidatorContext context) {
            if (period == null || period.validFrom() == null || period.validUntil() == null
                    || !period.validUntil().isBefore(period.validFrom())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("validUntil").addConstraintViolation();
            return false;
        }
    }
}
