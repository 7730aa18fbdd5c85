package com.needleclinic.webhooks;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** Oldest first, keyset by id of the last one seen; only {@code owner}'s unless it is null. */
    List<WebhookSubscription> page(PageRequest page, String owner) {
        Parameters params = new Parameters();
        StringBuilder where = new StringBuilder("1 = 1");
        if (owner != null) {
            where.append(" and owner = :owner");
            params = params.and("owner", owner);
        }
        if (page.after() != null) {
            where.append(" and (createdAt, id) > (select s.createdAt, s.id from WebhookSubscription s"
                    + " where s.id = :after)");
            params = params.and("after", page.after());
        }
        return find(where + " order by createdAt, id", params).page(0, page.limit()).list();
    }
}
