-- 010: the bed board. A stay is a person in a bed of a section, from check-in until
-- check-out (or until the nightly reconciliation closes it, long after its expected
-- check-out, so that stale occupancy never counts as real). A hold is beds promised to a
-- group in transit, released by staff, by check-ins, or by expiry. Occupancy is counted
-- from these rows, never kept as a counter. board_updated_at says how fresh a section's
-- figures are, and its update is also the row lock that serialises bookings of one section.
ALTER TABLE section ADD COLUMN accessible INTEGER NOT NULL DEFAULT 0;
ALTER TABLE section ADD COLUMN board_updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE site ADD COLUMN publish_capacity INTEGER NOT NULL DEFAULT 0;

CREATE TABLE stay (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES person(id),
  site_id BIGINT NOT NULL REFERENCES site(id),
  section_id BIGINT NOT NULL REFERENCES section(id),
  checked_in_at TEXT NOT NULL,
  checked_in_by TEXT NOT NULL,
  expected_checkout TEXT NOT NULL,
  checked_out_at TEXT NOT NULL DEFAULT '',
  checked_out_by TEXT NOT NULL DEFAULT '',
  closed_reason TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  CHECK (closed_reason IN ('', 'checked_out', 'moved', 'reconciled'))
);
CREATE INDEX stay_open_section ON stay(section_id) WHERE checked_out_at = '';
CREATE UNIQUE INDEX stay_open_person ON stay(person_id) WHERE checked_out_at = '';
CREATE INDEX stay_site ON stay(site_id, checked_in_at);

CREATE TABLE bed_hold (
  id {{ID}},
  site_id BIGINT NOT NULL REFERENCES site(id),
  section_id BIGINT NOT NULL REFERENCES section(id),
  beds INTEGER NOT NULL CHECK (beds > 0),
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  released_at TEXT NOT NULL DEFAULT '',
  released_by TEXT NOT NULL DEFAULT '',
  released_reason TEXT NOT NULL DEFAULT '',
  CHECK (released_reason IN ('', 'cancelled', 'expired', 'checked_in'))
);
CREATE INDEX bed_hold_open_section ON bed_hold(section_id, expires_at) WHERE released_at = '';
