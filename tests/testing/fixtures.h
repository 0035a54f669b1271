// Small valid domain values for tests: a site, a section, a person, an actor.
#pragma once

#include "core/account.h"
#include "core/person.h"
#include "core/site.h"

namespace acogida::testing {

inline Site TijuanaCentre() {
  Site site;
  site.name = "Centro de Atención Tijuana";
  site.kind = SiteKind::kReceptionCentre;
  site.operator_name = "Gobierno de México";
  site.city = "Tijuana";
  site.state = "02";
  site.timezone = "America/Tijuana";
  site.latitude = 32.5149;
  site.longitude = -117.0382;
  return site;
}

inline Section MenSection(int64_t site_id, int beds = 120) {
  Section section;
  section.site_id = site_id;
  section.name = "Hombres A";
  section.kind = SectionKind::kMen;
  section.beds = beds;
  return section;
}

inline Person MakePerson(std::string given, std::string paternal, std::string maternal,
                         Relationship relationship = Relationship::kHead) {
  Person person;
  person.given_names = std::move(given);
  person.paternal_surname = std::move(paternal);
  person.maternal_surname = std::move(maternal);
  person.sex = Sex::kFemale;
  person.birth_date = BirthDate{1985, 3, 12};
  person.birth_state = "16";
  person.languages = {"spa"};
  person.relationship = relationship;
  person.consents.services = true;
  return person;
}

// An actor of `role` working at `site_ids`, with a break-glass reason for coordinators.
inline Actor TestActor(Role role, std::vector<int64_t> site_ids = {}, int64_t user_id = 1) {
  Actor actor;
  actor.user.id = user_id;
  actor.user.username = std::string("test.") + std::string(RoleName(role));
  actor.user.role = role;
  actor.user.site_ids = std::move(site_ids);
  actor.remote_address = "127.0.0.1";
  if (role == Role::kCoordinator) actor.reason = "prueba automatizada";
  return actor;
}

}  // namespace acogida::testing
