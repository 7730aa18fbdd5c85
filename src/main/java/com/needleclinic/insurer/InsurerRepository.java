package com.needleclinic.insurer;

import com.needleclinic.shared.KeysetRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class InsurerRepository implements KeysetRepository<Insurer> {

    boolean codeTakenByOther(String code, UUID self) {
        return find("code = ?1", code.strip()).stream().anyMatch(i -> !i.id().equals(self));
    }
}
