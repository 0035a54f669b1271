-- 009: staff decisions on whether two person records are one human being. "same" links two
-- records (reversible: undoing keeps the row, with undone_at/undone_by, as history);
-- "different" is a split, remembered so the pair is never proposed again. A pair is stored
-- once, smaller id first (the store orders it; an import may renumber), and has at most one
-- decision in force.
CREATE TABLE person_link (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES person(id),
  other_id BIGINT NOT NULL REFERENCES person(id),
  decision TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  undone_at TEXT NOT NULL DEFAULT '',
  undone_by TEXT NOT NULL DEFAULT '',
  CHECK (decision IN ('same', 'different'))
);
CREATE UNIQUE INDEX person_link_in_force ON person_link(person_id, other_id) WHERE undone_at = '';
CREATE INDEX person_link_other ON person_link(other_id, person_id);
