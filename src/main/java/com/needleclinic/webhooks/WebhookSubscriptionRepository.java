package com.needleclinic.webhooks;

import com.needleclinic.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** Oldest first, keyset by id of the last one seen. */
    List<WebhookSubscription> page(PageRequest page) {
        return page.after() == null
                ? find("order by createdAt, id").page(0, page.limit()).list()
                : find("(createdAt, id) > (select s.createdAt, s.id from WebhookSubscription s where s.id = ?1)"
                        + " order by createdAt, id", page.after()).page(0, page.limit()).list();
    }
}
