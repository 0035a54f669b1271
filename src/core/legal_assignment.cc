// Lawyer suggestions and the conflict check.
#include "core/legal_assignment.h"

#include <algorithm>

namespace acogida {
namespace {

bool Contains(const std::vector<int64_t>& ids, int64_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

bool RelatedConflicts(const RelatedCase& related, CaseType type) {
  return related.lawyer_id != 0 && related.type == type && related.status != CaseStatus::kClosed;
}

}  // namespace

std::vector<LawyerSuggestion> SuggestLawyers(const std::vector<LawyerLoad>& lawyers, CaseType type,
                                             const std::vector<std::string>& languages,
                                             const std::vector<int64_t>& conflicted_lawyer_ids) {
  std::vector<LawyerSuggestion> out;
  for (const LawyerLoad& load : lawyers) {
    const Lawyer& lawyer = load.lawyer;
    if (!lawyer.active || load.open_cases >= lawyer.capacity) continue;
    if (std::find(lawyer.specialties.begin(), lawyer.specialties.end(), type) == lawyer.specialties.end()) continue;
    LawyerSuggestion suggestion;
    suggestion.lawyer_id = lawyer.id;
    suggestion.name = lawyer.name;
    suggestion.organisation = lawyer.organisation;
    suggestion.open_cases = load.open_cases;
    suggestion.capacity = lawyer.capacity;
    suggestion.conflict = Contains(conflicted_lawyer_ids, lawyer.id);
    for (const std::string& language : languages) {
      if (std::find(lawyer.languages.begin(), lawyer.languages.end(), language) != lawyer.languages.end()) {
        suggestion.speaks_language = true;
      }
    }
    out.push_back(std::move(suggestion));
  }
  std::sort(out.begin(), out.end(), [](const LawyerSuggestion& x, const LawyerSuggestion& y) {
    if (x.conflict != y.conflict) return !x.conflict;
    if (x.speaks_language != y.speaks_language) return x.speaks_language;
    // Share of capacity in use, compared without division: x.open/x.cap < y.open/y.cap.
    const int64_t lhs = static_cast<int64_t>(x.open_cases) * y.capacity;
    const int64_t rhs = static_cast<int64_t>(y.open_cases) * x.capacity;
    if (lhs != rhs) return lhs < rhs;
    if (x.open_cases != y.open_cases) return x.open_cases < y.open_cases;
    return x.lawyer_id < y.lawyer_id;
  });
  return out;
}

std::vector<int64_t> FindConflicts(int64_t lawyer_id, CaseType type, const std::vector<RelatedCase>& related) {
  std::vector<int64_t> cases;
  if (lawyer_id == 0) return cases;
  for (const RelatedCase& other : related) {
    if (other.lawyer_id == lawyer_id && RelatedConflicts(other, type)) cases.push_back(other.case_id);
  }
  return cases;
}

std::vector<int64_t> ConflictedLawyers(CaseType type, const std::vector<RelatedCase>& related) {
  std::vector<int64_t> lawyers;
  for (const RelatedCase& other : related) {
    if (RelatedConflicts(other, type) && !Contains(lawyers, other.lawyer_id)) lawyers.push_back(other.lawyer_id);
  }
  return lawyers;
}

}  // namespace acogida
