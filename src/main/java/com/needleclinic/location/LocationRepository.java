package com.needleclinic.location;

import com.needleclinic.shared.KeysetRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class LocationRepository implements KeysetRepository<Location> {
}
