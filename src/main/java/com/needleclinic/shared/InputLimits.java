package com.needleclinic.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

/**
 * What the service accepts as text and as a date, everywhere JSON is read (docs/rules.md, "Text"):
 * <ul>
 * <li>no C0 control character but tab and newline: U+0000 makes PostgreSQL refuse the statement,
 * and the others have no place in a clinical record or a CSV an insurer opens;</li>
 * <li>no unpaired surrogate ({@code "\uD800"} escaped alone): it is no character at all;</li>
 * <li>dates and instants in the years 1900-2200: nothing a clinic records lies outside, and
 * beyond them Java's date arithmetic overflows and PostgreSQL's ranges end.</li>
 * </ul>
 * A value outside is a {@code 400 validation-failed} naming the field, before any code runs.
 * Query parameters are held to the same limits by {@link QueryParams}.
 */
@Singleton
public class InputLimits implements ObjectMapperCustomizer {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    private static final Instant FIRST_INSTANT = Instant.parse(FIRST_YEAR + "-01-01T00:00:00Z");
    private static final Instant END_OF_LAST_YEAR = Instant.parse((LAST_YEAR + 1) + "-01-01T00:00:00Z");

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("clinic-input-limits");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class || Temporal.class.isAssignableFrom(type)) {
                    return new Checked(deserializer);
                }
                return deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** Why {@code text} may not be stored, or null when it may. */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n') {
                return "must not contain control characters (U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    // A JSON escape such as \uD800 alone names no character: PostgreSQL would store
                    // it as '?', so the record would differ from the 201 that answered it.
                    return "must not contain an unpaired surrogate (U+" + String.format("%04X", (int) c) + ")";
                }
            }
        }
        return null;
    }

    /** Why {@code value} may not be stored, or null when it may. */
    public static String dateProblem(Object value) {
        int year;
        if (value instanceof LocalDate date) {
            year = date.getYear();
        } else if (value instanceof OffsetDateTime time) {
            year = time.getYear();
        } else if (value instanceof ZonedDateTime time) {
            year = time.getYear();
        } else if (value instanceof Instant instant) {
            return instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_OF_LAST_YEAR)
                    ? "must be in the years " + FIRST_YEAR + "-" + LAST_YEAR : null;
        } else {
            return null;
        }
        return year < FIRST_YEAR || year > LAST_YEAR ? "must be in the years " + FIRST_YEAR + "-" + LAST_YEAR : null;
    }

    /** A value outside the limits; its message is safe to show (it never quotes the value). */
    public static final class OutOfLimits extends InvalidFormatException {
        OutOfLimits(JsonParser parser, String problem, Class<?> type) {
            super(parser, problem, null, type);
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (Temporal.class.isAssignableFrom(handledType()) && !parser.hasToken(JsonToken.VALUE_STRING)) {
                // Jackson reads a number as epoch seconds (or an array as fields): the contract
                // says a date or an instant is an ISO 8601 string, and a number is a client's bug.
                throw new OutOfLimits(parser, "must be a string (ISO 8601)", handledType());
            }
            Object value = super.deserialize(parser, context);
            String problem = value instanceof String text ? textProblem(text) : dateProblem(value);
            if (problem != null) {
                // The value itself is not echoed: it may be patient data.
                throw new OutOfLimits(parser, problem, handledType());
            }
            return value;
        }
    }
}
