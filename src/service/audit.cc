// Audit rows for use cases.
#include "service/audit.h"

namespace acogida {

Status AppendAuditRow(Tx& tx, const Actor& actor, std::string_view action, std::string_view record_type,
                      int64_t record_id, std::vector<std::string> fields) {
  AuditEntry entry;
  entry.user_id = actor.user.id;
  entry.username = actor.user.username;
  entry.role = RoleName(actor.user.role);
  entry.action = action;
  entry.record_type = record_type;
  entry.record_id = record_id;
  entry.fields = std::move(fields);
  entry.remote_address = actor.remote_address;
  entry.reason = actor.reason;
  return tx.AppendAudit(entry);
}

std::vector<std::string> FilledPersonFields(const Person& person) {
  std::vector<std::string> fields;
  auto add_if = [&](bool filled, const char* name) {
    if (filled) fields.push_back(name);
  };
  add_if(!person.given_names.empty(), "given_names");
  add_if(!person.paternal_surname.empty(), "paternal_surname");
  add_if(!person.maternal_surname.empty(), "maternal_surname");
  add_if(person.sex != Sex::kUnknown, "sex");
  add_if(person.birth_date.known(), "birth_date");
  add_if(!person.birth_state.empty(), "birth_state");
  add_if(!person.birth_municipality.empty(), "birth_municipality");
  add_if(!person.curp.empty(), "curp");
  add_if(!person.languages.empty(), "languages");
  add_if(!person.phone.empty(), "phone");
  add_if(!person.notes.empty(), "notes");
  fields.push_back("relationship");
  return fields;
}

Actor CommandLineActor() {
  Actor actor;
  actor.user.username = "command-line";
  actor.user.role = Role::kAdministrator;
  actor.remote_address = "local";
  return actor;
}

}  // namespace acogida
