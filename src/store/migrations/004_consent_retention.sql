-- 004: consents (append-only history; the latest row per kind and partner is in force) and
-- what the retention job needs: each person's last activity and when they were anonymised.
CREATE TABLE consent (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  partner TEXT NOT NULL DEFAULT '',
  granted INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX consent_person ON consent(person_id, kind, partner, id);

ALTER TABLE person ADD COLUMN last_activity_at TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN anonymised_at TEXT NOT NULL DEFAULT '';
CREATE INDEX person_activity ON person(last_activity_at);
