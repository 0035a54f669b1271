// Reads and writes of domain values in portable SQL, over either backend's SqlConnection; see migrations/
#include "store/sql/sql_tx.h"

#include <tuple>

#include "core/comma_list.h"
#include "crypto/field_cipher.h"
#include "store/person_tokens.h"
#include "store/sealed_fields.h"
#include "store/sql/sql_accounts.h"
#include "store/sql/sql_beds.h"
#include "store/sql/sql_reception.h"
#include "store/sql/sql_referrals.h"
#include "store/sql/sql_consents.h"
#include "store/sql/sql_identity.h"
#include "store/sql/sql_jobs.h"
#include "store/sql/sql_legal.h"
#include "store/sql/sql_simulations.h"
#include "store/sql/sql_rows.h"

namespace acogida {
namespace {

constexpr const char* kSiteColumns =
    "id, name, kind, operator, city, state, timezone, latitude, longitude, demo, version, publish_capacity, "
    "services_offered";
constexpr const char* kSectionColumns = "id, site_id, name, kind, beds, version, accessible";
constexpr const char* kPersonColumns =
    "id, household_id, given_names, paternal_surname, maternal_surname, sex, birth_date, birth_state, "
    "birth_municipality, curp, languages, phone, relationship, version, created_at, notes, anonymised_at";
constexpr const char* kArrivalViewSql =
    "SELECT a.id, a.person_id, a.household_id, a.site_id, a.arrived_at, a.mode, a.batch_id, "
    "p.given_names, p.paternal_surname, p.maternal_surname, s.name "
    "FROM arrival a JOIN person p ON p.id = a.person_id JOIN site s ON s.id = a.site_id ";

std::string ServiceItemList(const std::vector<ServiceItem>& items) {
  std::vector<std::string> names;
  for (ServiceItem item : items) names.emplace_back(ServiceItemName(item));
  return JoinCommaList(names);
}

Site ReadSite(const SqlStatement& row) {
  Site site;
  site.id = row.Int(0);
  site.name = row.Text(1);
  site.kind = ParseSiteKind(row.Text(2)).value_or(SiteKind::kShelter);
  site.operator_name = row.Text(3);
  site.city = row.Text(4);
  site.state = row.Text(5);
  site.timezone = row.Text(6);
  site.latitude = row.Double(7);
  site.longitude = row.Double(8);
  site.demo = row.Int(9) != 0;
  site.version = row.Int(10);
  site.publish_capacity = row.Int(11) != 0;
  for (const std::string& name : SplitCommaList(row.Text(12))) {
    if (auto item = ParseServiceItem(name)) site.services_offered.push_back(*item);
  }
  return site;
}

Section ReadSection(const SqlStatement& row) {
  Section section;
  section.id = row.Int(0);
  section.site_id = row.Int(1);
  section.name = row.Text(2);
  section.kind = ParseSectionKind(row.Text(3)).value_or(SectionKind::kMen);
  section.beds = static_cast<int>(row.Int(4));
  section.version = row.Int(5);
  section.accessible = row.Int(6) != 0;
  return section;
}

Person ReadPerson(const SqlStatement& row) {
  Person person;
  person.id = row.Int(0);
  person.household_id = row.Int(1);
  person.given_names = row.Text(2);
  person.paternal_surname = row.Text(3);
  person.maternal_surname = row.Text(4);
  person.sex = ParseSex(row.Text(5)).value_or(Sex::kUnknown);
  auto birth_date = ParseBirthDate(row.Text(6));
  if (birth_date.ok()) person.birth_date = *birth_date;
  person.birth_state = row.Text(7);
  person.birth_municipality = row.Text(8);
  person.curp = row.Text(9);
  person.languages = SplitCommaList(row.Text(10));
  person.phone = row.Text(11);  // sealed; SqlTx::Unseal opens it
  person.relationship = ParseRelationship(row.Text(12)).value_or(Relationship::kHead);
  person.version = row.Int(13);
  person.created_at = row.Text(14);
  person.notes = row.Text(15);  // sealed
  person.anonymised_at = row.Text(16);
  return person;
}

ArrivalView ReadArrivalView(const SqlStatement& row) {
  ArrivalView view;
  view.arrival.id = row.Int(0);
  view.arrival.person_id = row.Int(1);
  view.arrival.household_id = row.Int(2);
  view.arrival.site_id = row.Int(3);
  view.arrival.arrived_at = row.Text(4);
  view.arrival.mode = ParseArrivalMode(row.Text(5)).value_or(ArrivalMode::kOther);
  view.arrival.batch_id = row.Text(6);
  Person names;
  names.given_names = row.Text(7);
  names.paternal_surname = row.Text(8);
  names.maternal_surname = row.Text(9);
  view.full_name = names.FullName();
  view.site_name = row.Text(10);
  return view;
}

class SqlTx : public Tx {
 public:
  SqlTx(SqlConnection& connection, const KeyRing& keys, std::string now_utc)
      : db_(connection), keys_(keys), now_utc_(std::move(now_utc)) {}

  Status InsertSite(Site& site) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(
        "INSERT INTO site (name, kind, operator, city, state, timezone, latitude, longitude, demo, created_at, "
        "publish_capacity, services_offered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    stmt->Bind(1, site.name).Bind(2, SiteKindName(site.kind)).Bind(3, site.operator_name).Bind(4, site.city)
        .Bind(5, site.state).Bind(6, site.timezone).Bind(7, site.latitude).Bind(8, site.longitude)
        .Bind(9, site.demo ? 1 : 0).Bind(10, now_utc_).Bind(11, site.publish_capacity ? 1 : 0)
        .Bind(12, ServiceItemList(site.services_offered));
    ASSIGN_OR_RETURN(site.id, InsertedId(*stmt, "insert site"));
    site.version = 1;
    return OkStatus();
  }

  StatusOr<Site> GetSite(int64_t site_id) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(std::string("SELECT ") + kSiteColumns + " FROM site WHERE id = ?"));
    stmt->Bind(1, site_id);
    ASSIGN_OR_RETURN(bool found, stmt->Step());
    if (!found) return NotFound("site " + std::to_string(site_id) + " does not exist");
    return ReadSite(*stmt);
  }

  StatusOr<std::vector<Site>> ListSites() override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(std::string("SELECT ") + kSiteColumns +
                                            " FROM site ORDER BY kind, city, name, id"));
    return ReadAll<Site>(*stmt, ReadSite);
  }

  Status UpdateSite(Site& site) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(
        "UPDATE site SET name = ?, kind = ?, operator = ?, city = ?, state = ?, timezone = ?, latitude = ?, "
        "longitude = ?, publish_capacity = ?, services_offered = ?, version = version + 1 WHERE id = ? AND version = ?"));
    stmt->Bind(1, site.name).Bind(2, SiteKindName(site.kind)).Bind(3, site.operator_name).Bind(4, site.city)
        .Bind(5, site.state).Bind(6, site.timezone).Bind(7, site.latitude).Bind(8, site.longitude)
        .Bind(9, site.publish_capacity ? 1 : 0).Bind(10, ServiceItemList(site.services_offered)).Bind(11, site.id)
        .Bind(12, site.version);
    RETURN_IF_ERROR(stmt->Run());
    if (stmt->Changes() == 0) return StaleOrMissing("site", site.id, "SELECT version FROM site WHERE id = ?");
    site.version += 1;
    return OkStatus();
  }

  Status DeleteSite(int64_t site_id) override {
    ASSIGN_OR_RETURN(Site site, GetSite(site_id));
    ASSIGN_OR_RETURN(auto used, db_.Prepare("SELECT 1 FROM household WHERE site_id = ? UNION ALL "
                                            "SELECT 1 FROM arrival WHERE site_id = ? LIMIT 1"));
    used->Bind(1, site_id).Bind(2, site_id);
    ASSIGN_OR_RETURN(bool in_use, used->Step());
    if (in_use) return FailedPrecondition("site " + std::to_string(site_id) + " has registered arrivals");
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare("DELETE FROM site WHERE id = ?"));
    stmt->Bind(1, site.id);
    return stmt->Run();
  }

  StatusOr<std::vector<std::pair<int64_t, int64_t>>> BedsPerSite() override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare("SELECT site_id, SUM(beds) FROM section GROUP BY site_id"));
    return ReadAll<std::pair<int64_t, int64_t>>(
        *stmt, [](const SqlStatement& row) { return std::make_pair(row.Int(0), row.Int(1)); });
  }

  Status InsertSection(Section& section) override {
    ASSIGN_OR_RETURN(auto stmt,
                     db_.Prepare("INSERT INTO section (site_id, name, kind, beds, accessible, board_updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    stmt->Bind(1, section.site_id).Bind(2, section.name).Bind(3, SectionKindName(section.kind)).Bind(4, section.beds)
        .Bind(5, section.accessible ? 1 : 0).Bind(6, now_utc_);
    ASSIGN_OR_RETURN(section.id, InsertedId(*stmt, "insert section"));
    section.version = 1;
    return OkStatus();
  }

  StatusOr<Section> GetSection(int64_t section_id) override {
    ASSIGN_OR_RETURN(auto stmt,
                     db_.Prepare(std::string("SELECT ") + kSectionColumns + " FROM section WHERE id = ?"));
    stmt->Bind(1, section_id);
    ASSIGN_OR_RETURN(bool found, stmt->Step());
    if (!found) return NotFound("section " + std::to_string(section_id) + " does not exist");
    return ReadSection(*stmt);
  }

  StatusOr<std::vector<Section>> ListSections(int64_t site_id) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(std::string("SELECT ") + kSectionColumns +
                                            " FROM section WHERE site_id = ? ORDER BY id"));
    stmt->Bind(1, site_id);
    return ReadAll<Section>(*stmt, ReadSection);
  }

  Status UpdateSection(Section& section) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare("UPDATE section SET name = ?, kind = ?, beds = ?, accessible = ?, "
                                            "board_updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    stmt->Bind(1, section.name).Bind(2, SectionKindName(section.kind)).Bind(3, section.beds)
        .Bind(4, section.accessible ? 1 : 0).Bind(5, now_utc_).Bind(6, section.id).Bind(7, section.version);
    RETURN_IF_ERROR(stmt->Run());
    if (stmt->Changes() == 0) {
      return StaleOrMissing("section", section.id, "SELECT version FROM section WHERE id = ?");
    }
    section.version += 1;
    return OkStatus();
  }

  Status DeleteSection(int64_t section_id) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare("DELETE FROM section WHERE id = ?"));
    stmt->Bind(1, section_id);
    RETURN_IF_ERROR(stmt->Run());
    if (stmt->Changes() == 0) return NotFound("section " + std::to_string(section_id) + " does not exist");
    return OkStatus();
  }

  Status InsertHousehold(Household& household) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare("INSERT INTO household (site_id, created_at) VALUES (?, ?) RETURNING id"));
    stmt->Bind(1, household.site_id).Bind(2, now_utc_);
    ASSIGN_OR_RETURN(household.id, InsertedId(*stmt, "insert household"));
    household.created_at = now_utc_;
    return OkStatus();
  }

  Status InsertPerson(Person& person) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(
        "INSERT INTO person (household_id, given_names, paternal_surname, maternal_surname, sort_key, sex, "
        "birth_date, birth_state, birth_municipality, curp, languages, phone, relationship, created_at, "
        "last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    stmt->Bind(1, person.household_id).Bind(2, person.given_names).Bind(3, person.paternal_surname)
        .Bind(4, person.maternal_surname).Bind(5, PersonSortKey(person)).Bind(6, SexCode(person.sex))
        .Bind(7, person.birth_date.ToString()).Bind(8, person.birth_state).Bind(9, person.birth_municipality)
        .Bind(10, person.curp).Bind(11, JoinCommaList(person.languages)).Bind(12, "")
        .Bind(13, RelationshipName(person.relationship)).Bind(14, now_utc_).Bind(15, now_utc_);
    ASSIGN_OR_RETURN(person.id, InsertedId(*stmt, "insert person"));
    person.version = 1;
    person.created_at = now_utc_;
    RETURN_IF_ERROR(WriteSealed(person.id, person.phone, person.notes));
    ASSIGN_OR_RETURN(auto token_stmt, db_.Prepare("INSERT INTO person_token (token, person_id) VALUES (?, ?)"));
    for (const std::string& token : PersonNameTokens(person)) {
      token_stmt->Bind(1, token).Bind(2, person.id);
      RETURN_IF_ERROR(token_stmt->Run());
      token_stmt->Reset();
    }
    return OkStatus();
  }

  Status InsertArrival(Arrival& arrival) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(
        "INSERT INTO arrival (person_id, household_id, site_id, arrived_at, mode, batch_id) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    stmt->Bind(1, arrival.person_id).Bind(2, arrival.household_id).Bind(3, arrival.site_id)
        .Bind(4, arrival.arrived_at).Bind(5, ArrivalModeName(arrival.mode)).Bind(6, arrival.batch_id);
    ASSIGN_OR_RETURN(arrival.id, InsertedId(*stmt, "insert arrival"));
    stmt.reset();
    ASSIGN_OR_RETURN(auto activity, db_.Prepare("UPDATE person SET last_activity_at = ? WHERE id = ?"));
    activity->Bind(1, now_utc_).Bind(2, arrival.person_id);
    return activity->Run();
  }

  StatusOr<Household> GetHousehold(int64_t household_id) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare("SELECT id, site_id, created_at FROM household WHERE id = ?"));
    stmt->Bind(1, household_id);
    ASSIGN_OR_RETURN(bool found, stmt->Step());
    if (!found) return NotFound("household " + std::to_string(household_id) + " does not exist");
    Household household;
    household.id = stmt->Int(0);
    household.site_id = stmt->Int(1);
    household.created_at = stmt->Text(2);
    ASSIGN_OR_RETURN(auto members, db_.Prepare(std::string("SELECT ") + kPersonColumns +
                                               " FROM person WHERE household_id = ? ORDER BY id"));
    members->Bind(1, household_id);
    ASSIGN_OR_RETURN(household.members, ReadAll<Person>(*members, ReadPerson));
    for (Person& member : household.members) RETURN_IF_ERROR(Unseal(member));
    return household;
  }

  StatusOr<Person> GetPerson(int64_t person_id) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(std::string("SELECT ") + kPersonColumns + " FROM person WHERE id = ?"));
    stmt->Bind(1, person_id);
    ASSIGN_OR_RETURN(bool found, stmt->Step());
    if (!found) return NotFound("person " + std::to_string(person_id) + " does not exist");
    Person person = ReadPerson(*stmt);
    RETURN_IF_ERROR(Unseal(person));
    return person;
  }

  StatusOr<PersonPage> SearchPersons(const PersonSearch& search) override {
    // The rarest token drives (its prefix range lists candidate ids); each other token is a
    // seek on (person_id, token) per candidate.
    std::vector<std::string> tokens = search.tokens;
    if (tokens.size() > 1) {
      ASSIGN_OR_RETURN(size_t rarest, RarestToken(tokens));
      std::swap(tokens[0], tokens[rarest]);
    }
    std::string where = " WHERE anonymised_at = ''";
    if (!tokens.empty()) where += " AND id IN (SELECT person_id FROM person_token WHERE token >= ? AND token < ?)";
    for (size_t token_idx = 1; token_idx < tokens.size(); ++token_idx) {
      where += " AND EXISTS (SELECT 1 FROM person_token u WHERE u.person_id = person.id AND u.token >= ? AND "
               "u.token < ?)";
    }
    if (search.tracing_consent_only) {
      where += " AND anonymised_at = '' AND (SELECT granted FROM consent c WHERE c.person_id = person.id AND "
               "c.kind = 'family_tracing' ORDER BY c.id DESC LIMIT 1) = 1";
    }
    if (search.scoped) {
      // Site ids are numbers we format ourselves; they change the statement text, not its inputs.
      std::string sites;
      for (int64_t site_id : search.site_ids) sites += (sites.empty() ? "" : ",") + std::to_string(site_id);
      if (sites.empty()) return PersonPage{};
      where += " AND (household_id IN (SELECT id FROM household WHERE site_id IN (" + sites +
               ")) OR id IN (SELECT person_id FROM arrival WHERE site_id IN (" + sites + ")))";
    }
    auto bind_tokens = [&](SqlStatement& stmt) {
      int index = 1;
      for (const std::string& token : tokens) {
        stmt.Bind(index, token).Bind(index + 1, PrefixUpperBound(token));
        index += 2;
      }
      return index;
    };
    PersonPage page;
    ASSIGN_OR_RETURN(auto count, db_.Prepare("SELECT COUNT(*) FROM person" + where));
    bind_tokens(*count);
    ASSIGN_OR_RETURN(bool counted, count->Step());
    page.total = counted ? count->Int(0) : 0;
    if (page.total == 0 || search.offset >= page.total) return page;
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(std::string("SELECT ") + kPersonColumns + " FROM person" + where +
                                            " ORDER BY sort_key, id LIMIT ? OFFSET ?"));
    int next = bind_tokens(*stmt);
    stmt->Bind(next, search.limit).Bind(next + 1, search.offset);
    ASSIGN_OR_RETURN(page.items, ReadAll<Person>(*stmt, ReadPerson));
    for (Person& person : page.items) RETURN_IF_ERROR(Unseal(person));
    return page;
  }

  Status RecordConsents(int64_t person_id, const Consents& consents, const std::string& recorded_by) override {
    return sql_consents::RecordConsents(db_, now_utc_, person_id, consents, recorded_by);
  }
  StatusOr<Consents> CurrentConsents(int64_t person_id) override {
    return sql_consents::CurrentConsents(db_, person_id);
  }
  StatusOr<std::vector<int64_t>> PersonsToAnonymise(const std::string& inactive_before) override {
    return sql_consents::PersonsToAnonymise(db_, inactive_before);
  }
  Status AnonymisePerson(int64_t person_id) override {
    RETURN_IF_ERROR(sql_consents::AnonymisePerson(db_, now_utc_, person_id));
    RETURN_IF_ERROR(sql_legal::AnonymiseLegal(db_, person_id));
    // Referral notes and the details of the journey home go too; statuses and the destination
    // state stay for the counts.
    ASSIGN_OR_RETURN(auto notes, db_.Prepare("UPDATE referral SET note = '' WHERE person_id = ?"));
    notes->Bind(1, person_id);
    RETURN_IF_ERROR(notes->Run());
    ASSIGN_OR_RETURN(auto journey, db_.Prepare(
        "UPDATE service_record SET destination_municipality = '', bus = '', departure_at = '' WHERE person_id = ?"));
    journey->Bind(1, person_id);
    return journey->Run();
  }

  StatusOr<std::vector<LinkagePerson>> ListPersonsAfter(int64_t after_id, int limit) override {
    return sql_identity::ListPersonsAfter(db_, after_id, limit);
  }
  StatusOr<std::vector<LinkagePerson>> ListPersonsById(const std::vector<int64_t>& person_ids) override {
    return sql_identity::ListPersonsById(db_, person_ids);
  }
  StatusOr<std::vector<std::pair<int64_t, std::string>>> ListPersonsAnonymisedSince(const std::string& since) override {
    return sql_identity::ListPersonsAnonymisedSince(db_, since);
  }
  StatusOr<std::vector<ServiceRecord>> ListServiceRecords(const std::vector<int64_t>& person_ids) override {
    return sql_reception::ListServiceRecords(db_, person_ids);
  }
  Status SaveServiceRecord(ServiceRecord& record) override { return sql_reception::SaveServiceRecord(db_, record); }
  StatusOr<std::vector<ArrivalCount>> CountArrivals(const std::string& from_utc, const std::string& to_utc) override {
    return sql_reception::CountArrivals(db_, from_utc, to_utc);
  }
  StatusOr<std::vector<ServiceCount>> CountServiceEvents(const std::string& from_utc,
                                                         const std::string& to_utc) override {
    return sql_reception::CountServiceEvents(db_, from_utc, to_utc);
  }
  StatusOr<std::vector<std::pair<std::string, int64_t>>> CountTransportHome(const std::string& from_utc,
                                                                             const std::string& to_utc) override {
    return sql_reception::CountTransportHome(db_, from_utc, to_utc);
  }

  Status LockSectionBoard(int64_t section_id, const std::string& now) override {
    return sql_beds::LockSectionBoard(db_, section_id, now);
  }
  StatusOr<std::vector<SectionUsage>> ListSectionUsage(int64_t site_id, const std::string& now) override {
    return sql_beds::ListSectionUsage(db_, site_id, now);
  }
  Status InsertStay(Stay& stay) override { return sql_beds::InsertStay(db_, stay); }
  StatusOr<Stay> GetStay(int64_t stay_id) override { return sql_beds::GetStay(db_, stay_id); }
  StatusOr<std::optional<Stay>> OpenStayOfPerson(int64_t person_id) override {
    return sql_beds::OpenStayOfPerson(db_, person_id);
  }
  StatusOr<std::vector<StayView>> ListOpenStays(int64_t site_id) override {
    return sql_beds::ListOpenStays(db_, site_id);
  }
  StatusOr<std::vector<Stay>> ListStaysOfPerson(int64_t person_id) override {
    return sql_beds::ListStaysOfPerson(db_, person_id);
  }
  Status CloseStay(Stay& stay) override { return sql_beds::CloseStay(db_, stay); }
  Status UpdateStay(Stay& stay) override { return sql_beds::UpdateStay(db_, stay); }
  StatusOr<std::vector<Stay>> OpenStaysDueBefore(const std::string& date) override {
    return sql_beds::OpenStaysDueBefore(db_, date);
  }
  Status InsertHold(BedHold& hold) override { return sql_beds::InsertHold(db_, hold); }
  StatusOr<BedHold> GetHold(int64_t hold_id) override { return sql_beds::GetHold(db_, hold_id); }
  StatusOr<std::vector<BedHold>> ListActiveHolds(int64_t site_id, const std::string& now) override {
    return sql_beds::ListActiveHolds(db_, site_id, now);
  }
  Status UpdateHold(const BedHold& hold) override { return sql_beds::UpdateHold(db_, hold); }
  StatusOr<std::vector<BedHold>> ListExpiredHolds(const std::string& now) override {
    return sql_beds::ListExpiredHolds(db_, now);
  }

  Status InsertPersonLink(PersonLink& link) override { return sql_identity::InsertPersonLink(db_, now_utc_, link); }
  StatusOr<PersonLink> GetPersonLink(int64_t link_id) override { return sql_identity::GetPersonLink(db_, link_id); }
  StatusOr<std::vector<PersonLink>> ListPersonLinks(int64_t person_id) override {
    return sql_identity::ListPersonLinks(db_, person_id);
  }
  Status UndoPersonLink(int64_t link_id, const std::string& undone_by) override {
    return sql_identity::UndoPersonLink(db_, now_utc_, link_id, undone_by);
  }

  StatusOr<std::vector<int64_t>> SitesOfPerson(int64_t person_id) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(
        "SELECT h.site_id FROM person p JOIN household h ON h.id = p.household_id WHERE p.id = ? "
        "UNION SELECT site_id FROM arrival WHERE person_id = ? UNION SELECT site_id FROM stay WHERE person_id = ?"));
    stmt->Bind(1, person_id).Bind(2, person_id).Bind(3, person_id);
    return ReadAll<int64_t>(*stmt, [](const SqlStatement& row) { return row.Int(0); });
  }

  Status InsertUser(User& user, const std::string& password_hash) override {
    return sql_accounts::InsertUser(db_, now_utc_, user, password_hash);
  }
  StatusOr<User> GetUser(int64_t user_id) override { return sql_accounts::GetUser(db_, user_id); }
  StatusOr<User> FindUserByUsername(const std::string& username, std::string* password_hash) override {
    return sql_accounts::FindUserByUsername(db_, username, password_hash);
  }
  StatusOr<std::vector<User>> ListUsers() override { return sql_accounts::ListUsers(db_); }
  Status UpdateUser(User& user) override { return sql_accounts::UpdateUser(db_, user); }
  Status SetPasswordHash(int64_t user_id, const std::string& password_hash) override {
    return sql_accounts::SetPasswordHash(db_, now_utc_, user_id, password_hash);
  }
  Status InsertSession(SessionRecord& session) override {
    return sql_accounts::InsertSession(db_, now_utc_, session);
  }
  StatusOr<SessionRecord> FindSession(const std::string& token_digest) override {
    return sql_accounts::FindSession(db_, token_digest);
  }
  Status TouchSession(int64_t session_id) override { return sql_accounts::TouchSession(db_, now_utc_, session_id); }
  Status DeleteSession(int64_t session_id) override { return sql_accounts::DeleteSession(db_, session_id); }
  Status DeleteSessionsOfUser(int64_t user_id, int64_t except_session_id) override {
    return sql_accounts::DeleteSessionsOfUser(db_, user_id, except_session_id);
  }
  Status RecordLoginAttempt(const std::string& username, const std::string& remote_address, bool succeeded) override {
    return sql_accounts::RecordLoginAttempt(db_, now_utc_, username, remote_address, succeeded);
  }
  StatusOr<LoginFailures> CountLoginFailures(const std::string& username, const std::string& remote_address,
                                             const std::string& since_utc) override {
    return sql_accounts::CountLoginFailures(db_, username, remote_address, since_utc);
  }
  Status AppendAudit(AuditEntry& entry) override { return sql_accounts::AppendAudit(db_, now_utc_, entry); }
  StatusOr<int64_t> ChainPendingAudit(int limit) override { return sql_accounts::ChainPendingAudit(db_, limit); }
  StatusOr<AuditPage> ListAudit(const AuditFilter& filter) override { return sql_accounts::ListAudit(db_, filter); }
  Status ForEachAudit(const std::function<Status(const AuditEntry&)>& visit) override {
    return sql_accounts::ForEachAudit(db_, visit);
  }
  Status ForEachImportedAudit(
      const std::function<Status(const std::string&, const AuditEntry&)>& visit) override {
    return sql_accounts::ForEachImportedAudit(db_, visit);
  }
  StatusOr<std::vector<std::pair<std::string, int64_t>>> PersonReadsSince(const std::string& since_utc) override {
    return sql_accounts::PersonReadsSince(db_, since_utc);
  }
  StatusOr<bool> ClaimJob(const std::string& name, const std::string& not_before) override {
    return sql_jobs::ClaimJob(db_, now_utc_, name, not_before);
  }
  Status FinishJob(const std::string& name, bool succeeded) override {
    return sql_jobs::FinishJob(db_, now_utc_, name, succeeded);
  }
  // Legal aid (issue 6): forwarded to sql_legal.
  StatusOr<LegalScreening> GetLegalScreening(int64_t person_id) override {
    return sql_legal::GetScreening(db_, keys_, person_id);
  }
  Status SaveLegalScreening(LegalScreening& screening) override {
    return sql_legal::SaveScreening(db_, keys_, now_utc_, screening);
  }
  Status InsertLegalCase(LegalCase& legal_case) override { return sql_legal::InsertCase(db_, now_utc_, legal_case); }
  StatusOr<LegalCase> GetLegalCase(int64_t case_id) override { return sql_legal::GetCase(db_, case_id); }
  StatusOr<std::vector<LegalCase>> ListLegalCases(const LegalCaseFilter& filter) override {
    return sql_legal::ListCases(db_, filter);
  }
  Status UpdateLegalCase(LegalCase& legal_case, const std::string& by) override {
    return sql_legal::UpdateCase(db_, now_utc_, legal_case, by);
  }
  StatusOr<std::vector<LegalCaseEvent>> ListLegalCaseEvents(int64_t case_id) override {
    return sql_legal::ListCaseEvents(db_, case_id);
  }
  Status InsertLegalDeadline(LegalDeadline& deadline) override {
    return sql_legal::InsertDeadline(db_, now_utc_, deadline);
  }
  StatusOr<LegalDeadline> GetLegalDeadline(int64_t deadline_id) override {
    return sql_legal::GetDeadline(db_, deadline_id);
  }
  Status UpdateLegalDeadline(LegalDeadline& deadline) override { return sql_legal::UpdateDeadline(db_, deadline); }
  StatusOr<std::vector<LegalDeadline>> ListLegalDeadlines(const LegalDeadlineFilter& filter) override {
    return sql_legal::ListDeadlines(db_, filter);
  }
  Status InsertLegalAppointment(LegalAppointment& appointment) override {
    return sql_legal::InsertAppointment(db_, now_utc_, appointment);
  }
  StatusOr<std::vector<LegalAppointment>> ListLegalAppointments(const LegalAppointmentFilter& filter) override {
    return sql_legal::ListAppointments(db_, filter);
  }
  Status InsertLegalNote(LegalNote& note) override { return sql_legal::InsertNote(db_, keys_, now_utc_, note); }
  StatusOr<std::vector<LegalNote>> ListLegalNotes(int64_t case_id) override {
    return sql_legal::ListNotes(db_, keys_, case_id);
  }
  Status InsertLegalDocument(LegalDocument& document) override {
    return sql_legal::InsertDocument(db_, now_utc_, document);
  }
  StatusOr<LegalDocument> GetLegalDocument(int64_t document_id) override {
    return sql_legal::GetDocument(db_, document_id);
  }
  Status UpdateLegalDocument(LegalDocument& document) override {
    return sql_legal::UpdateDocument(db_, now_utc_, document);
  }
  StatusOr<std::vector<LegalDocument>> ListLegalDocuments(int64_t case_id) override {
    return sql_legal::ListDocuments(db_, case_id);
  }
  Status InsertLawyer(Lawyer& lawyer) override { return sql_legal::InsertLawyer(db_, now_utc_, lawyer); }
  StatusOr<Lawyer> GetLawyer(int64_t lawyer_id) override { return sql_legal::GetLawyer(db_, lawyer_id); }
  StatusOr<std::vector<LawyerLoad>> ListLawyers() override { return sql_legal::ListLawyers(db_); }
  Status UpdateLawyer(Lawyer& lawyer) override { return sql_legal::UpdateLawyer(db_, lawyer); }
  StatusOr<ContactPreferences> GetContactPreferences(int64_t person_id) override {
    return sql_legal::GetContact(db_, keys_, person_id);
  }
  Status SaveContactPreferences(ContactPreferences& contact) override {
    return sql_legal::SaveContact(db_, keys_, now_utc_, contact);
  }

  // Surge simulation runs (issue 7): forwarded to sql_simulations.
  Status InsertSimulationRun(SimulationRun& run) override { return sql_simulations::InsertRun(db_, run); }
  StatusOr<SimulationRun> GetSimulationRun(int64_t run_id) override { return sql_simulations::GetRun(db_, run_id); }
  StatusOr<std::vector<SimulationRun>> ListSimulationRuns(int limit) override {
    return sql_simulations::ListRuns(db_, limit);
  }
  StatusOr<bool> StartSimulationRun(int64_t run_id, const std::string& now) override {
    return sql_simulations::StartRun(db_, run_id, now);
  }
  StatusOr<bool> HeartbeatSimulationRun(int64_t run_id, double progress, const std::string& now) override {
    return sql_simulations::HeartbeatRun(db_, run_id, progress, now);
  }
  StatusOr<bool> FinishSimulationRun(const SimulationRun& run) override { return sql_simulations::FinishRun(db_, run); }
  StatusOr<int64_t> FailStaleSimulationRuns(const std::string& before, const std::string& error,
                                            const std::string& now) override {
    return sql_simulations::FailStaleRuns(db_, before, error, now);
  }

  // The referral directory and referrals (issue #8): forwarded to sql_referrals.
  Status InsertOrganisation(Organisation& organisation) override {
    return sql_referrals::InsertOrganisation(db_, organisation);
  }
  StatusOr<Organisation> GetOrganisation(int64_t organisation_id) override {
    return sql_referrals::GetOrganisation(db_, organisation_id);
  }
  StatusOr<std::vector<Organisation>> ListOrganisations() override { return sql_referrals::ListOrganisations(db_); }
  StatusOr<std::vector<Organisation>> FindOrganisationsByHsdsId(const std::string& hsds_id) override {
    return sql_referrals::FindOrganisationsByHsdsId(db_, hsds_id);
  }
  Status UpdateOrganisation(Organisation& organisation) override {
    return sql_referrals::UpdateOrganisation(db_, organisation);
  }
  Status DeleteOrganisation(int64_t organisation_id, int64_t version) override {
    return sql_referrals::DeleteOrganisation(db_, organisation_id, version);
  }
  Status AddOrganisationMember(int64_t organisation_id, int64_t user_id) override {
    return sql_referrals::AddOrganisationMember(db_, organisation_id, user_id);
  }
  Status RemoveOrganisationMember(int64_t organisation_id, int64_t user_id) override {
    return sql_referrals::RemoveOrganisationMember(db_, organisation_id, user_id);
  }
  StatusOr<std::vector<int64_t>> ListOrganisationMembers(int64_t organisation_id) override {
    return sql_referrals::ListOrganisationMembers(db_, organisation_id);
  }
  StatusOr<std::vector<int64_t>> ListOrganisationsOfUser(int64_t user_id) override {
    return sql_referrals::ListOrganisationsOfUser(db_, user_id);
  }
  Status InsertReferral(Referral& referral) override { return sql_referrals::InsertReferral(db_, keys_, referral); }
  StatusOr<Referral> GetReferral(int64_t referral_id) override { return sql_referrals::GetReferral(db_, keys_, referral_id); }
  StatusOr<std::vector<Referral>> ListReferralsOfPerson(int64_t person_id) override {
    return sql_referrals::ListReferralsOfPerson(db_, keys_, person_id);
  }
  StatusOr<std::vector<Referral>> ListReferralsToOrganisations(const std::vector<int64_t>& organisation_ids) override {
    return sql_referrals::ListReferralsToOrganisations(db_, keys_, organisation_ids);
  }
  Status UpdateReferralStatus(Referral& referral) override { return sql_referrals::UpdateReferralStatus(db_, referral); }

  const std::string& now() const override { return now_utc_; }

  Status CheckKeyRing() override {
    // Record first (servers opening together both try; one wins), then compare.
    ASSIGN_OR_RETURN(auto record, db_.Prepare(
        "INSERT INTO key_check (key_id, check_value) VALUES (?, ?) ON CONFLICT (key_id) DO NOTHING"));
    ASSIGN_OR_RETURN(auto known, db_.Prepare("SELECT check_value FROM key_check WHERE key_id = ?"));
    for (const std::string& key_id : keys_.ids()) {
      const std::string check = keys_.CheckValue(key_id);
      record->Bind(1, key_id).Bind(2, check);
      RETURN_IF_ERROR(record->Run());
      record->Reset();
      known->Bind(1, key_id);
      ASSIGN_OR_RETURN(bool found, known->Step());
      const std::string stored = found ? known->Text(0) : "";
      known->Reset();
      if (stored != check) {
        return FailedPrecondition("key " + key_id + " of the key file is not the key " + key_id +
                                  " this database was sealed with: every server of one database needs the "
                                  "organisation's same key file");
      }
    }
    return OkStatus();
  }

  StatusOr<int64_t> ResealSensitiveFields() override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare("SELECT id, phone, notes FROM person WHERE phone <> '' OR notes <> ''"));
    std::vector<std::tuple<int64_t, std::string, std::string>> sealed;
    while (true) {
      ASSIGN_OR_RETURN(bool has_row, stmt->Step());
      if (!has_row) break;
      sealed.emplace_back(stmt->Int(0), stmt->Text(1), stmt->Text(2));
    }
    stmt.reset();
    int64_t resealed = 0;
    for (auto& [person_id, phone, notes] : sealed) {
      const bool current = (phone.empty() || SealedKeyId(phone) == keys_.current_id()) &&
                           (notes.empty() || SealedKeyId(notes) == keys_.current_id());
      if (current) continue;
      ASSIGN_OR_RETURN(std::string phone_plain, OpenPersonField(keys_, "phone", person_id, phone));
      ASSIGN_OR_RETURN(std::string notes_plain, OpenPersonField(keys_, "notes", person_id, notes));
      RETURN_IF_ERROR(WriteSealed(person_id, phone_plain, notes_plain));
      ++resealed;
    }
    ASSIGN_OR_RETURN(int64_t legal_resealed, sql_legal::ResealLegalFields(db_, keys_));
    return resealed + legal_resealed;
  }

  StatusOr<std::vector<ArrivalView>> ListArrivalsOfPerson(int64_t person_id) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(std::string(kArrivalViewSql) +
                                            "WHERE a.person_id = ? ORDER BY a.arrived_at, a.id"));
    stmt->Bind(1, person_id);
    return ReadAll<ArrivalView>(*stmt, ReadArrivalView);
  }

  StatusOr<std::vector<ArrivalView>> ListArrivalsAtSite(int64_t site_id, const std::string& from_utc,
                                                        const std::string& to_utc) override {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(std::string(kArrivalViewSql) +
                                            "WHERE a.site_id = ? AND a.arrived_at >= ? AND a.arrived_at < ? "
                                            "ORDER BY a.arrived_at, a.id"));
    stmt->Bind(1, site_id).Bind(2, from_utc).Bind(3, to_utc);
    return ReadAll<ArrivalView>(*stmt, ReadArrivalView);
  }

 private:
  // Seals phone and notes of `person_id` with the current key and stores them.
  Status WriteSealed(int64_t person_id, const std::string& phone, const std::string& notes) {
    if (phone.empty() && notes.empty()) return OkStatus();
    ASSIGN_OR_RETURN(std::string sealed_phone, SealPersonField(keys_, "phone", person_id, phone));
    ASSIGN_OR_RETURN(std::string sealed_notes, SealPersonField(keys_, "notes", person_id, notes));
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare("UPDATE person SET phone = ?, notes = ? WHERE id = ?"));
    stmt->Bind(1, sealed_phone).Bind(2, sealed_notes).Bind(3, person_id);
    return stmt->Run();
  }

  // Opens the sealed fields of a person read from the database, in place.
  Status Unseal(Person& person) {
    ASSIGN_OR_RETURN(person.phone, OpenPersonField(keys_, "phone", person.id, person.phone));
    ASSIGN_OR_RETURN(person.notes, OpenPersonField(keys_, "notes", person.id, person.notes));
    return OkStatus();
  }

  // Index of the token whose prefix range holds the fewest entries (an index-only count).
  StatusOr<size_t> RarestToken(const std::vector<std::string>& tokens) {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare("SELECT COUNT(*) FROM person_token WHERE token >= ? AND token < ?"));
    size_t rarest = 0;
    int64_t fewest = INT64_MAX;
    for (size_t token_idx = 0; token_idx < tokens.size(); ++token_idx) {
      stmt->Bind(1, tokens[token_idx]).Bind(2, PrefixUpperBound(tokens[token_idx]));
      ASSIGN_OR_RETURN(bool has_row, stmt->Step());
      int64_t entries = has_row ? stmt->Int(0) : 0;
      stmt->Reset();
      if (entries < fewest) {
        fewest = entries;
        rarest = token_idx;
      }
    }
    return rarest;
  }

  // After an UPDATE ... WHERE version = ? changed nothing: NotFound or a stale version.
  Status StaleOrMissing(const std::string& what, int64_t id, const std::string& version_sql) {
    ASSIGN_OR_RETURN(auto stmt, db_.Prepare(version_sql));
    stmt->Bind(1, id);
    ASSIGN_OR_RETURN(bool found, stmt->Step());
    if (!found) return NotFound(what + " " + std::to_string(id) + " does not exist");
    return StaleVersion(what + " " + std::to_string(id) + " was changed by someone else (now version " +
                   std::to_string(stmt->Int(0)) + "); reload and try again");
  }

  SqlConnection& db_;
  const KeyRing& keys_;
  std::string now_utc_;
};

}  // namespace

std::unique_ptr<Tx> NewSqlTx(SqlConnection& connection, const KeyRing& keys, const std::string& now_utc) {
  return std::make_unique<SqlTx>(connection, keys, now_utc);
}

}  // namespace acogida
