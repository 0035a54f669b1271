// Normalisation of Mexican names for comparison. Given names become canonical tokens:
// folded (accents, case), particles dropped ("María del Carmen" → maria carmen),
// abbreviations and unambiguous nicknames written out (Ma. → maria, Pepe → jose,
// Chema → jose maria). A nickname with several names (Beto) stays as it is and is
// compared as compatible with each of them. Surnames become their folded words without
// particles ("de la Cruz" → cruz; "García-López" → garcia lopez). Pure; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace acogida::linkage {

// The canonical tokens of `given_names` (see above). Empty for an empty name.
std::vector<std::string> CanonicalGivenNames(std::string_view given_names);

// The canonical words of one surname joined by single spaces ("De la Cruz" → "cruz").
std::string CanonicalSurname(std::string_view surname);

// True if two canonical given-name tokens name the same name: equal, or one a nickname
// that may stand for the other (beto ~ roberto), or two nicknames of one name.
bool SameGivenName(std::string_view a, std::string_view b);
// The same, with the nickname lookups done beforehand (Nicknames().NamesFor of each).
bool SameGivenName(std::string_view a, std::span<const std::string> names_of_a, std::string_view b,
                   std::span<const std::string> names_of_b);

// True if every token of `part` is the SameGivenName as a distinct token of `whole`
// ("guadalupe" within "maria guadalupe"; "jose" within "jose luis").
bool GivenNamesWithin(const std::vector<std::string>& part, const std::vector<std::string>& whole);

// The first given name that identifies the person: the first token, unless it is maria
// or jose followed by another name (as in the CURP: "José Luis" → luis).
std::string_view CoreGivenName(const std::vector<std::string>& tokens);

// Joins tokens with single spaces.
std::string JoinTokens(const std::vector<std::string>& tokens);

}  // namespace acogida::linkage
