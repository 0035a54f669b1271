// Appending to the audit trail from a use case, inside its transaction, so that a read or
// write of a person and its audit row commit together or not at all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/account.h"
#include "core/person.h"
#include "store/store.h"

namespace acogida {

Status AppendAuditRow(Tx& tx, const Actor& actor, std::string_view action, std::string_view record_type,
                      int64_t record_id, std::vector<std::string> fields = {});

// The names of a person's fields that hold a value (what a read discloses, what a write sets).
std::vector<std::string> FilledPersonFields(const Person& person);

// The actor for work done at the machine by an operator with the database file (CLI).
Actor CommandLineActor();

}  // namespace acogida
