// Identity resolution in the product: "who in the registry could this be?" while a registrar
// types (duplicates and prior visits), staff's decisions that two records are one human being
// or different people, fuzzy person search and fuzzy family tracing. It keeps a
// linkage::RecordIndex of every person not anonymised, loaded from the store on first use and
// brought up to date before each query by reading the persons registered since (by any server
// on the same database) and, every `anonymised_check_every`, the persons anonymised since,
// which leave the index. Results are read back from the store in the query's own audited
// transaction, so an anonymised person is never shown (and one found so leaves the index at
// once) and every person shown is logged.
// Never merges anything by itself.
// Model: the engine's default parameters for the person schema (estimated offline on the
// Mexican generator); when the registry already holds `train_min_records` persons at first
// load, EM re-estimates them on the registry itself (once per process start). Untrained, the
// prior is one match in max(N, 100,000) records, so a small registry does not inflate it.
// Thread-safe: queries share the index; catching up takes it exclusively for the additions.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/account.h"
#include "linkage/fs_model.h"
#include "service/person_service.h"
#include "store/store.h"

namespace acogida {

namespace linkage {
class RecordIndex;
struct QueryOptions;
}  // namespace linkage

struct IdentityOptions {
  // At first load, a registry of at least this many persons trains the model by EM (threads
  // below); smaller ones keep the defaults. 0 never trains. Default 20,000.
  size_t train_min_records = 20000;
  int threads = 2;
  // Matches proposed while typing: at most this many, at least this probable.
  size_t max_matches = 5;
  double min_match_probability = 0.3;
  // How often a catch-up also reads the persons anonymised since the last look (by retention,
  // on any server) and takes them out of the index. Zero: at every catch-up. Default 30 s.
  std::chrono::seconds anonymised_check_every{30};
};

// One candidate proposed for a draft. A candidate the actor may not read (another site) is
// not visible: person_id 0, no name or birth date; only how likely, where and when it was
// registered, and which fields agreed (names and levels, never values).
struct IdentityMatch {
  bool visible = false;
  int64_t person_id = 0;
  double probability = 0;
  std::string full_name;
  std::string birth_date;  // YYYY-MM-DD, YYYY-MM, YYYY or ""
  std::string site_name;
  std::string registered_at;
  linkage::MatchExplanation explanation;
};

class IdentityService {
 public:
  explicit IdentityService(Store& store, IdentityOptions options = {});
  ~IdentityService();

  // Likely earlier records of `draft` (names, sex, birth date and state, CURP), best first.
  // `checked_person_id`, when not 0, is the registered record being checked: it and the
  // records staff decided are different people from it are left out (NotFound if the actor
  // may not read it). PermissionDenied unless the actor registers arrivals or reads persons;
  // InvalidArgument "given_names" when the draft has neither a given name nor a surname.
  // Audited as one search listing the candidates shown.
  StatusOr<std::vector<IdentityMatch>> Matches(const Actor& actor, const Person& draft, int64_t checked_person_id = 0);

  // Records staff's decision on persons `person_id` and `other_id`. The actor must register
  // arrivals at a site of each (NotFound otherwise, as for reads); InvalidArgument "other_id"
  // for the same person, "reason" when missing or longer than 300 characters; AlreadyExists
  // when the pair has a decision in force. Audited (create person_link).
  StatusOr<PersonLink> Decide(const Actor& actor, int64_t person_id, int64_t other_id, LinkDecision decision,
                              const std::string& reason);
  // The decisions naming a person the actor may read (NotFound otherwise), in force or undone,
  // leaving out those whose other person the actor may not read. Audited as a read.
  StatusOr<std::vector<PersonLink>> Links(const Actor& actor, int64_t person_id);
  // Undoes a "same" link (kept as history). NotFound for an unknown link or one outside the
  // actor's sites; FailedPrecondition for a "different" decision (a split is kept) or one
  // already undone. Audited (delete person_link).
  StatusOr<PersonLink> Undo(const Actor& actor, int64_t link_id);

  // Fuzzy person search: `query.text` read as given names and surnames in the usual orders,
  // ranked by the index (misspellings, nicknames, a missing surname). Scoped and audited as
  // PersonService::Search; `total` is the number of ranked results. One-word queries give
  // InvalidArgument "q" (the exact search serves them).
  StatusOr<PersonPage> Search(const Actor& actor, const PersonQuery& query);
  // Fuzzy family tracing: as PersonService::Trace (consenting persons only, every site).
  StatusOr<std::vector<TracingMatch>> Trace(const Actor& actor, const PersonQuery& query);

  // Brings the index up to date with the store: persons registered since, and persons
  // anonymised since when the last look is older than anonymised_check_every. Returns the
  // number of persons the index can propose.
  StatusOr<size_t> Refresh();

 private:
  struct Hit {
    int64_t person_id = 0;
    double probability = 0;
    double weight = 0;
    linkage::MatchExplanation explanation;
  };
  // Refreshes, then queries each of `probes` and keeps each person's best hit, best first.
  StatusOr<std::vector<Hit>> Query(const std::vector<Person>& probes, const linkage::QueryOptions& options);
  // Adds `rows` to the index; notes ids skipped as gaps (a transaction still running elsewhere).
  void AddLocked(const std::vector<LinkagePerson>& rows, bool note_gaps);
  // The persons anonymised since the last look (less kGapWait, for transactions that
  // committed late), when a look is due; notes the newest anonymised_at seen.
  StatusOr<std::vector<int64_t>> AnonymisedSinceLastLook(bool first_load);
  // Takes `person_ids` out of the index (those not in it are ignored).
  void Forget(const std::vector<int64_t>& person_ids);
  void ForgetLocked(const std::vector<int64_t>& person_ids);

  Store& store_;
  IdentityOptions options_;
  std::mutex refresh_mutex_;   // one catch-up at a time
  std::shared_mutex index_mutex_;  // queries shared, additions exclusive
  std::unique_ptr<linkage::RecordIndex> index_;
  std::vector<int64_t> person_of_record_;  // record index → person id
  std::unordered_map<int64_t, uint32_t> record_of_person_;  // person id → record index, while indexed
  std::string anonymised_seen_;             // the newest anonymised_at read
  std::chrono::steady_clock::time_point anonymised_looked_{};  // the last look for anonymised persons
  int64_t last_id_ = 0;                    // highest person id read
  bool trained_ = false;                   // the model was estimated on this registry
  double prior_registry_ = 0;              // the registry size the untrained prior is set for
  // Ids below last_id_ not seen yet: their transaction may still commit (PostgreSQL hands
  // out ids before commit). Looked for again until they are this old.
  std::map<int64_t, std::chrono::steady_clock::time_point> gaps_;
};

}  // namespace acogida
