// The identity index (loading, catching up with other servers) and the matches shown while
// a registrar types.
#include "service/identity_service.h"

#include <algorithm>
#include <unordered_map>

#include "linkage/person_table.h"
#include "linkage/record_index.h"
#include "linkage/settings.h"
#include "service/audit.h"
#include "service/person_access.h"

namespace acogida {
namespace {

constexpr int kLoadBatch = 20000;
// Ids skipped by the sequence are looked for again this long, then taken as rolled back.
constexpr auto kGapWait = std::chrono::seconds(120);
constexpr int64_t kMaxGapPerStep = 256;  // a larger jump is not a transaction in flight
constexpr size_t kMaxReasonLength = 300;

// The prior of an untrained model: the engine's default of 0.5 matches per record (λ = 1/N),
// with the registry counted as at least this many persons, so that in a small registry a
// namesake born another day is not proposed just because there are few others to choose from.
constexpr double kMinPriorRegistry = 100000;

}  // namespace

IdentityService::IdentityService(Store& store, IdentityOptions options) : store_(store), options_(options) {}
IdentityService::~IdentityService() = default;

void IdentityService::AddLocked(const std::vector<LinkagePerson>& rows, bool note_gaps) {
  const auto now = std::chrono::steady_clock::now();
  for (const LinkagePerson& row : rows) {
    const int64_t id = row.person.id;
    if (id > last_id_) {
      if (note_gaps && last_id_ > 0 && id - last_id_ - 1 <= kMaxGapPerStep) {
        for (int64_t missing = last_id_ + 1; missing < id; ++missing) gaps_.emplace(missing, now);
      }
      last_id_ = id;
    } else {
      gaps_.erase(id);
    }
    if (!row.person.anonymised_at.empty()) continue;
    const uint32_t record = index_->Add(linkage::PersonRow(row.person));
    person_of_record_.push_back(id);
    record_of_person_[id] = record;
  }
}

StatusOr<std::vector<int64_t>> IdentityService::AnonymisedSinceLastLook(bool first_load) {
  const auto now = std::chrono::steady_clock::now();
  if (!first_load && now - anonymised_looked_ < options_.anonymised_check_every) return std::vector<int64_t>{};
  // anonymised_at is the anonymising transaction's start on its server's clock: one that
  // commits after a newer one was read is caught by looking kGapWait further back.
  std::string since;
  if (!anonymised_seen_.empty()) {
    auto seen = ParseUtc(anonymised_seen_, "anonymised_at");
    if (seen.ok()) since = FormatUtc(*seen - kGapWait);
  }
  std::vector<std::pair<int64_t, std::string>> rows;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(rows, tx.ListPersonsAnonymisedSince(since));
    return OkStatus();
  }));
  anonymised_looked_ = now;
  std::vector<int64_t> person_ids;
  for (const auto& [person_id, anonymised_at] : rows) {
    person_ids.push_back(person_id);
    anonymised_seen_ = std::max(anonymised_seen_, anonymised_at);
  }
  return person_ids;
}

void IdentityService::Forget(const std::vector<int64_t>& person_ids) {
  if (person_ids.empty()) return;
  std::unique_lock<std::shared_mutex> removing(index_mutex_);
  ForgetLocked(person_ids);
}

void IdentityService::ForgetLocked(const std::vector<int64_t>& person_ids) {
  std::vector<uint32_t> records;
  for (int64_t person_id : person_ids) {
    auto it = record_of_person_.find(person_id);
    if (it == record_of_person_.end()) continue;
    records.push_back(it->second);
    record_of_person_.erase(it);
  }
  if (!records.empty()) index_->Remove(records);
}

StatusOr<size_t> IdentityService::Refresh() {
  std::lock_guard<std::mutex> refreshing(refresh_mutex_);
  const bool first_load = index_ == nullptr;
  if (first_load) {
    ASSIGN_OR_RETURN(auto index, linkage::RecordIndex::Make(linkage::PersonQuerySettings(), linkage::PersonColumns()));
    std::unique_lock<std::shared_mutex> adding(index_mutex_);
    index_ = std::move(index);
  }
  // Look for anonymised persons before reading new ones: a person anonymised after this look
  // and read below is skipped as anonymised, and one read earlier is found by the next look.
  ASSIGN_OR_RETURN(std::vector<int64_t> anonymised, AnonymisedSinceLastLook(first_load));
  // Expire old gaps, then read the persons after the last one and the gaps again.
  const auto now = std::chrono::steady_clock::now();
  std::erase_if(gaps_, [&](const auto& gap) { return now - gap.second > kGapWait; });
  while (true) {
    std::vector<LinkagePerson> rows;
    std::vector<LinkagePerson> filled;
    RETURN_IF_ERROR(store_.InTransaction(TxMode::kRead, [&](Tx& tx) -> Status {
      ASSIGN_OR_RETURN(rows, tx.ListPersonsAfter(last_id_, kLoadBatch));
      if (!gaps_.empty()) {
        std::vector<int64_t> ids;
        for (const auto& gap : gaps_) ids.push_back(gap.first);
        ASSIGN_OR_RETURN(filled, tx.ListPersonsById(ids));
      }
      return OkStatus();
    }));
    if (rows.empty() && filled.empty()) break;
    std::unique_lock<std::shared_mutex> adding(index_mutex_);
    AddLocked(filled, /*note_gaps=*/false);
    AddLocked(rows, /*note_gaps=*/!first_load);
    if (rows.size() < static_cast<size_t>(kLoadBatch)) break;
  }
  if (!anonymised.empty()) {
    std::unique_lock<std::shared_mutex> removing(index_mutex_);
    ForgetLocked(anonymised);
  }
  if (first_load && options_.train_min_records > 0 && index_->size() >= options_.train_min_records) {
    std::unique_lock<std::shared_mutex> training(index_mutex_);
    // EM's λ is over all pairs of this registry already. FailedPrecondition (no candidate
    // pairs) keeps the defaults, set below.
    // EM sees the batch keys' pairs only (see RecordIndex::Train).
    trained_ = index_->Train(options_.threads, linkage::DefaultPersonSettings().blocking.size()).ok() &&
               index_->model().em_iterations > 0;
  }
  const double registry = std::max<double>(static_cast<double>(index_->size()), kMinPriorRegistry);
  if (!trained_ && registry != prior_registry_) {
    std::unique_lock<std::shared_mutex> setting(index_mutex_);
    linkage::FsModel model = index_->model();
    model.match_share = 1.0 / registry;
    index_->SetModel(std::move(model));
    prior_registry_ = registry;
  }
  return index_->live_size();
}

StatusOr<std::vector<IdentityService::Hit>> IdentityService::Query(const std::vector<Person>& probes,
                                                                    const linkage::QueryOptions& options) {
  RETURN_IF_ERROR(Refresh().status());
  std::unordered_map<int64_t, Hit> best;
  {
    std::shared_lock<std::shared_mutex> reading(index_mutex_);
    for (const Person& probe : probes) {
      for (linkage::Candidate& candidate : index_->Query(linkage::PersonRow(probe), options)) {
        const int64_t person_id = person_of_record_[candidate.record];
        auto [it, inserted] = best.try_emplace(person_id);
        if (!inserted && it->second.weight >= candidate.match_weight) continue;
        it->second = Hit{person_id, candidate.probability, candidate.match_weight, std::move(candidate.explanation)};
      }
    }
  }
  std::vector<Hit> hits;
  for (auto& [person_id, hit] : best) hits.push_back(std::move(hit));
  std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) {
    return x.weight != y.weight ? x.weight > y.weight : x.person_id < y.person_id;
  });
  return hits;
}

StatusOr<std::vector<IdentityMatch>> IdentityService::Matches(const Actor& actor, const Person& draft,
                                                              int64_t checked_person_id) {
  if (!actor.Can(Permission::kRegisterArrivals) && !actor.Can(Permission::kReadPersons)) {
    return Status(StatusCode::kPermissionDenied, "your role neither registers arrivals nor reads persons");
  }
  if (draft.given_names.empty() && draft.paternal_surname.empty() && draft.maternal_surname.empty()) {
    return InvalidArgument("given_names", "give a given name or a surname to look for earlier records");
  }
  linkage::QueryOptions options;
  options.max_results = options_.max_matches + 10;  // room for those left out below
  options.min_probability = options_.min_match_probability;
  ASSIGN_OR_RETURN(std::vector<Hit> hits, Query({draft}, options));

  std::vector<IdentityMatch> matches;
  std::vector<int64_t> anonymised;  // still in the index: anonymised since the last look
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    matches.clear();
    anonymised.clear();
    std::vector<int64_t> left_out;  // the checked record and the persons decided different from it
    if (checked_person_id != 0) {
      RETURN_IF_ERROR(tx.GetPerson(checked_person_id).status());
      RETURN_IF_ERROR(CheckPersonInScope(tx, actor, checked_person_id));
      left_out.push_back(checked_person_id);
      ASSIGN_OR_RETURN(std::vector<PersonLink> links, tx.ListPersonLinks(checked_person_id));
      for (const PersonLink& link : links) {
        if (link.in_force() && link.decision == LinkDecision::kDifferent) {
          left_out.push_back(link.person_id == checked_person_id ? link.other_id : link.person_id);
        }
      }
    }
    std::vector<int64_t> ids;
    for (const Hit& hit : hits) {
      if (std::find(left_out.begin(), left_out.end(), hit.person_id) == left_out.end()) ids.push_back(hit.person_id);
    }
    ASSIGN_OR_RETURN(std::vector<LinkagePerson> found, tx.ListPersonsById(ids));
    std::unordered_map<int64_t, const LinkagePerson*> by_id;
    for (const LinkagePerson& row : found) by_id[row.person.id] = &row;
    std::vector<std::string> shown;
    for (const Hit& hit : hits) {
      if (matches.size() >= options_.max_matches) break;
      auto row = by_id.find(hit.person_id);
      if (row == by_id.end()) continue;
      if (!row->second->person.anonymised_at.empty()) {
        anonymised.push_back(hit.person_id);
        continue;
      }
      const Person& person = row->second->person;
      ASSIGN_OR_RETURN(std::vector<int64_t> sites, tx.SitesOfPerson(person.id));
      IdentityMatch match;
      match.visible = CoversAnyOf(actor, sites);
      match.probability = hit.probability;
      match.site_name = row->second->site_name;
      match.registered_at = person.created_at;
      match.explanation = hit.explanation;
      if (match.visible) {
        match.person_id = person.id;
        match.full_name = person.FullName();
        match.birth_date = person.birth_date.ToString();
      }
      shown.push_back("person:" + std::to_string(person.id) + (match.visible ? "" : ":hidden"));
      matches.push_back(std::move(match));
    }
    return AppendAuditRow(tx, actor, audit_action::kSearch, "person", 0, std::move(shown));
  }));
  Forget(anonymised);
  return matches;
}

StatusOr<PersonLink> IdentityService::Decide(const Actor& actor, int64_t person_id, int64_t other_id,
                                             LinkDecision decision, const std::string& reason) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  if (!actor.Can(Permission::kRegisterArrivals)) {
    return Status(StatusCode::kPermissionDenied, "your role does not edit persons' records");
  }
  if (other_id == person_id) return InvalidArgument("other_id", "must be another person");
  if (reason.empty() || reason.size() > kMaxReasonLength) {
    return InvalidArgument("reason", "say why, in at most 300 characters");
  }
  PersonLink link;
  link.person_id = person_id;
  link.other_id = other_id;
  link.decision = decision;
  link.reason = reason;
  link.created_by = actor.user.username;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    for (int64_t id : {person_id, other_id}) {
      RETURN_IF_ERROR(tx.GetPerson(id).status());
      RETURN_IF_ERROR(CheckPersonInScope(tx, actor, id));
    }
    RETURN_IF_ERROR(tx.InsertPersonLink(link));
    return AppendAuditRow(tx, actor, audit_action::kCreate, "person_link", link.id,
                          {"person:" + std::to_string(link.person_id), "person:" + std::to_string(link.other_id),
                           "decision:" + std::string(LinkDecisionName(decision))});
  }));
  return link;
}

StatusOr<std::vector<PersonLink>> IdentityService::Links(const Actor& actor, int64_t person_id) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/true));
  std::vector<PersonLink> visible;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    visible.clear();
    RETURN_IF_ERROR(tx.GetPerson(person_id).status());
    RETURN_IF_ERROR(CheckPersonInScope(tx, actor, person_id));
    ASSIGN_OR_RETURN(std::vector<PersonLink> links, tx.ListPersonLinks(person_id));
    for (PersonLink& link : links) {
      const int64_t other = link.person_id == person_id ? link.other_id : link.person_id;
      ASSIGN_OR_RETURN(std::vector<int64_t> sites, tx.SitesOfPerson(other));
      if (CoversAnyOf(actor, sites)) visible.push_back(std::move(link));
    }
    return AppendAuditRow(tx, actor, audit_action::kRead, "person", person_id, {"links"});
  }));
  return visible;
}

StatusOr<PersonLink> IdentityService::Undo(const Actor& actor, int64_t link_id) {
  RETURN_IF_ERROR(CheckCanRead(actor, /*needs_reason=*/false));
  if (!actor.Can(Permission::kRegisterArrivals)) {
    return Status(StatusCode::kPermissionDenied, "your role does not edit persons' records");
  }
  PersonLink link;
  RETURN_IF_ERROR(store_.InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(link, tx.GetPersonLink(link_id));
    for (int64_t id : {link.person_id, link.other_id}) {
      if (!CheckPersonInScope(tx, actor, id).ok()) {
        return NotFound("person link " + std::to_string(link_id) + " does not exist");
      }
    }
    if (link.decision == LinkDecision::kDifferent) {
      return FailedPrecondition("a decision that two records are different people is kept");
    }
    RETURN_IF_ERROR(tx.UndoPersonLink(link_id, actor.user.username));
    ASSIGN_OR_RETURN(link, tx.GetPersonLink(link_id));
    return AppendAuditRow(tx, actor, audit_action::kDelete, "person_link", link_id,
                          {"person:" + std::to_string(link.person_id), "person:" + std::to_string(link.other_id)});
  }));
  return link;
}

}  // namespace acogida
