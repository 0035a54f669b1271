// Choosing a lawyer for a legal case: suggestions from the directory by specialty, language and
// current load, and the conflict check (the lawyer already represents another party in a
// linked case). Pure functions over values the service reads from the store; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/legal.h"

namespace acogida {

// A directory entry with the open (not closed) cases assigned to it now.
struct LawyerLoad {
  Lawyer lawyer;
  int open_cases = 0;
};

struct LawyerSuggestion {
  int64_t lawyer_id = 0;
  std::string name;
  std::string organisation;
  bool speaks_language = false;  // shares a language with the person
  int open_cases = 0;
  int capacity = 0;
  bool conflict = false;         // represents another party in a linked case (not assignable)
};

// Active lawyers with the case type among their specialties and room under their capacity,
// best first: without a conflict, then speaking one of `languages`, then the lowest share of
// capacity in use, then the fewest open cases, then id. Conflicted lawyers come last, marked.
// `conflicted_lawyer_ids` comes from FindConflicts.
std::vector<LawyerSuggestion> SuggestLawyers(const std::vector<LawyerLoad>& lawyers, CaseType type,
                                             const std::vector<std::string>& languages,
                                             const std::vector<int64_t>& conflicted_lawyer_ids);

// A case of another party related to the person (a member of the same household, across the
// records staff linked as the same human being), with its lawyer.
struct RelatedCase {
  int64_t case_id = 0;
  int64_t person_id = 0;
  CaseType type = CaseType::kOther;
  CaseStatus status = CaseStatus::kNew;
  int64_t lawyer_id = 0;
};

// The open related cases of the same type whose lawyer is `lawyer_id` (0 finds none): a lawyer
// cannot represent two parties of one family matter (a custody dispute between the parents).
std::vector<int64_t> FindConflicts(int64_t lawyer_id, CaseType type, const std::vector<RelatedCase>& related);
// The lawyers with a conflict for a case of `type` among `related`.
std::vector<int64_t> ConflictedLawyers(CaseType type, const std::vector<RelatedCase>& related);

}  // namespace acogida
