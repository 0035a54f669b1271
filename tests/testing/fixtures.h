// Small valid domain values for tests: a site, a section, a person, a household.
#pragma once

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
  return person;
}

}  // namespace acogida::testing
