-- Issue 19: the due date in force and the legal due date are two columns.
-- due_at: the date in force, what the applicant is told and what the queue, the pages and tracking show; it
-- moves with an apology (form 04, a new appointment) and restarts when missing papers arrive.
-- legal_due_at: the legal deadline, set when the dossier is received (or filed) and restarted when the missing
-- papers arrive, never moved by an apology; the on-time statistics compare with it, so an apology does not
-- turn a late dossier into an on-time one (our reading of Decision 61/2018/NĐ-CP, unconfirmed: docs/dossiers.md).
ALTER TABLE "dossier" ADD COLUMN "legal_due_at" TIMESTAMPTZ(3);

-- Until now no apology moved due_at, so due_at is the legal deadline of every existing dossier.
UPDATE "dossier" SET "legal_due_at" = "due_at" WHERE "due_at" IS NOT NULL;

-- An apology recorded before this change promised a new date that due_at never took: the latest apology since
-- the deadline last (re)started (receive, supply) becomes the date in force, at the office's closing time
-- (17:00 in Vietnam, as lib/calendar's dueDate). An impossible date stored before dates were checked is skipped.
UPDATE "dossier" d
   SET "due_at" = (a.new_date + time '17:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
  FROM (
    SELECT DISTINCT ON (x.dossier_id) x.dossier_id, x.seq, x.new_date
      FROM (
        SELECT e.dossier_id, e.seq,
               CASE WHEN e.data ->> 'newDate' ~ '^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
                    THEN CASE WHEN substr(e.data ->> 'newDate', 9, 2)::int
                                   <= extract(day FROM make_date(substr(e.data ->> 'newDate', 1, 4)::int, substr(e.data ->> 'newDate', 6, 2)::int, 1)
                                                       + interval '1 month' - interval '1 day')
                              THEN (e.data ->> 'newDate')::date END
               END AS new_date
          FROM "dossier_event" e
         WHERE e.action = 'apologize'
      ) x
     WHERE x.new_date IS NOT NULL
     ORDER BY x.dossier_id, x.seq DESC
  ) a
 WHERE a.dossier_id = d.id
   AND NOT EXISTS (SELECT 1 FROM "dossier_event" s WHERE s.dossier_id = d.id AND s.action IN ('receive', 'supply') AND s.seq > a.seq);
