// What both backends index of a person for name search and ordering, derived from
// core's name normalisation so that search behaves the same on SQLite and PostgreSQL.
#pragma once

#include <string>
#include <vector>

#include "core/person.h"

namespace acogida {

// Distinct folded words of the given names and both surnames, particles dropped.
std::vector<std::string> PersonNameTokens(const Person& person);

// Folded "paternal maternal given" for a stable alphabetical order.
std::string PersonSortKey(const Person& person);

// The smallest string greater than every string that starts with `prefix`, for the
// range scan token >= prefix AND token < PrefixUpperBound(prefix).
std::string PrefixUpperBound(const std::string& prefix);

}  // namespace acogida
