// CURP (Clave Única de Registro de Población): the 18-character Mexican population
// registry key. Layout: 4 letters from the names, birth date YYMMDD, sex (H, M, or X),
// 2-letter state of birth (NE for born abroad), 3 inner consonants, a homoclave
// character (a digit for births before 2000, a letter from 2000 on) and a check digit.
// Validation covers the format, a real birth date, a known state, and the check digit.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/birth_date.h"
#include "core/person.h"
#include "core/status.h"

namespace acogida {

struct CurpInfo {
  std::string curp;         // upper case, 18 characters
  BirthDate birth_date;     // full date; century from the homoclave character
  Sex sex = Sex::kUnknown;  // H → kMale, M → kFemale, X → kOther
  std::string state_code;   // INEGI code "01".."32", or "" for NE (born abroad)
};

// Validates `text` (case-insensitive, surrounding spaces ignored). On failure returns
// InvalidArgument(field) saying what is wrong: length, format, date, state or check digit.
StatusOr<CurpInfo> ParseCurp(std::string_view text, std::string_view field = "curp");

// The check digit ('0'..'9') for the first 17 characters of a CURP (upper case).
char CurpCheckDigit(std::string_view first17);

// Checks that a valid CURP agrees with what else is known of the person: the full birth
// date (or its known part), sex, and state of birth. Unknown fields are not compared.
// Returns InvalidArgument(field) naming the disagreement.
Status CheckCurpAgreesWithPerson(const CurpInfo& info, const Person& person, std::string_view field = "curp");

}  // namespace acogida
