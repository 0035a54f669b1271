// The authorisation matrix: every route of the real server × every role × own site / other
// site, asserting the exact status of each cell. The cells come from the server's route table,
// so a route added without a row here fails the test. Expected statuses follow what each route
// declares (Needs) and the permission table in core/account.h: 403 for a role without the
// permission, 404 for a person or household at a site the user does not work at (existence is
// not revealed), 403 for acting at such a site. The services enforce these on their own too.
// It runs on each backend (a real SQLite file, a real PostgreSQL database).
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <thread>

#include "http/server.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using Json = nlohmann::json;
using testing::Backend;
using testing::MakePerson;
using testing::TestActor;

constexpr const char* kPassword = "frase de prueba bastante larga";
// A one-day scenario for the simulation routes' cells.
constexpr const char* kTinyScenario =
    R"({"days": 1, "cities": [{"id": "Tijuana", "lat": 32.5, "lon": -117.0}], "ports": [{"id": "Tijuana", "city": "Tijuana", "daily_rate": 20}]})";

enum class Scope { kOwn, kOther };

struct Request {
  std::string path;
  std::string body;         // sent as JSON for POST and PUT
  std::string token;        // "" = the role's token
};

// How to call a route as a role, for its own site or another, and what success looks like.
// Who may call it is not here: it is read from the route's declared Needs.
struct Cell {
  int success = 200;
  std::function<Request(Role, Scope)> make;
};

class AuthorizationMatrixTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto opened = database_.Open();
    ASSERT_OK(opened);
    store_ = std::move(opened).value();
    sites_ = std::make_unique<SiteService>(*store_);
    intake_ = std::make_unique<IntakeService>(*store_, SystemClock());
    persons_ = std::make_unique<PersonService>(*store_);
    auth_ = std::make_unique<AuthService>(*store_, SystemClock());
    users_ = std::make_unique<UserService>(*store_);
    audit_ = std::make_unique<AuditService>(*store_, SystemClock());
    identity_ = std::make_unique<IdentityService>(*store_);
    beds_ = std::make_unique<BedService>(*store_, SystemClock());
    reception_ = std::make_unique<ReceptionService>(*store_, SystemClock());
    dashboards_ = std::make_unique<DashboardService>(*store_, SystemClock());
    legal_ = std::make_unique<LegalService>(*store_, SystemClock());
    // Every permitted cell queues a run; the default queue of 8 would refuse some (429).
    SimulationServiceOptions simulation_options;
    simulation_options.queue_capacity = 1000;
    simulations_ = std::make_unique<SimulationService>(*store_, SystemClock(), simulation_options);
    referrals_ = std::make_unique<ReferralService>(*store_, SystemClock());
    for (Scope scope : {Scope::kOwn, Scope::kOther}) {
      auto site = sites_->Create(admin_, testing::TijuanaCentre());
      ASSERT_OK(site);
      site_[scope] = site->id;
      NewHousehold input;
      input.site_id = site->id;
      input.members = {MakePerson("Rosa", "Luna", "Vega")};
      auto household = intake_->Register(coordinator_, input);
      ASSERT_OK(household);
      household_[scope] = household->id;
      person_[scope] = household->members[0].id;
    }
    for (Role role : AllRoles()) {
      const std::string username = "matrix." + std::string(RoleName(role));
      ASSERT_OK(users_->Create(admin_, NewUser{username, "", role, SiteIdsFor(role), kPassword}).status());
      token_[role] = Login(username);
    }
    SetUpLegal();
    auto run = simulations_->Submit(coordinator_, SimulationRequest{kTinyScenario, 1, 1});
    ASSERT_OK(run);
    simulation_run_ = run->id;
    organisation_ = FreshOrganisation();
    server_ = std::make_unique<http::ApiServer>(
        http::Services{*sites_, *intake_, *persons_, *auth_, *users_, *audit_,
                       GetParam() == Backend::kSqlite ? "sqlite" : "postgresql", false, identity_.get(), beds_.get(), legal_.get(), simulations_.get(),
                       reception_.get(), dashboards_.get(), referrals_.get()},
        http::ServerOptions{"127.0.0.1", 0, "", 8});
    auto port = server_->Bind();
    ASSERT_OK(port);
    port_ = *port;
    serving_ = std::thread([this] { (void)server_->Serve(); });
  }

  void TearDown() override {
    if (server_) server_->Stop();
    if (serving_.joinable()) serving_.join();
  }

  std::vector<int64_t> SiteIdsFor(Role role) {
    if (role == Role::kRegistrar || role == Role::kShelterStaff) return {site_[Scope::kOwn]};
    return {};
  }

  std::string Login(const std::string& username) {
    auto login = auth_->Login(username, kPassword, "127.0.0.1");
    EXPECT_OK(login);
    return login.ok() ? login->token : "";
  }

  // A throwaway user of `role`, for cells that change or end a session.
  std::string FreshUser(Role role) {
    const std::string username = "fresh." + std::to_string(++fresh_count_);
    EXPECT_OK(users_->Create(admin_, NewUser{username, "", role, SiteIdsFor(role), kPassword}).status());
    return username;
  }

  int64_t FreshSite() {
    auto site = sites_->Create(admin_, testing::TijuanaCentre());
    EXPECT_OK(site);
    return site->id;
  }

  int64_t FreshSection(Scope scope) {
    auto section = sites_->CreateSection(admin_, testing::MenSection(site_[scope]));
    EXPECT_OK(section);
    return section->id;
  }

  // A person registered now at the site of `scope`.
  int64_t FreshPerson(Scope scope) {
    NewHousehold input;
    input.site_id = site_[scope];
    input.members = {MakePerson("Inés", "Mora", "Soto")};
    auto household = intake_->Register(coordinator_, input);
    EXPECT_OK(household);
    return household.ok() ? household->members[0].id : 0;
  }

  // A directory entry offering medical care.
  int64_t FreshOrganisation() {
    Organisation organisation;
    organisation.name = "Clínica matriz";
    organisation.services = {"medical_care"};
    auto created = referrals_->CreateOrganisation(admin_, organisation);
    EXPECT_OK(created);
    return created.ok() ? created->id : 0;
  }

  // A referral of the person of `scope` to a fresh organisation of which `role`'s matrix user is
  // a member: any role with membership may move it.
  int64_t FreshReferralTo(Role role, Scope scope) {
    const int64_t organisation_id = FreshOrganisation();
    EXPECT_OK(referrals_->AddMember(admin_, organisation_id, "matrix." + std::string(RoleName(role))).status());
    auto referral = referrals_->CreateReferral(coordinator_, Referral{0, person_[scope], organisation_id, "medical_care", ""});
    EXPECT_OK(referral);
    return referral.ok() ? referral->referral.id : 0;
  }

  // A "same" link between two fresh persons at the site of `scope`.
  int64_t FreshLink(Scope scope) {
    auto link = identity_->Decide(coordinator_, FreshPerson(scope), FreshPerson(scope), LinkDecision::kSame,
                                  "matriz de autorización");
    EXPECT_OK(link);
    return link.ok() ? link->id : 0;
  }

  // A stay of a fresh person in a fresh section at the site of `scope`.
  int64_t FreshStay(Scope scope) {
    auto stay = beds_->CheckIn(coordinator_, CheckInRequest{FreshPerson(scope), FreshSection(scope), CheckoutDate(), 0});
    EXPECT_OK(stay);
    return stay.ok() ? stay->id : 0;
  }

  int64_t FreshHold(Scope scope) {
    auto hold = beds_->Hold(coordinator_, HoldRequest{FreshSection(scope), 1, "Autobús matriz", 2});
    EXPECT_OK(hold);
    return hold.ok() ? hold->id : 0;
  }

  // Three days from now, a valid expected check-out in every border time zone.
  static std::string CheckoutDate() {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return FormatUtcDate(UtcTime(today + std::chrono::days(3)));
  }

  // Legal aid: the matrix lawyer's directory entry and another lawyer's; for each scope a
  // case at that site, assigned to the matrix lawyer (own) or the other lawyer (other), so that
  // a lawyer's "own" cases are those assigned to them.
  void SetUpLegal() {
    auto matrix_lawyer = users_->FindByUsername(admin_, "matrix.lawyer");
    ASSERT_OK(matrix_lawyer);
    lawyer_[Scope::kOwn] = FreshLawyer(matrix_lawyer->id);
    lawyer_[Scope::kOther] = FreshLawyer(0);
    for (Scope scope : {Scope::kOwn, Scope::kOther}) case_[scope] = FreshCase(scope);
  }

  int64_t FreshLawyer(int64_t user_id) {
    Lawyer lawyer;
    lawyer.name = "Lic. Matriz " + std::to_string(++fresh_count_);
    lawyer.specialties = {CaseType::kCustody};
    lawyer.languages = {"spa"};
    lawyer.capacity = 500;
    lawyer.user_id = user_id;
    auto created = legal_->CreateLawyer(coordinator_, lawyer);
    EXPECT_OK(created);
    return created.ok() ? created->id : 0;
  }

  // A custody case of a fresh person at the site of `scope`, assigned (version 2).
  int64_t FreshCase(Scope scope) {
    LegalCase input;
    input.person_id = FreshPerson(scope);
    input.type = CaseType::kCustody;
    auto opened = legal_->OpenCase(coordinator_, input);
    EXPECT_OK(opened);
    if (!opened.ok()) return 0;
    LegalCaseChange assign;
    assign.version = 1;
    assign.lawyer_id = lawyer_[scope];
    EXPECT_OK(legal_->UpdateCase(coordinator_, opened->id, assign));
    return opened->id;
  }

  int64_t FreshDeadline(Scope scope) {
    LegalDeadline deadline;
    deadline.title = "Plazo matriz";
    deadline.due_date = "2026-12-01";
    auto added = legal_->AddDeadline(coordinator_, case_[scope], deadline);
    EXPECT_OK(added);
    return added.ok() ? added->id : 0;
  }

  // A checklist item with a new name ("extra_b", "extra_c", ...).
  std::string FreshItem() {
    std::string item = "extra_";
    for (int count = ++fresh_count_; count > 0; count /= 26) item += static_cast<char>('a' + count % 26);
    return item;
  }

  int64_t FreshDocument(Scope scope) {
    auto added = legal_->AddDocument(coordinator_, case_[scope], FreshItem());
    EXPECT_OK(added);
    return added.ok() ? added->id : 0;
  }

  std::string CasePath(Scope scope, const std::string& rest = "") {
    return "/api/v1/legal-cases/" + std::to_string(case_[scope]) + rest;
  }

  std::map<std::string, Cell> Cells();

  int Send(const std::string& method, const Request& request, Role role) {
    httplib::Client client("127.0.0.1", port_);
    httplib::Headers headers{{"Authorization", "Bearer " + (request.token.empty() ? token_[role] : request.token)},
                             {"X-Access-Reason", "matriz%20de%20autorizaci%C3%B3n"}};
    httplib::Result result = method == "get"    ? client.Get(request.path.c_str(), headers)
                             : method == "post" ? client.Post(request.path.c_str(), headers, request.body, "application/json")
                             : method == "put"  ? client.Put(request.path.c_str(), headers, request.body, "application/json")
                                                : client.Delete(request.path.c_str(), headers);
    return result ? result->status : 0;
  }

  const Actor admin_ = TestActor(Role::kAdministrator, {}, 1000);
  const Actor coordinator_ = TestActor(Role::kCoordinator, {}, 1001);
  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SiteService> sites_;
  std::unique_ptr<IntakeService> intake_;
  std::unique_ptr<PersonService> persons_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<AuditService> audit_;
  std::unique_ptr<IdentityService> identity_;
  std::unique_ptr<BedService> beds_;
  std::unique_ptr<ReceptionService> reception_;
  std::unique_ptr<DashboardService> dashboards_;
  std::unique_ptr<LegalService> legal_;
  std::unique_ptr<SimulationService> simulations_;
  int64_t simulation_run_ = 0;
  std::unique_ptr<ReferralService> referrals_;
  int64_t organisation_ = 0;
  std::map<Scope, int64_t> lawyer_, case_;
  std::unique_ptr<http::ApiServer> server_;
  std::thread serving_;
  int port_ = 0;
  int fresh_count_ = 0;
  std::map<Scope, int64_t> site_, household_, person_;
  std::map<Role, std::string> token_;
};

INSTANTIATE_TEST_SUITE_P(Backends, AuthorizationMatrixTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

std::string Id(int64_t id) { return std::to_string(id); }

std::map<std::string, Cell> AuthorizationMatrixTest::Cells() {
  const std::string site_body = Json{{"name", "Sitio matriz"}, {"kind", "shelter"}, {"city", "Tijuana"},
                                     {"state", "02"}, {"timezone", "America/Tijuana"}, {"latitude", 32.5},
                                     {"longitude", -117.0}, {"version", 1}}.dump();
  const std::string section_body = Json{{"name", "Hombres"}, {"kind", "men"}, {"beds", 10}, {"version", 1}}.dump();
  auto household_body = [this](Scope scope) {
    return Json{{"site_id", site_[scope]},
                {"members", {{{"given_names", "Inés"}, {"paternal_surname", "Mora"}, {"relationship", "head"},
                                  {"consents", {{"services", true}}}}}}}
        .dump();
  };
  auto fixed = [](std::string path, std::string body = "") {
    return [path, body](Role, Scope) { return Request{path, body, ""}; };
  };
  return {
      {"get /api/v1/health", {200, fixed("/api/v1/health")}},
      {"post /api/v1/auth/login",
       {200,
        [](Role role, Scope) {
          return Request{"/api/v1/auth/login",
                         Json{{"username", "matrix." + std::string(RoleName(role))}, {"password", kPassword}}.dump(), ""};
        }}},
      {"get /api/v1/auth/session", {200, fixed("/api/v1/auth/session")}},
      {"post /api/v1/auth/logout",
       {204,
        [this](Role role, Scope) { return Request{"/api/v1/auth/logout", "{}", Login(FreshUser(role))}; }}},
      {"post /api/v1/auth/password",
       {204,
        [this](Role role, Scope) {
          return Request{"/api/v1/auth/password",
                         Json{{"current_password", kPassword}, {"new_password", "otra frase bastante larga"}}.dump(),
                         Login(FreshUser(role))};
        }}},
      {"get /api/v1/sites", {200, fixed("/api/v1/sites")}},
      {"post /api/v1/sites", {201,
                              fixed("/api/v1/sites", site_body)}},
      {"get /api/v1/sites/{id}", {200,
                                  [this](Role, Scope scope) { return Request{"/api/v1/sites/" + Id(site_[scope])}; }}},
      {"put /api/v1/sites/{id}", {200,
                                  [this, site_body](Role, Scope) {
                                    return Request{"/api/v1/sites/" + Id(FreshSite()), site_body};
                                  }}},
      {"delete /api/v1/sites/{id}", {204,
                                     [this](Role, Scope) { return Request{"/api/v1/sites/" + Id(FreshSite())}; }}},
      {"get /api/v1/sites/{id}/sections",
       {200,
        [this](Role, Scope scope) { return Request{"/api/v1/sites/" + Id(site_[scope]) + "/sections"}; }}},
      {"post /api/v1/sites/{id}/sections",
       {201,
        [this, section_body](Role, Scope scope) {
          return Request{"/api/v1/sites/" + Id(site_[scope]) + "/sections", section_body};
        }}},
      {"put /api/v1/sections/{id}",
       {200,
        [this, section_body](Role, Scope scope) {
          return Request{"/api/v1/sections/" + Id(FreshSection(scope)), section_body};
        }}},
      {"delete /api/v1/sections/{id}",
       {204,
        [this](Role, Scope scope) { return Request{"/api/v1/sections/" + Id(FreshSection(scope))}; }}},
      {"get /api/v1/sites/{id}/arrivals",
       {200,
        [this](Role, Scope scope) { return Request{"/api/v1/sites/" + Id(site_[scope]) + "/arrivals?date=2026-11-29"}; }}},
      {"post /api/v1/households",
       {201,
        [household_body](Role, Scope scope) { return Request{"/api/v1/households", household_body(scope)}; }}},
      {"get /api/v1/households/{id}",
       {200,
        [this](Role, Scope scope) { return Request{"/api/v1/households/" + Id(household_[scope])}; }}},
      {"get /api/v1/persons", {200, fixed("/api/v1/persons?q=rosa")}},
      {"get /api/v1/persons/{id}",
       {200,
        [this](Role, Scope scope) { return Request{"/api/v1/persons/" + Id(person_[scope])}; }}},
      {"put /api/v1/persons/{id}/consents",
       {200,
        [this](Role, Scope scope) {
          return Request{"/api/v1/persons/" + Id(person_[scope]) + "/consents",
                         Json{{"services", true}, {"family_tracing", true}}.dump()};
        }}},
      {"get /api/v1/tracing", {200, fixed("/api/v1/tracing?q=rosa")}},
      {"post /api/v1/persons/matches",
       {200, fixed("/api/v1/persons/matches", Json{{"given_names", "Rosa"}, {"paternal_surname", "Luna"}}.dump())}},
      {"post /api/v1/persons/{id}/links",
       {201,
        [this](Role, Scope scope) {
          return Request{"/api/v1/persons/" + Id(person_[scope]) + "/links",
                         Json{{"other_id", FreshPerson(scope)}, {"decision", "same"}, {"reason", "misma persona"}}.dump()};
        }}},
      {"get /api/v1/persons/{id}/links",
       {200, [this](Role, Scope scope) { return Request{"/api/v1/persons/" + Id(person_[scope]) + "/links"}; }}},
      {"delete /api/v1/person-links/{id}",
       {200, [this](Role, Scope scope) { return Request{"/api/v1/person-links/" + Id(FreshLink(scope))}; }}},
      {"get /api/v1/sites/{id}/board",
       {200, [this](Role, Scope scope) { return Request{"/api/v1/sites/" + Id(site_[scope]) + "/board"}; }}},
      {"get /api/v1/capacity", {200, fixed("/api/v1/capacity")}},
      {"post /api/v1/stays",
       {201,
        [this](Role, Scope scope) {
          return Request{"/api/v1/stays", Json{{"person_id", FreshPerson(scope)}, {"section_id", FreshSection(scope)},
                                               {"expected_checkout", CheckoutDate()}}.dump()};
        }}},
      {"put /api/v1/stays/{id}",
       {200,
        [this](Role, Scope scope) {
          return Request{"/api/v1/stays/" + Id(FreshStay(scope)),
                         Json{{"expected_checkout", CheckoutDate()}, {"version", 1}}.dump()};
        }}},
      {"post /api/v1/stays/{id}/checkout",
       {200, [this](Role, Scope scope) { return Request{"/api/v1/stays/" + Id(FreshStay(scope)) + "/checkout", "{}"}; }}},
      {"post /api/v1/holds",
       {201,
        [this](Role, Scope scope) {
          return Request{"/api/v1/holds",
                         Json{{"section_id", FreshSection(scope)}, {"beds", 1}, {"label", "Autobús matriz"}}.dump()};
        }}},
      {"delete /api/v1/holds/{id}",
       {200, [this](Role, Scope scope) { return Request{"/api/v1/holds/" + Id(FreshHold(scope))}; }}},
      {"post /api/v1/placements",
       {200,
        [this](Role, Scope scope) {
          return Request{"/api/v1/placements",
                         Json{{"arrival_site_id", site_[scope]}, {"groups", {{{"id", "g"}, {"adult_men", 1}}}}}.dump()};
        }}},
      {"post /api/v1/placements/confirm",
       {201,
        [this](Role, Scope scope) {
          return Request{"/api/v1/placements/confirm",
                         Json{{"items", {{{"label", "Grupo"}, {"section_id", FreshSection(scope)}, {"beds", 1}}}}}.dump()};
        }}},
      {"get /public/v1/service_capacity", {200, fixed("/public/v1/service_capacity")}},
      {"get /api/v1/persons/{id}/services",
       {200, [this](Role, Scope scope) { return Request{"/api/v1/persons/" + Id(person_[scope]) + "/services"}; }}},
      {"post /api/v1/persons/{id}/services",
       {200,
        [this](Role, Scope scope) {
          return Request{"/api/v1/persons/" + Id(FreshPerson(scope)) + "/services",
                         Json{{"site_id", site_[scope]}, {"item", "food_kit"}, {"status", "done"}, {"version", 0}}.dump()};
        }}},
      {"get /api/v1/sites/{id}/batches",
       {200, [this](Role, Scope scope) { return Request{"/api/v1/sites/" + Id(site_[scope]) + "/batches?date=2026-11-29"}; }}},
      {"get /api/v1/sites/{id}/batch",
       {200,
        [this](Role, Scope scope) {
          return Request{"/api/v1/sites/" + Id(site_[scope]) + "/batch?date=2026-11-29&batch_id="};
        }}},
      {"get /api/v1/dashboard", {200, fixed("/api/v1/dashboard?days=30")}},
      {"get /api/v1/exports/worklist.csv",
       {200,
        [this](Role, Scope scope) {
          return Request{"/api/v1/exports/worklist.csv?site_id=" + Id(site_[scope]) + "&date=2026-11-29"};
        }}},
      {"get /api/v1/exports/arrivals-hxl.csv", {200, fixed("/api/v1/exports/arrivals-hxl.csv?days=30")}},
      {"get /api/v1/persons/{id}/legal-screening",
       {200, [this](Role, Scope scope) { return Request{"/api/v1/persons/" + Id(person_[scope]) + "/legal-screening"}; }}},
      {"put /api/v1/persons/{id}/legal-screening",
       {200,
        [this](Role, Scope scope) {
          return Request{"/api/v1/persons/" + Id(FreshPerson(scope)) + "/legal-screening",
                         Json{{"answers", {{"custody", "yes"}}}, {"version", 0}}.dump()};
        }}},
      {"get /api/v1/legal-cases", {200, fixed("/api/v1/legal-cases")}},
      {"post /api/v1/legal-cases",
       {201,
        [this](Role, Scope scope) {
          return Request{"/api/v1/legal-cases",
                         Json{{"person_id", FreshPerson(scope)}, {"screening_item", "children_in_us"}}.dump()};
        }}},
      {"get /api/v1/legal-cases/{id}", {200, [this](Role, Scope scope) { return Request{CasePath(scope)}; }}},
      {"put /api/v1/legal-cases/{id}",
       {200,
        [this](Role, Scope scope) {
          return Request{"/api/v1/legal-cases/" + Id(FreshCase(scope)),
                         Json{{"status", "in_progress"}, {"version", 2}}.dump()};
        }}},
      {"get /api/v1/legal-cases/{id}/deadlines",
       {200, [this](Role, Scope scope) { return Request{CasePath(scope, "/deadlines")}; }}},
      {"post /api/v1/legal-cases/{id}/deadlines",
       {201,
        [this](Role, Scope scope) {
          return Request{CasePath(scope, "/deadlines"), Json{{"title", "Audiencia"}, {"due_date", "2026-12-15"}}.dump()};
        }}},
      {"put /api/v1/legal-cases/{id}/deadlines/{deadline_id}",
       {200,
        [this](Role, Scope scope) {
          return Request{CasePath(scope, "/deadlines/" + Id(FreshDeadline(scope))),
                         Json{{"met", true}, {"version", 1}}.dump()};
        }}},
      {"get /api/v1/legal-cases/{id}/appointments",
       {200, [this](Role, Scope scope) { return Request{CasePath(scope, "/appointments")}; }}},
      {"post /api/v1/legal-cases/{id}/appointments",
       {201,
        [this](Role, Scope scope) {
          return Request{CasePath(scope, "/appointments"),
                         Json{{"starts_at", "2026-12-02T17:00:00Z"}, {"mode", "video"}}.dump()};
        }}},
      {"get /api/v1/legal-cases/{id}/notes",
       {200, [this](Role, Scope scope) { return Request{CasePath(scope, "/notes")}; }}},
      {"post /api/v1/legal-cases/{id}/notes",
       {201, [this](Role, Scope scope) { return Request{CasePath(scope, "/notes"), Json{{"body", "Nota"}}.dump()}; }}},
      {"get /api/v1/legal-cases/{id}/documents",
       {200, [this](Role, Scope scope) { return Request{CasePath(scope, "/documents")}; }}},
      {"post /api/v1/legal-cases/{id}/documents",
       {201,
        [this](Role, Scope scope) { return Request{CasePath(scope, "/documents"), Json{{"item", FreshItem()}}.dump()}; }}},
      {"put /api/v1/legal-cases/{id}/documents/{document_id}",
       {200,
        [this](Role, Scope scope) {
          return Request{CasePath(scope, "/documents/" + Id(FreshDocument(scope))),
                         Json{{"status", "received"}, {"version", 1}}.dump()};
        }}},
      {"get /api/v1/lawyers", {200, fixed("/api/v1/lawyers")}},
      {"post /api/v1/lawyers",
       {201,
        fixed("/api/v1/lawyers",
              Json{{"name", "Lic. Nueva"}, {"specialties", {"custody"}}, {"languages", {"spa"}}}.dump())}},
      {"put /api/v1/lawyers/{id}",
       {200,
        [this](Role, Scope) {
          return Request{"/api/v1/lawyers/" + Id(FreshLawyer(0)),
                         Json{{"name", "Lic. Editada"}, {"specialties", {"custody"}}, {"version", 1}}.dump()};
        }}},
      {"get /api/v1/legal/overdue", {200, fixed("/api/v1/legal/overdue")}},
      // Lawyers see their own calendar (no site); site staff name a site, which must be theirs.
      {"get /api/v1/legal/calendar",
       {200,
        [this](Role role, Scope scope) {
          if (role == Role::kLawyer && scope == Scope::kOwn) return Request{"/api/v1/legal/calendar"};
          return Request{"/api/v1/legal/calendar?site_id=" + Id(site_[scope])};
        }}},
      {"get /api/v1/legal/reports", {200, fixed("/api/v1/legal/reports")}},
      {"get /api/v1/simulations/template", {200, fixed("/api/v1/simulations/template")}},
      {"post /api/v1/simulations",
       {202, fixed("/api/v1/simulations", Json{{"scenario", Json::parse(kTinyScenario)}, {"replications", 1}}.dump())}},
      {"get /api/v1/simulations", {200, fixed("/api/v1/simulations")}},
      {"get /api/v1/simulations/{id}",
       {200, [this](Role, Scope) { return Request{"/api/v1/simulations/" + Id(simulation_run_)}; }}},
      // Cancelling is idempotent: the run is cancelled once, then returned as it is.
      {"delete /api/v1/simulations/{id}",
       {200, [this](Role, Scope) { return Request{"/api/v1/simulations/" + Id(simulation_run_)}; }}},
      {"get /api/v1/organisations", {200, fixed("/api/v1/organisations")}},
      {"post /api/v1/organisations",
       {201, fixed("/api/v1/organisations", Json{{"name", "Org matriz"}, {"services", {"medical_care"}}}.dump())}},
      {"get /api/v1/organisations/hsds", {200, fixed("/api/v1/organisations/hsds")}},
      {"post /api/v1/organisations/hsds",
       {200, fixed("/api/v1/organisations/hsds", R"([{"name": "Org HSDS", "services": [{"name": "medical_care"}]}])")}},
      {"get /api/v1/organisations/{id}",
       {200, [this](Role, Scope) { return Request{"/api/v1/organisations/" + Id(organisation_)}; }}},
      {"put /api/v1/organisations/{id}",
       {200,
        [this](Role, Scope) {
          return Request{"/api/v1/organisations/" + Id(FreshOrganisation()),
                         Json{{"name", "Clínica editada"}, {"services", {"medical_care"}}, {"version", 1}}.dump()};
        }}},
      {"delete /api/v1/organisations/{id}",
       {204, [this](Role, Scope) { return Request{"/api/v1/organisations/" + Id(FreshOrganisation()) + "?version=1"}; }}},
      {"get /api/v1/organisations/{id}/members",
       {200, [this](Role, Scope) { return Request{"/api/v1/organisations/" + Id(organisation_) + "/members"}; }}},
      {"post /api/v1/organisations/{id}/members",
       {201,
        [this](Role, Scope) {
          return Request{"/api/v1/organisations/" + Id(organisation_) + "/members",
                         Json{{"username", "matrix.analyst"}}.dump()};
        }}},
      {"delete /api/v1/organisations/{id}/members/{user_id}",
       {204,
        [this](Role, Scope) {
          const int64_t organisation_id = FreshOrganisation();
          auto member = referrals_->AddMember(admin_, organisation_id, "matrix.analyst");
          EXPECT_OK(member);
          return Request{"/api/v1/organisations/" + Id(organisation_id) + "/members/" + Id(member->user_id)};
        }}},
      {"get /api/v1/persons/{id}/referrals",
       {200, [this](Role, Scope scope) { return Request{"/api/v1/persons/" + Id(person_[scope]) + "/referrals"}; }}},
      {"post /api/v1/persons/{id}/referrals",
       {201,
        [this](Role, Scope scope) {
          return Request{"/api/v1/persons/" + Id(person_[scope]) + "/referrals",
                         Json{{"organisation_id", organisation_}, {"service", "medical_care"}}.dump()};
        }}},
      {"get /api/v1/referrals", {200, fixed("/api/v1/referrals")}},
      // Any role may move a referral sent to an organisation it belongs to.
      {"put /api/v1/referrals/{id}",
       {200,
        [this](Role role, Scope scope) {
          return Request{"/api/v1/referrals/" + Id(FreshReferralTo(role, scope)),
                         Json{{"status", "accepted"}, {"version", 1}}.dump()};
        }}},
      {"get /api/v1/users", {200, fixed("/api/v1/users")}},
      {"post /api/v1/users",
       {201,
        [this](Role, Scope) {
          return Request{"/api/v1/users", Json{{"username", "nuevo." + std::to_string(++fresh_count_)},
                                               {"role", "analyst"}, {"password", kPassword}}.dump()};
        }}},
      {"put /api/v1/users/{id}",
       {200,
        [this](Role, Scope) {
          auto user = users_->FindByUsername(admin_, FreshUser(Role::kAnalyst));
          return Request{"/api/v1/users/" + Id(user->id), Json{{"role", "lawyer"}, {"version", 1}}.dump()};
        }}},
      {"get /api/v1/audit", {200, fixed("/api/v1/audit")}},
      {"get /api/v1/audit/verify",
       {200, fixed("/api/v1/audit/verify")}},
      {"get /api/v1/alerts", {200, fixed("/api/v1/alerts")}},
  };
}

int Expected(const http::Needs& needs, const Cell& cell, Role role, Scope scope) {
  if (!needs.permission) return cell.success;
  if (!RoleHas(role, *needs.permission)) return 403;
  if (scope == Scope::kOther && !WorksAtAllSites(role)) {
    if (needs.scope == http::SiteScope::kActAtSite) return 403;
    if (needs.scope == http::SiteScope::kPersonRecord) return 404;
  }
  return cell.success;
}

TEST_P(AuthorizationMatrixTest, EveryRouteRoleAndSiteGetsTheExactStatus) {
  std::map<std::string, Cell> cells = Cells();
  int checked = 0;
  for (const http::RouteInfo& route : server_->routes()) {
    const std::string key = std::string(http::MethodName(route.method)) + " " + route.path;
    auto found = cells.find(key);
    if (found == cells.end()) {
      ADD_FAILURE() << "route not in the authorisation matrix: " << key;
      continue;
    }
    for (Role role : AllRoles()) {
      for (Scope scope : {Scope::kOwn, Scope::kOther}) {
        const int expected = Expected(route.needs, found->second, role, scope);
        const int got = Send(http::MethodName(route.method), found->second.make(role, scope), role);
        EXPECT_EQ(got, expected) << key << " as " << RoleName(role) << (scope == Scope::kOwn ? " (own site)" : " (other site)");
        ++checked;
      }
    }
    // Without a session, only public routes answer.
    if (route.needs.access != http::Access::kPublic) {
      Request anonymous = found->second.make(Role::kCoordinator, Scope::kOwn);
      anonymous.token = "none";
      EXPECT_EQ(Send(http::MethodName(route.method), anonymous, Role::kCoordinator), 401) << key << " without a session";
    }
  }
  EXPECT_EQ(checked, static_cast<int>(server_->routes().size() * AllRoles().size() * 2));
  EXPECT_EQ(cells.size(), server_->routes().size()) << "the matrix lists routes the server does not have";
}

}  // namespace
}  // namespace acogida
