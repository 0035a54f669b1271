// Persons (core/person.h) as rows of the person schema the engine and the command line use:
// record_id, given_names, paternal_surname, maternal_surname, sex (H/M/X), birth_date,
// birth_state, curp, site. This is how the product hands its registry to the engine.
// Pure; thread-safe.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/person.h"
#include "linkage/table.h"

namespace acogida::linkage {

// The row of `person`; record_id is person.id, site is `site`.
std::vector<std::string> PersonRow(const Person& person, const std::string& site = "");

// A table of PersonColumns() with one row per person.
Table PersonTable(std::span<const Person> persons);

}  // namespace acogida::linkage
