package com.needleclinic.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;

/**
 * {@code clinic_bookings_total{operation, outcome}}: every answer of a {@link BookingOutcome}
 * endpoint, {@code outcome} being {@code ok} or the problem's {@code code} ({@code slot-unavailable},
 * {@code practitioner-not-certified}, {@code validation-failed}, ...). Codes are a fixed set, so
 * the tag stays small; nothing about the patient or the request is a tag.
 */
@ApplicationScoped
public class BookingOutcomes {

    private final MeterRegistry metrics;

    BookingOutcomes(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    @ServerResponseFilter
    public void count(ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        BookingOutcome operation = method == null ? null : method.getAnnotation(BookingOutcome.class);
        if (operation == null) {
            return;
        }
        Counter.builder("clinic.bookings").description("Answers of the booking endpoints, by operation and outcome")
                .tags("operation", operation.value(), "outcome", outcome(response))
                .register(metrics).increment();
    }

    static String outcome(ContainerResponseContext response) {
        if (response.getStatus() < 300) {
            return "ok";
        }
        return response.getEntity() instanceof Problem problem && problem.code() != null
                ? problem.code() : "status-" + response.getStatus();
    }
}
