package com.needleclinic.scheduling;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class SeriesRepository implements PanacheRepositoryBase<AppointmentSeries, UUID> {
}
