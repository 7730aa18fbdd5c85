package com.needleclinic.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.needleclinic.shared.AfterCommit;
import com.needleclinic.shared.SqlInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Where features announce their changes (docs/events.md). An event is written in the transaction
 * of its change - {@link #emit} joins it, {@link #emitWith} rides in the change's own statement -
 * so none is written for a change that rolls back and no committed change lacks its event. The
 * feed's order is assigned after commit by the {@link Sequencer}.
 */
@ApplicationScoped
public class EventLog {

    private final EventRepository events;
    private final ObjectMapper json;
    private final Clock clock;
    private final Sequencer sequencer;
    private final TransactionSynchronizationRegistry transactions;

    EventLog(EventRepository events, ObjectMapper json, Clock clock, Sequencer sequencer,
             TransactionSynchronizationRegistry transactions) {
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.sequencer = sequencer;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(EventEntry entry) {
        events.insert(row(entry));
        wakeSequencerAfterCommit();
    }

    /**
     * The event as an INSERT for the caller to send with its change in one atomic unit (one message
     * or its transaction): the booking fast path, which runs without a JTA transaction of its own.
     */
    public SqlInsert emitWith(EventEntry entry) {
        return new EventInsert(row(entry));
    }

    private EventRow row(EventEntry entry) {
        return new EventRow(com.needleclinic.shared.Ids.newId(), entry.type(), clock.instant(), entry.resourceType(), entry.resourceId(),
                entry.patientId(), serialise(entry.data()));
    }

    private String serialise(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's data must serialise: " + data.getClass().getSimpleName(), e);
        }
    }

    /** Feed readers and webhooks hear of a committed change sooner than the sequencer's next poll. */
    private void wakeSequencerAfterCommit() {
        AfterCommit.run(transactions, sequencer::wake);
    }
}
