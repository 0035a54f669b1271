-- 013: the reception flow's services checklist. One row per person and item with its current
-- status (and, for transport home, where to and on which bus), and every change kept in
-- service_event with who and when (the dashboards count deliveries and refusals from it).
-- A site's choice of the items it offers is a comma list on the site ('' = every item).
ALTER TABLE site ADD COLUMN services_offered TEXT NOT NULL DEFAULT '';

CREATE TABLE service_record (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES person(id),
  site_id BIGINT NOT NULL REFERENCES site(id),
  item TEXT NOT NULL,
  status TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  destination_state TEXT NOT NULL DEFAULT '',
  destination_municipality TEXT NOT NULL DEFAULT '',
  bus TEXT NOT NULL DEFAULT '',
  departure_at TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  CHECK (status IN ('offered', 'accepted', 'declined', 'done'))
);
CREATE UNIQUE INDEX service_record_person_item ON service_record(person_id, item);
CREATE INDEX service_record_site ON service_record(site_id, item, status);

CREATE TABLE service_event (
  id {{ID}},
  record_id BIGINT NOT NULL REFERENCES service_record(id),
  site_id BIGINT NOT NULL REFERENCES site(id),
  item TEXT NOT NULL,
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL
);
CREATE INDEX service_event_at ON service_event(at, site_id);
