-- 011: legal aid (issue 6). The intake screening (one per person, its answers as
-- "item:answer" pairs), legal cases with their status history, deadlines, appointments,
-- privileged notes (body sealed like person notes: "legal_note.body.<id>"), the documents
-- checklist, the lawyer directory, and how a person may be contacted after leaving (the
-- number sealed: "legal_contact.contact.<person id>"). The A-number is sealed too.
CREATE TABLE lawyer (
  id {{ID}},
  name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  specialties TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL DEFAULT 10,
  user_id BIGINT REFERENCES user_account(id),
  active INTEGER NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  CHECK (kind IN ('consulate', 'ngo', 'pro_bono'))
);
CREATE UNIQUE INDEX lawyer_user ON lawyer(user_id) WHERE user_id IS NOT NULL;

CREATE TABLE legal_screening (
  id {{ID}},
  person_id BIGINT NOT NULL UNIQUE REFERENCES person(id),
  site_id BIGINT NOT NULL REFERENCES site(id),
  answers TEXT NOT NULL DEFAULT '',
  a_number TEXT NOT NULL DEFAULT '',
  court TEXT NOT NULL DEFAULT '',
  hearing_date TEXT NOT NULL DEFAULT '',
  screened_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE legal_case (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES person(id),
  site_id BIGINT NOT NULL REFERENCES site(id),
  case_type TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new',
  outcome TEXT NOT NULL DEFAULT '',
  screening_item TEXT NOT NULL DEFAULT '',
  lawyer_id BIGINT REFERENCES lawyer(id),
  summary TEXT NOT NULL DEFAULT '',
  next_action_date TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  CHECK (status IN ('new', 'assigned', 'in_progress', 'referred', 'closed')),
  CHECK ((status = 'closed') = (outcome <> ''))
);
CREATE INDEX legal_case_person ON legal_case(person_id);
CREATE INDEX legal_case_site ON legal_case(site_id, status);
CREATE INDEX legal_case_lawyer ON legal_case(lawyer_id, status);

-- Every change of a case's status or lawyer, oldest first.
CREATE TABLE legal_case_event (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES legal_case(id),
  status TEXT NOT NULL,
  lawyer_id BIGINT,
  outcome TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  by_user TEXT NOT NULL
);
CREATE INDEX legal_case_event_case ON legal_case_event(case_id, id);

CREATE TABLE legal_deadline (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES legal_case(id),
  title TEXT NOT NULL,
  due_date TEXT NOT NULL,
  met_at TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX legal_deadline_case ON legal_deadline(case_id, due_date);
CREATE INDEX legal_deadline_open ON legal_deadline(met_at, due_date);

CREATE TABLE legal_appointment (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES legal_case(id),
  lawyer_id BIGINT REFERENCES lawyer(id),
  site_id BIGINT NOT NULL REFERENCES site(id),
  starts_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL,
  mode TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX legal_appointment_case ON legal_appointment(case_id, starts_at);
CREATE INDEX legal_appointment_lawyer ON legal_appointment(lawyer_id, starts_at);
CREATE INDEX legal_appointment_site ON legal_appointment(site_id, starts_at);

CREATE TABLE legal_note (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES legal_case(id),
  body TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX legal_note_case ON legal_note(case_id, id);

CREATE TABLE legal_document (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES legal_case(id),
  item TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'needed',
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  CHECK (status IN ('needed', 'requested', 'received', 'not_applicable'))
);
CREATE UNIQUE INDEX legal_document_item ON legal_document(case_id, item);

CREATE TABLE legal_contact (
  person_id BIGINT NOT NULL PRIMARY KEY REFERENCES person(id),
  channel TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  consent INTEGER NOT NULL,
  best_time TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
