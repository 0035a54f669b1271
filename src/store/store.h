// The Store is Acogida's one interface to its database. Callers run their work inside
// InTransaction, which hands them a Tx: typed reads and writes of domain values, all
// committed together when the work returns OK and rolled back otherwise, so a failure
// writes nothing. The SQL is written once (sql/) over two backends: SQLite (sqlite/) and
// PostgreSQL (postgres/). The store never sees JSON and callers never see SQL.
// A Store is thread-safe; a Tx belongs to the thread running the transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.h"
#include "core/arrival.h"
#include "core/audit.h"
#include "core/bed_board.h"
#include "core/person.h"
#include "core/referral.h"
#include "core/site.h"
#include "core/status.h"
#include "core/utc_time.h"
#include "crypto/key_ring.h"
#include "store/legal_records.h"
#include "store/simulation_records.h"

namespace acogida {

enum class TxMode {
  kRead,   // a consistent snapshot; writes fail
  kWrite,  // takes the write lock at BEGIN, so it never fails half-way on lock upgrade
};

struct PersonSearch {
  // Folded name tokens (core::NameTokens); a person matches when every token is a
  // prefix of one of the person's name tokens. Empty matches everybody.
  std::vector<std::string> tokens;
  int limit = 20;
  int offset = 0;
  // When `scoped`, only persons registered at or arrived at one of these sites.
  bool scoped = false;
  std::vector<int64_t> site_ids;
  // Only persons whose consent to family tracing is in force (and not anonymised).
  bool tracing_consent_only = false;
};

struct PersonPage {
  std::vector<Person> items;  // ordered by surnames, given names, id
  int64_t total = 0;          // matches over all pages
};

// An arrival with the names a listing shows next to it.
struct ArrivalView {
  Arrival arrival;
  std::string full_name;
  std::string site_name;
};

// A person as the identity index needs it: the compared fields, with where and when the
// record was made (the site of the household it was registered in).
struct LinkagePerson {
  Person person;  // id, names, sex, birth date and state, CURP, created_at, anonymised_at
  int64_t site_id = 0;
  std::string site_name;
  bool tracing_consent = false;  // consent to family tracing in force (only by-id reads fill it)
};

// Staff's decision on two person records: the same human being, or different people.
enum class LinkDecision { kSame, kDifferent };
std::string_view LinkDecisionName(LinkDecision decision);  // "same", "different"
std::optional<LinkDecision> ParseLinkDecision(std::string_view name);

struct PersonLink {
  int64_t id = 0;
  int64_t person_id = 0;  // the smaller id of the pair
  int64_t other_id = 0;   // the larger
  LinkDecision decision = LinkDecision::kSame;
  std::string reason;
  std::string created_at;
  std::string created_by;
  std::string undone_at;  // "" while in force
  std::string undone_by;
  bool in_force() const { return undone_at.empty(); }
};

// A section's beds as the board counts them now, and when its figures last changed.
struct SectionUsage {
  int64_t section_id = 0;
  int64_t site_id = 0;
  Occupancy occupancy;
  std::string updated_at;  // last check-in, check-out, hold or edit of the section ("" if never)
};

// Arrivals counted by site, UTC day, sex and birth year (0 when unknown), for the dashboards.
struct ArrivalCount {
  int64_t site_id = 0;
  std::string day;  // "YYYY-MM-DD" (UTC)
  std::string sex;  // "F", "M", "X" or ""
  int birth_year = 0;
  int64_t count = 0;
};

// Changes of the services checklist to a status, by site and item.
struct ServiceCount {
  int64_t site_id = 0;
  ServiceItem item = ServiceItem::kRepatriationLetter;
  ServiceStatus status = ServiceStatus::kPending;
  int64_t count = 0;
};

// An open stay with the name the bed board shows next to it.
struct StayView {
  Stay stay;
  std::string full_name;
};

struct SessionRecord {
  int64_t id = 0;
  std::string token_digest;  // crypto::TokenDigest of the bearer token
  std::string csrf_token;
  int64_t user_id = 0;
  std::string created_at;
  std::string last_seen_at;
  std::string remote_address;
};

struct LoginFailures {
  int64_t by_username = 0;     // failed attempts for the username since the given time
  int64_t by_address = 0;      // failed attempts from the address since the given time
  std::string last_failure_at; // latest failure of either kind, "" if none
};

struct AuditFilter {
  std::string username;     // "" = any
  std::string action;       // "" = any
  std::string record_type;  // "" = any
  int64_t record_id = 0;    // 0 = any
  int limit = 50;
  int offset = 0;
};

struct AuditPage {
  std::vector<AuditEntry> items;  // newest first
  int64_t total = 0;
};

class Tx {
 public:
  virtual ~Tx() = default;

  // Sites. Insert fills id and version. Update succeeds only when `site.version` is the
  // stored version, then increments it; a stale version is Aborted, a missing id NotFound.
  virtual Status InsertSite(Site& site) = 0;
  virtual StatusOr<Site> GetSite(int64_t site_id) = 0;
  virtual StatusOr<std::vector<Site>> ListSites() = 0;
  virtual Status UpdateSite(Site& site) = 0;
  // Deletes the site and its sections. FailedPrecondition if households were registered there.
  virtual Status DeleteSite(int64_t site_id) = 0;
  // Total beds of each site's sections, as (site id, beds) pairs.
  virtual StatusOr<std::vector<std::pair<int64_t, int64_t>>> BedsPerSite() = 0;

  // Sections, with the same version rules as sites.
  virtual Status InsertSection(Section& section) = 0;
  virtual StatusOr<Section> GetSection(int64_t section_id) = 0;
  virtual StatusOr<std::vector<Section>> ListSections(int64_t site_id) = 0;
  virtual Status UpdateSection(Section& section) = 0;
  virtual Status DeleteSection(int64_t section_id) = 0;

  // Households and persons. InsertHousehold writes the household row only and fills its
  // id; InsertPerson fills the person's id and indexes its name for search.
  virtual Status InsertHousehold(Household& household) = 0;
  virtual Status InsertPerson(Person& person) = 0;
  virtual Status InsertArrival(Arrival& arrival) = 0;
  virtual StatusOr<Household> GetHousehold(int64_t household_id) = 0;  // with members
  virtual StatusOr<Person> GetPerson(int64_t person_id) = 0;
  virtual StatusOr<PersonPage> SearchPersons(const PersonSearch& search) = 0;
  virtual StatusOr<std::vector<ArrivalView>> ListArrivalsOfPerson(int64_t person_id) = 0;
  // Arrivals at a site with from_utc <= arrived_at < to_utc (ISO 8601 UTC), oldest first.
  virtual StatusOr<std::vector<ArrivalView>> ListArrivalsAtSite(int64_t site_id, const std::string& from_utc,
                                                                const std::string& to_utc) = 0;
  // Appends a consent row for each consent of `consents` that differs from the one in force
  // (all of them for a new person). The history is kept.
  virtual Status RecordConsents(int64_t person_id, const Consents& consents, const std::string& recorded_by) = 0;
  // The consents in force for a person.
  virtual StatusOr<Consents> CurrentConsents(int64_t person_id) = 0;

  // Retention: persons not yet anonymised whose last activity is before `inactive_before`
  // (ISO 8601 UTC) or whose consent to services was withdrawn.
  virtual StatusOr<std::vector<int64_t>> PersonsToAnonymise(const std::string& inactive_before) = 0;
  // Blanks names, CURP, phone, notes, birth day and month and municipality; drops the search
  // tokens; keeps sex, birth year, birth state, languages and arrivals for aggregate counts.
  // Also blanks the person's legal-aid texts, referral notes, and the municipality, bus and
  // departure of their journey home (statuses and the destination state stay for counts).
  virtual Status AnonymisePerson(int64_t person_id) = 0;

  // Identity index: up to `limit` persons with id > `after_id`, in id order (anonymised ones
  // included, so that the caller's position moves past them), with their household's site.
  virtual StatusOr<std::vector<LinkagePerson>> ListPersonsAfter(int64_t after_id, int limit) = 0;
  // The persons of `person_ids` that exist, in id order, with tracing_consent filled.
  virtual StatusOr<std::vector<LinkagePerson>> ListPersonsById(const std::vector<int64_t>& person_ids) = 0;
  // Identity index: the persons anonymised at or after `since` (ISO 8601 UTC, compared as text
  // like anonymised_at itself; "" for all), as (person id, anonymised_at), oldest first.
  virtual StatusOr<std::vector<std::pair<int64_t, std::string>>> ListPersonsAnonymisedSince(
      const std::string& since) = 0;

  // Decisions on pairs of persons (person_link). InsertPersonLink orders the pair (smaller id
  // first), fills id and created_at; AlreadyExists when the pair has a decision in force.
  virtual Status InsertPersonLink(PersonLink& link) = 0;
  virtual StatusOr<PersonLink> GetPersonLink(int64_t link_id) = 0;  // NotFound
  // Every decision naming the person, in force or undone, oldest first.
  virtual StatusOr<std::vector<PersonLink>> ListPersonLinks(int64_t person_id) = 0;
  // Marks a decision undone now by `undone_by`. FailedPrecondition if it already was.
  virtual Status UndoPersonLink(int64_t link_id, const std::string& undone_by) = 0;

  // The sites a person is linked to: where their household was registered, where they arrived
  // and where they stayed.
  virtual StatusOr<std::vector<int64_t>> SitesOfPerson(int64_t person_id) = 0;

  // The bed board (stays and holds). Times come from the caller. LockSectionBoard stamps the
  // section's board_updated_at and holds its row until commit: every booking of a section
  // takes it before counting, so two staff booking the last bed cannot both succeed.
  virtual Status LockSectionBoard(int64_t section_id, const std::string& now) = 0;  // NotFound
  // Per section of `site_id` (0: every site), beds, open stays and beds of holds active at `now`.
  virtual StatusOr<std::vector<SectionUsage>> ListSectionUsage(int64_t site_id, const std::string& now) = 0;
  virtual Status InsertStay(Stay& stay) = 0;  // fills id; AlreadyExists if the person has an open stay
  virtual StatusOr<Stay> GetStay(int64_t stay_id) = 0;  // NotFound
  virtual StatusOr<std::optional<Stay>> OpenStayOfPerson(int64_t person_id) = 0;
  virtual StatusOr<std::vector<StayView>> ListOpenStays(int64_t site_id) = 0;  // by section, then check-in
  virtual StatusOr<std::vector<Stay>> ListStaysOfPerson(int64_t person_id) = 0;  // oldest first
  // Closes an open stay with its checked_out_at, checked_out_by and closed reason.
  // FailedPrecondition if it was closed already.
  virtual Status CloseStay(Stay& stay) = 0;
  // Changes the expected check-out of an open stay at `stay.version` (StaleVersion otherwise).
  virtual Status UpdateStay(Stay& stay) = 0;
  // Open stays whose expected check-out is before `date` ("YYYY-MM-DD"), for the reconciliation.
  virtual StatusOr<std::vector<Stay>> OpenStaysDueBefore(const std::string& date) = 0;
  virtual Status InsertHold(BedHold& hold) = 0;  // fills id
  virtual StatusOr<BedHold> GetHold(int64_t hold_id) = 0;  // NotFound
  virtual StatusOr<std::vector<BedHold>> ListActiveHolds(int64_t site_id, const std::string& now) = 0;
  // Writes the hold's beds and release; FailedPrecondition if it was released already.
  virtual Status UpdateHold(const BedHold& hold) = 0;
  // Holds not released whose expiry is at or before `now`, for the expiry job.
  virtual StatusOr<std::vector<BedHold>> ListExpiredHolds(const std::string& now) = 0;

  // The reception flow's services checklist. ListServiceRecords: every record of these persons.
  // SaveServiceRecord inserts (id 0) or updates at `record.version` (StaleVersion otherwise,
  // also when another insert of the same person and item won) and appends its service_event.
  virtual StatusOr<std::vector<ServiceRecord>> ListServiceRecords(const std::vector<int64_t>& person_ids) = 0;
  virtual Status SaveServiceRecord(ServiceRecord& record) = 0;
  // Counts for the dashboards and exports, over from_utc <= time < to_utc.
  virtual StatusOr<std::vector<ArrivalCount>> CountArrivals(const std::string& from_utc, const std::string& to_utc) = 0;
  virtual StatusOr<std::vector<ServiceCount>> CountServiceEvents(const std::string& from_utc,
                                                                 const std::string& to_utc) = 0;
  // Transport home done, by destination state (INEGI code).
  virtual StatusOr<std::vector<std::pair<std::string, int64_t>>> CountTransportHome(const std::string& from_utc,
                                                                                     const std::string& to_utc) = 0;

  // Accounts. InsertUser fills id (AlreadyExists for a taken username) and writes site_ids.
  virtual Status InsertUser(User& user, const std::string& password_hash) = 0;
  virtual StatusOr<User> GetUser(int64_t user_id) = 0;
  // NotFound when there is no such username. Fills *password_hash.
  virtual StatusOr<User> FindUserByUsername(const std::string& username, std::string* password_hash) = 0;
  virtual StatusOr<std::vector<User>> ListUsers() = 0;
  // Version-checked like sites; replaces the user's sites.
  virtual Status UpdateUser(User& user) = 0;
  virtual Status SetPasswordHash(int64_t user_id, const std::string& password_hash) = 0;

  // Sessions and login attempts.
  virtual Status InsertSession(SessionRecord& session) = 0;
  virtual StatusOr<SessionRecord> FindSession(const std::string& token_digest) = 0;  // NotFound
  virtual Status TouchSession(int64_t session_id) = 0;  // last_seen_at = now
  virtual Status DeleteSession(int64_t session_id) = 0;
  // Ends every session of the user except `except_session_id` (0: none kept).
  virtual Status DeleteSessionsOfUser(int64_t user_id, int64_t except_session_id = 0) = 0;
  virtual Status RecordLoginAttempt(const std::string& username, const std::string& remote_address,
                                    bool succeeded) = 0;
  virtual StatusOr<LoginFailures> CountLoginFailures(const std::string& username, const std::string& remote_address,
                                                     const std::string& since_utc) = 0;

  // The audit trail. AppendAudit sets id and at. On SQLite it chains the row at once (sets
  // prev_hash and hash); on PostgreSQL the row is written unchained and ChainPendingAudit,
  // run every second by each server (one at a time), links up to `limit` pending rows in id
  // order and returns how many. ForEachAudit visits the chained rows in chain order.
  virtual Status AppendAudit(AuditEntry& entry) = 0;
  virtual StatusOr<int64_t> ChainPendingAudit(int limit) = 0;
  virtual StatusOr<AuditPage> ListAudit(const AuditFilter& filter) = 0;
  // Every row in id order, until `visit` returns an error.
  virtual Status ForEachAudit(const std::function<Status(const AuditEntry&)>& visit) = 0;
  // The audit trails of databases moved into this one (`acogida migrate`), kept verbatim: every
  // row by source database, then id, until `visit` returns an error.
  virtual Status ForEachImportedAudit(
      const std::function<Status(const std::string& source, const AuditEntry&)>& visit) = 0;
  // Per username, the persons read (detail reads and search results) since `since_utc`.
  virtual StatusOr<std::vector<std::pair<std::string, int64_t>>> PersonReadsSince(const std::string& since_utc) = 0;

  // Background jobs that must run once per period across every server on the database.
  // ClaimJob records that job `name` starts now and returns true, unless it last started at or
  // after `not_before` (ISO 8601 UTC): then another server has it and it returns false. Run
  // the job after the claim commits; then FinishJob records its end, or, when it failed,
  // gives the claim up so that the next check runs it again.
  virtual StatusOr<bool> ClaimJob(const std::string& name, const std::string& not_before) = 0;
  virtual Status FinishJob(const std::string& name, bool succeeded) = 0;

  // Legal aid (issue 6; sql/sql_legal.cc). Versioned records follow the sites' rules: a
  // stale version is Aborted ("version"), a missing id NotFound. Sealed values (the A-number,
  // notes' bodies, the contact a person leaves) are sealed on writing and opened on reading.
  // GetLegalScreening: NotFound when the person has none. SaveLegalScreening inserts when
  // `version` is 0 (AlreadyExists if one exists), else updates version-checked.
  virtual StatusOr<LegalScreening> GetLegalScreening(int64_t person_id) = 0;
  virtual Status SaveLegalScreening(LegalScreening& screening) = 0;
  // InsertLegalCase fills id, stamps, its first history event and its type's documents checklist.
  virtual Status InsertLegalCase(LegalCase& legal_case) = 0;
  virtual StatusOr<LegalCase> GetLegalCase(int64_t case_id) = 0;
  virtual StatusOr<std::vector<LegalCase>> ListLegalCases(const LegalCaseFilter& filter) = 0;  // newest first
  // Saves status, outcome, lawyer, summary and next action date; appends a history event by
  // `by` when the status, lawyer or outcome changed.
  virtual Status UpdateLegalCase(LegalCase& legal_case, const std::string& by) = 0;
  virtual StatusOr<std::vector<LegalCaseEvent>> ListLegalCaseEvents(int64_t case_id) = 0;
  virtual Status InsertLegalDeadline(LegalDeadline& deadline) = 0;
  virtual StatusOr<LegalDeadline> GetLegalDeadline(int64_t deadline_id) = 0;
  virtual Status UpdateLegalDeadline(LegalDeadline& deadline) = 0;  // title, due date, met_at
  virtual StatusOr<std::vector<LegalDeadline>> ListLegalDeadlines(const LegalDeadlineFilter& filter) = 0;  // by due date
  virtual Status InsertLegalAppointment(LegalAppointment& appointment) = 0;
  virtual StatusOr<std::vector<LegalAppointment>> ListLegalAppointments(const LegalAppointmentFilter& filter) = 0;
  virtual Status InsertLegalNote(LegalNote& note) = 0;
  virtual StatusOr<std::vector<LegalNote>> ListLegalNotes(int64_t case_id) = 0;  // oldest first
  // InsertLegalDocument: AlreadyExists when the case lists the item already.
  virtual Status InsertLegalDocument(LegalDocument& document) = 0;
  virtual StatusOr<LegalDocument> GetLegalDocument(int64_t document_id) = 0;
  virtual Status UpdateLegalDocument(LegalDocument& document) = 0;  // status, updated_by
  virtual StatusOr<std::vector<LegalDocument>> ListLegalDocuments(int64_t case_id) = 0;
  // The lawyer directory; ListLawyers gives each entry's open cases. AlreadyExists when the
  // user account is already another entry's.
  virtual Status InsertLawyer(Lawyer& lawyer) = 0;
  virtual StatusOr<Lawyer> GetLawyer(int64_t lawyer_id) = 0;
  virtual StatusOr<std::vector<LawyerLoad>> ListLawyers() = 0;  // by name
  virtual Status UpdateLawyer(Lawyer& lawyer) = 0;
  // A person's contact preferences; version 0 (channel none) when none were recorded.
  // SaveContactPreferences inserts at version 0, else updates version-checked.
  virtual StatusOr<ContactPreferences> GetContactPreferences(int64_t person_id) = 0;
  virtual Status SaveContactPreferences(ContactPreferences& contact) = 0;

  // Surge simulation runs (issue 7; sql/sql_simulations.cc). Times come from the caller. Each
  // change of state applies only while the run is queued or running and returns whether it did
  // (false: cancelled, failed or finished meanwhile, perhaps by another server).
  virtual Status InsertSimulationRun(SimulationRun& run) = 0;  // fills id
  virtual StatusOr<SimulationRun> GetSimulationRun(int64_t run_id) = 0;  // NotFound
  // The newest `limit` runs, newest first, without scenario and result.
  virtual StatusOr<std::vector<SimulationRun>> ListSimulationRuns(int limit) = 0;
  virtual StatusOr<bool> StartSimulationRun(int64_t run_id, const std::string& now) = 0;  // queued → running
  // Writes progress and the heartbeat (updated_at).
  virtual StatusOr<bool> HeartbeatSimulationRun(int64_t run_id, double progress, const std::string& now) = 0;
  // Writes run.status, progress, result_json, error and finished_at (also as updated_at).
  virtual StatusOr<bool> FinishSimulationRun(const SimulationRun& run) = 0;
  // Marks failed with `error` every queued or running run whose heartbeat is before `before`.
  virtual StatusOr<int64_t> FailStaleSimulationRuns(const std::string& before, const std::string& error,
                                                    const std::string& now) = 0;

  // The referral directory and referrals (issue #8; sql/sql_referrals.cc). Organisations are
  // version-checked like sites (StaleVersion, NotFound); DeleteOrganisation also drops its
  // members and is FailedPrecondition while referrals name it. Members are user ids;
  // RemoveOrganisationMember is NotFound for a user who was not one. Referrals: inserting and
  // each status change (at `referral.version`, StaleVersion otherwise) append a referral_event.
  virtual Status InsertOrganisation(Organisation& organisation) = 0;  // fills id, version 1
  virtual StatusOr<Organisation> GetOrganisation(int64_t organisation_id) = 0;
  virtual StatusOr<std::vector<Organisation>> ListOrganisations() = 0;  // by name
  virtual StatusOr<std::vector<Organisation>> FindOrganisationsByHsdsId(const std::string& hsds_id) = 0;
  virtual Status UpdateOrganisation(Organisation& organisation) = 0;
  virtual Status DeleteOrganisation(int64_t organisation_id, int64_t version) = 0;
  virtual Status AddOrganisationMember(int64_t organisation_id, int64_t user_id) = 0;  // idempotent
  virtual Status RemoveOrganisationMember(int64_t organisation_id, int64_t user_id) = 0;
  virtual StatusOr<std::vector<int64_t>> ListOrganisationMembers(int64_t organisation_id) = 0;
  virtual StatusOr<std::vector<int64_t>> ListOrganisationsOfUser(int64_t user_id) = 0;
  virtual Status InsertReferral(Referral& referral) = 0;  // fills id, version 1
  virtual StatusOr<Referral> GetReferral(int64_t referral_id) = 0;
  virtual StatusOr<std::vector<Referral>> ListReferralsOfPerson(int64_t person_id) = 0;  // newest first
  virtual StatusOr<std::vector<Referral>> ListReferralsToOrganisations(const std::vector<int64_t>& organisation_ids) = 0;
  virtual Status UpdateReferralStatus(Referral& referral) = 0;  // status, updated_at, updated_by

  // The time this transaction stamps on what it writes (ISO 8601 UTC).
  virtual const std::string& now() const = 0;

  // Checks that each key of this store's ring is the key of that id the database knew before
  // (its fingerprint in key_check), and records the fingerprints of keys new to it.
  // FailedPrecondition naming the key when one differs. The stores call it when they open.
  virtual Status CheckKeyRing() = 0;

  // Re-encrypts every sealed field that is not under the key ring's current key.
  // Returns how many values were resealed.
  virtual StatusOr<int64_t> ResealSensitiveFields() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs `work` in one transaction: commits if it returns OK, rolls back otherwise and
  // returns its status. Unavailable if the database cannot be reached or stays locked.
  virtual Status InTransaction(TxMode mode, const std::function<Status(Tx&)>& work) = 0;
  // "sqlite" or "postgresql".
  virtual std::string Backend() const = 0;
};

struct StoreOptions {
  // SQLite: if true, the file is created when missing (its folder must exist).
  bool create_if_missing = true;
  // SQLite: how long a writer waits for another process's lock before giving up, in ms.
  int busy_timeout_ms = 5000;
  // The time written into created_at columns; the system clock when empty (tests fix it).
  std::function<UtcTime()> clock;
  // Keys that seal sensitive fields (phone, notes). When null, LoadKeys(db, key_file).
  std::shared_ptr<const KeyRing> keys;
  // The organisation's key file. SQLite: "" means "<db>.keys". PostgreSQL: required (the same
  // file on every server) unless ACOGIDA_KEYS holds the ring.
  std::string key_file;
  // PostgreSQL: connections this process opens at most; a statement running longer than
  // statement_timeout_ms is cancelled; a transaction that hit a serialisation failure,
  // deadlock or lost connection is run again up to `retries` times.
  int pool_size = 32;
  int statement_timeout_ms = 30000;
  int retries = 5;
};
using SqliteOptions = StoreOptions;

// The key ring for the database `db`: from the ACOGIDA_KEYS environment variable when set,
// else the key file `key_file` (for SQLite, "" means DefaultKeyFile(db)), created with mode
// 0600 on first use. FailedPrecondition for a PostgreSQL database without either.
StatusOr<KeyRing> LoadKeys(const std::string& db, const std::string& key_file);
StatusOr<KeyRing> LoadDefaultKeys(const std::string& db_path);  // LoadKeys(db_path, "")
std::string DefaultKeyFile(const std::string& db_path);  // "<db_path>.keys"

// True for a database argument naming a PostgreSQL server ("postgresql://", "postgres://").
bool IsPostgresUrl(std::string_view db);
// `url` with any password removed, for messages and logs.
std::string RedactUrl(std::string_view url);

// Opens (and migrates) the database `db`: a PostgreSQL server when it starts with
// postgresql:// or postgres://, else a SQLite file.
StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& db, const StoreOptions& options = {});

// Opens (and migrates) the SQLite database at `path`. FailedPrecondition with a plain
// message when the folder is missing, the file is missing and may not be created, or it
// is not writable.
StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const StoreOptions& options = {});

// Opens (and migrates) the PostgreSQL database at `url`. Unavailable when it cannot be reached.
StatusOr<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const StoreOptions& options = {});

}  // namespace acogida
