// The name-level edits behind Corrupt() (corruption.h): nickname, first given name only,
// typo and phonetic spelling. Each changes its argument in place and returns true, or
// returns false and leaves it unchanged when the edit cannot apply. Pure; thread-safe if
// each thread has its own Rng.
#pragma once

#include <string>

#include "core/person.h"
#include "synth/rng.h"

namespace acogida::synth {

// Replaces a given name (or compound, "José María") found in Nicknames() by one of its
// nicknames. A leading María/José (or particle) before the replaced name is dropped, as
// people called Lupe rarely give "María Lupe": "María Guadalupe" → "Lupe",
// "José Luis" → "Pepe Luis". False when no name in `given_names` has a nickname.
bool ApplyNickname(std::string& given_names, Rng& rng);

// Keeps the first of several given names ("Juan Carlos" → "Juan"); an abbreviated first
// name is written out ("Ma. del Carmen" → "María"). False for a single given name.
bool ApplyFirstGivenNameOnly(std::string& given_names);

// One insertion, deletion, substitution or transposition of letters (never the first
// letter) in one of the person's names of three or more letters. False when none has.
bool ApplyTypo(Person& person, Rng& rng);

// One sound spelled another way in one of the person's names: v↔b, z→s, s→z, c→s and
// s→c before e/i, ll→y, y→ll before a vowel, h dropped (not in "ch"), x→j before a
// vowel, j→x before e/i (Jimena → Ximena). Case is kept. False when no rule applies.
bool ApplyPhoneticSpelling(Person& person, Rng& rng);

}  // namespace acogida::synth
