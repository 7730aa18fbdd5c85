-- Insurers pull by submission (docs/rules.md): GET /claims?submittedFrom=&submittedTo= and the
-- resumable submittedAfter= walk read claims in (created_at, id) order, per insurer or for all.
create index claim_insurer_submitted on claim (insurer_id, created_at, id);
create index claim_submitted on claim (created_at, id);
