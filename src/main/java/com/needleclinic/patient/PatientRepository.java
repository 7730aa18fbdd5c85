package com.needleclinic.patient;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    /**
     * Patients whose name contains every word of {@code q} (any case, in either name). Served by
     * the trigram index on {@code search_name}.
     */
    List<Patient> search(String q, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
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

    boolean existsWithIdentity(String firstName, String lastName, LocalDate dateOfBirth) {
        return count("lower(firstName) = ?1 and lower(lastName) = ?2 and dateOfBirth = ?3",
                firstName.strip().toLowerCase(Locale.ROOT), lastName.strip().toLowerCase(Locale.ROOT), dateOfBirth) > 0;
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
