package com.needleclinic.patient;

import com.needleclinic.patient.PatientDtos.HealthNumber;
import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /**
     * Patients whose name contains every word of {@code q} (any case, in either name; the trigram
     * index on {@code search_name}), whose phone's E.164 form is {@code phoneE164} and whose
     * e-mail is {@code email} in any case (each an index of V021), every given filter at once.
     */
    List<Patient> search(String q, String phoneE164, String email, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (phoneE164 != null) {
            where.add("phoneE164 = :phone");
            params.and("phone", phoneE164);
        }
        if (email != null) {
            where.add("email is not null and lower(email) = :email");
            params.and("email", email.strip().toLowerCase(Locale.ROOT));
        }
        if (q != null) {
            String[] words = q.toLowerCase(Locale.ROOT).trim().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                where.add("searchName like :w" + i);
                params.and("w" + i, "%" + escapeLike(words[i]) + "%");
            }
        }
        if (page.after() != null) {
            where.add("id > :after");
            params.and("after", page.after());
        }
        String hql = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by id";
        return find(hql, params).range(0, page.limit() - 1).list();
    }

    /** The first-registered patient with this name (any case) and date of birth, if any. */
    Optional<UUID> withIdentity(String firstName, String lastName, LocalDate dateOfBirth) {
        return find("lower(firstName) = ?1 and lower(lastName) = ?2 and dateOfBirth = ?3 order by id",
                firstName.strip().toLowerCase(Locale.ROOT), lastName.strip().toLowerCase(Locale.ROOT), dateOfBirth)
                .firstResultOptional().map(Patient::id);
    }

    /** The patient holding this (normalised) health number, if any. */
    Optional<UUID> withHealthNumber(HealthNumber number) {
        return find("healthNumberProvince = ?1 and healthNumber = ?2", number.province(), number.number())
                .firstResultOptional().map(Patient::id);
    }

    /** {@code raw}'s E.164 form by the database's one rule (clinic_e164), or null when it has none. */
    String e164(String raw) {
        return (String) getEntityManager().createNativeQuery("select clinic_e164(:raw)").setParameter("raw", raw)
                .getSingleResult();
    }

    /**
     * Serialises creations of the same identity across instances until the transaction ends, so
     * two desks registering the same walk-in at once still get the duplicate warning.
     */
    void lockIdentity(String firstName, String lastName, LocalDate dateOfBirth) {
        String key = firstName.strip().toLowerCase(Locale.ROOT) + '|' + lastName.strip().toLowerCase(Locale.ROOT)
                + '|' + dateOfBirth;
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", key).getSingleResult();
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
