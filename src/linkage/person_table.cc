// Person → row of the person schema.
#include "linkage/person_table.h"

#include "linkage/settings.h"

namespace acogida::linkage {
namespace {

std::string SexLetterOf(Sex sex) {
  switch (sex) {
    case Sex::kMale: return "H";
    case Sex::kFemale: return "M";
    case Sex::kOther: return "X";
    case Sex::kUnknown: return "";
  }
  return "";
}

}  // namespace

std::vector<std::string> PersonRow(const Person& person, const std::string& site) {
  return {std::to_string(person.id),  person.given_names,          person.paternal_surname,
          person.maternal_surname,    SexLetterOf(person.sex),     person.birth_date.ToString(),
          person.birth_state,         person.curp,                 site};
}

Table PersonTable(std::span<const Person> persons) {
  Table table(PersonColumns());
  table.Reserve(persons.size());
  for (const Person& person : persons) table.AddRow(PersonRow(person));
  return table;
}

}  // namespace acogida::linkage
