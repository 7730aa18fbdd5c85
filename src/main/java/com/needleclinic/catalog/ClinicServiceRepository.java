package com.needleclinic.catalog;

import com.needleclinic.shared.KeysetRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ClinicServiceRepository implements KeysetRepository<ClinicService> {
}
