// Fuzzy person search and fuzzy family tracing through the identity index: the query text
// is read as names in the orders people write them, each reading is a probe, and each person
// keeps its best score.
#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "linkage/record_index.h"
#include "service/audit.h"
#include "service/identity_service.h"
#include "service/person_access.h"

namespace acogida {
namespace {

constexpr int kMaxLimit = 100;
constexpr size_t kMaxQueryLength = 200;
constexpr size_t kMaxQueryWords = 6;
// Searches rank by weight; only clear non-matches are cut.
constexpr double kMinSearchProbability = 1e-6;
// Scoped actors see only some of the ranked persons: rank this many more before filtering.
constexpr size_t kScopedHeadroom = 200;

Person Reading(const std::string& given, const std::string& paternal, const std::string& maternal) {
  Person probe;
  probe.given_names = given;
  probe.paternal_surname = paternal;
  probe.maternal_surname = maternal;
  return probe;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t word_idx = from; word_idx < to; ++word_idx) out += (out.empty() ? "" : " ") + words[word_idx];
  return out;
}

// "José Luis Hernández García" as given names then surnames, with one surname missing, or
// surnames first ("Hernández García José Luis"), as lists and documents write them.
StatusOr<std::vector<Person>> Readings(const std::string& text) {
  if (text.size() > kMaxQueryLength) return InvalidArgument("q", "must be at most 200 characters");
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  if (words.size() > kMaxQueryWords) return InvalidArgument("q", "must have at most 6 words");
  if (words.size() < 2) return InvalidArgument("q", "give a name and a surname for a fuzzy search");
  const size_t n = words.size();
  std::vector<Person> readings;
  if (n == 2) {
    readings.push_back(Reading(words[0], words[1], ""));
    readings.push_back(Reading(words[0], "", words[1]));
    readings.push_back(Reading(words[1], words[0], ""));
    readings.push_back(Reading("", words[0], words[1]));
    return readings;
  }
  readings.push_back(Reading(Join(words, 0, n - 2), words[n - 2], words[n - 1]));
  readings.push_back(Reading(Join(words, 0, n - 1), words[n - 1], ""));
  readings.push_back(Reading(Join(words, 0, n - 1), "", words[n - 1]));
  readings.push_back(Reading(Join(words, 2, n), words[0], words[1]));
  return readings;
}

}  // namespace

StatusOr<PersonPage> IdentityService::Search(const Actor& actor, const PersonQuery& query) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  if (query.limit < 1 || query.limit > kMaxLimit) return InvalidArgument("limit", "must be 1 to 100");
  if (query.offset < 0) return InvalidArgument("offset", "must be 0 or more");
  ASSIGN_OR_RETURN(std::vector<Person> readings, Readings(query.text));
  const bool scoped = !WorksAtAllSites(actor.user.role);
  linkage::QueryOptions options;
  options.max_results = static_cast<size_t>(query.offset + query.limit) + (scoped ? kScopedHeadroom : 0);
  options.min_probability = kMinSearchProbability;
  ASSIGN_OR_RETURN(std::vector<Hit> hits, Query(readings, options));

  PersonPage page;
  std::vector<int64_t> anonymised;  // still in the index: anonymised since the last look
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    page = PersonPage{};
    anonymised.clear();
    int64_t seen = 0;
    std::vector<std::string> results;
    for (const Hit& hit : hits) {
      auto person = tx.GetPerson(hit.person_id);
      if (!person.ok()) continue;
      if (!person->anonymised_at.empty()) {
        anonymised.push_back(hit.person_id);
        continue;
      }
      if (scoped) {
        ASSIGN_OR_RETURN(std::vector<int64_t> sites, tx.SitesOfPerson(hit.person_id));
        if (!CoversAnyOf(actor, sites)) continue;
      }
      ++seen;
      if (seen <= query.offset || page.items.size() >= static_cast<size_t>(query.limit)) continue;
      results.push_back("person:" + std::to_string(hit.person_id));
      page.items.push_back(std::move(person).value());
    }
    page.total = seen;
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(results));
  }));
  Forget(anonymised);
  return page;
}

StatusOr<std::vector<TracingMatch>> IdentityService::Trace(const Actor& actor, const PersonQuery& query) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  if (query.limit < 1 || query.limit > kMaxLimit) return InvalidArgument("limit", "must be 1 to 100");
  ASSIGN_OR_RETURN(std::vector<Person> readings, Readings(query.text));
  linkage::QueryOptions options;
  // Most persons do not consent to be found: rank more, keep the consenting ones.
  options.max_results = static_cast<size_t>(query.limit) + kScopedHeadroom;
  options.min_probability = kMinSearchProbability;
  ASSIGN_OR_RETURN(std::vector<Hit> hits, Query(readings, options));

  std::vector<TracingMatch> matches;
  std::vector<int64_t> anonymised;  // still in the index: anonymised since the last look
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    matches.clear();
    anonymised.clear();
    std::vector<int64_t> ids;
    for (const Hit& hit : hits) ids.push_back(hit.person_id);
    ASSIGN_OR_RETURN(std::vector<LinkagePerson> found, tx.ListPersonsById(ids));
    std::unordered_map<int64_t, const LinkagePerson*> by_id;
    for (const LinkagePerson& row : found) by_id[row.person.id] = &row;
    std::vector<std::string> results;
    for (const Hit& hit : hits) {
      if (matches.size() >= static_cast<size_t>(query.limit)) break;
      auto row = by_id.find(hit.person_id);
      if (row == by_id.end()) continue;
      if (!row->second->person.anonymised_at.empty()) {
        anonymised.push_back(hit.person_id);
        continue;
      }
      if (!row->second->tracing_consent) continue;
      const Person& person = row->second->person;
      matches.push_back({person.id, person.FullName(), person.birth_date.year});
      results.push_back("person:" + std::to_string(person.id));
    }
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(results));
  }));
  Forget(anonymised);
  return matches;
}

}  // namespace acogida
