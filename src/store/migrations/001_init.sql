-- 001: sites, sections, households, persons, name search tokens, arrivals.
-- Portable SQL; {{ID}} is the one dialect difference (an auto-assigned integer primary key).
CREATE TABLE site (
  id {{ID}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  operator TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  timezone TEXT NOT NULL,
  latitude DOUBLE PRECISION NOT NULL,
  longitude DOUBLE PRECISION NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE section (
  id {{ID}},
  site_id BIGINT NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  beds INTEGER NOT NULL CHECK (beds >= 0),
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX section_site ON section(site_id);

CREATE TABLE household (
  id {{ID}},
  site_id BIGINT NOT NULL REFERENCES site(id),
  created_at TEXT NOT NULL
);
CREATE INDEX household_site ON household(site_id);

CREATE TABLE person (
  id {{ID}},
  household_id BIGINT NOT NULL REFERENCES household(id),
  given_names TEXT NOT NULL,
  paternal_surname TEXT NOT NULL DEFAULT '',
  maternal_surname TEXT NOT NULL DEFAULT '',
  sort_key TEXT NOT NULL,
  sex TEXT NOT NULL DEFAULT '',
  birth_date TEXT NOT NULL DEFAULT '',
  birth_state TEXT NOT NULL DEFAULT '',
  birth_municipality TEXT NOT NULL DEFAULT '',
  curp TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  relationship TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX person_household ON person(household_id);
CREATE INDEX person_sort ON person(sort_key, id);
CREATE INDEX person_curp ON person(curp);

-- One row per distinct folded name word of a person: prefix search by range scan on the
-- primary key, and "does this person have a word with this prefix" by (person_id, token).
CREATE TABLE person_token (
  token TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  PRIMARY KEY (token, person_id)
);
CREATE INDEX person_token_person ON person_token(person_id, token);

CREATE TABLE arrival (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES person(id),
  household_id BIGINT NOT NULL REFERENCES household(id),
  site_id BIGINT NOT NULL REFERENCES site(id),
  arrived_at TEXT NOT NULL,
  mode TEXT NOT NULL,
  batch_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX arrival_site_time ON arrival(site_id, arrived_at);
CREATE INDEX arrival_person ON arrival(person_id);
