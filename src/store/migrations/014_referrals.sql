-- 014: the referral directory and referrals (issue #8). An organisation of the directory keeps
-- its Open Referral HSDS id (hsds_id, not unique: databases merged by `acogida migrate` may
-- hold the same directory) and comma lists of its services and languages. A user who belongs
-- to an organisation (organisation_member; user_account is untouched) sees and updates the
-- referrals sent to it. Every status change of a referral is kept in referral_event.
CREATE TABLE organisation (
  id {{ID}},
  hsds_id TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  services TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT '',
  hours TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  accepts_referrals INTEGER NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX organisation_hsds ON organisation(hsds_id);
CREATE INDEX organisation_name ON organisation(name);

CREATE TABLE organisation_member (
  user_id BIGINT NOT NULL REFERENCES user_account(id),
  organisation_id BIGINT NOT NULL REFERENCES organisation(id),
  PRIMARY KEY (user_id, organisation_id)
);
CREATE INDEX organisation_member_organisation ON organisation_member(organisation_id);

CREATE TABLE referral (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES person(id),
  organisation_id BIGINT NOT NULL REFERENCES organisation(id),
  service TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  CHECK (status IN ('sent', 'accepted', 'declined', 'done'))
);
CREATE INDEX referral_person ON referral(person_id);
CREATE INDEX referral_organisation ON referral(organisation_id, status);

CREATE TABLE referral_event (
  id {{ID}},
  referral_id BIGINT NOT NULL REFERENCES referral(id),
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL
);
CREATE INDEX referral_event_referral ON referral_event(referral_id);
