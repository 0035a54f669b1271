// The input rules every entry path applies (HTTP, CLI, demo data) before anything is
// stored. Each function checks one value, normalises it in place where the rule says so
// (names cleaned, CURP upper case, phone in E.164), and returns OK or InvalidArgument
// naming the field at fault ("members[1].birth_date"). On failure the value may be left
// partly normalised. Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "core/person.h"
#include "core/site.h"
#include "core/status.h"

namespace acogida {

// Checks and normalises one person, as registered on `today_iso` ("YYYY-MM-DD"; when empty,
// the birth date is not checked against today):
//  - given_names, paternal_surname, maternal_surname: cleaned with CleanName (accents
//    kept, whitespace collapsed; no digits or control characters; at most 80 characters;
//    not punctuation alone). given_names is required; so is paternal_surname unless
//    maternal_surname is given.
//  - birth_date: a real date, year 1900 or later, not after today.
//  - birth_state: "" or an INEGI code "01".."32"; birth_municipality: "" or 3 digits
//    "001".."570", and only with a birth_state.
//  - curp: "" (or blank) or a valid CURP, stored trimmed and upper case, that agrees with
//    the birth date, sex (F/M only) and birth state given.
//  - languages: at most 10, each an ISO 639 code of 2 or 3 lower-case letters.
//  - phone: spaces, dashes, dots and parentheses are removed; then "" or '+' and 8 to 15
//    digits. A 10-digit number without '+' is Mexican and becomes "+52" + the digits.
Status ValidatePerson(Person& person, std::string_view today_iso);

// Checks a household: 1 to 30 members, exactly one of them the head, each member valid
// (errors named "members[i].field"), and no CURP shared by two members.
Status ValidateHousehold(Household& household, std::string_view today_iso);

// Checks a site: name 1 to 120 characters and city required (both trimmed in place;
// operator_name trimmed, at most 120), state an INEGI code, latitude in [-90, 90],
// longitude in [-180, 180], and timezone shaped like an IANA zone, "Area/Location"
// (letters, '_', '-'; whether ICU knows the zone is not checked).
Status ValidateSite(Site& site);

// Checks required one-line free text (a hold's label): trimmed in place, 1 to `max_chars`
// characters of valid UTF-8 without control characters. InvalidArgument(field) otherwise.
Status ValidateShortText(std::string& text, const char* field, size_t max_chars);

// Checks a section: name 1 to 80 characters (trimmed in place), beds 0 to 5000.
Status ValidateSection(Section& section);

}  // namespace acogida
