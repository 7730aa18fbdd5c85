package com.needleclinic.patient;

import com.needleclinic.shared.KeysetRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class CoverageRepository implements KeysetRepository<Coverage> {
}
