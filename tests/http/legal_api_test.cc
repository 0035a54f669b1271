// Legal aid through the HTTP API, on each backend: the real `acogida serve` binary on a free
// loopback port with a real SQLite file or PostgreSQL database, driven by a real HTTP client.
// Screen a person, open a case from a "yes", assign it, move it through the workflow, add a
// deadline in the past and see it overdue; bad input is 400 naming the field with nothing
// written; stale edits 409 with the current record; a lawyer sees their case and its notes.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "testing/server_process.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using Json = nlohmann::json;
using testing::Backend;

constexpr const char* kPassword = "frase de prueba bastante larga";

class LegalApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    for (auto [name, role] : {std::pair{"api.coord", "coordinator"}, std::pair{"abogada.ana", "lawyer"}}) {
      auto added = testing::AddUser(database_.url(), name, role, kPassword, database_.key_file());
      ASSERT_EQ(added.exit_code, 0) << added.output;
    }
    server_ = std::make_unique<testing::ServerProcess>(database_.url(), "", database_.key_file());
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
    coordinator_ = Login("api.coord", &coordinator_id_);
    lawyer_ = Login("abogada.ana", &lawyer_user_id_);
    ASSERT_TRUE(coordinator_ && lawyer_);
  }

  std::unique_ptr<httplib::Client> Login(const std::string& username, int64_t* user_id) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    auto login = client->Post("/api/v1/auth/login", {{"X-Session-Mode", "bearer"}},
                              Json{{"username", username}, {"password", kPassword}}.dump(), "application/json");
    if (!login || login->status != 200) return nullptr;
    Json body = Json::parse(login->body);
    *user_id = body["user"]["id"];
    client->set_default_headers({{"Authorization", "Bearer " + body["token"].get<std::string>()},
                                 {"X-Access-Reason", "prueba%20legal"}});
    return client;
  }

  std::pair<int, Json> Call(httplib::Client& client, const std::string& method, const std::string& path,
                            const Json& body = nullptr) {
    const std::string text = body.is_null() ? "" : body.dump();
    httplib::Result result = method == "GET"    ? client.Get(path.c_str())
                             : method == "POST" ? client.Post(path.c_str(), text, "application/json")
                                                : client.Put(path.c_str(), text, "application/json");
    EXPECT_TRUE(result) << method << " " << path << " got no response";
    if (!result) return {0, nullptr};
    return {result->status, result->body.empty() ? Json() : Json::parse(result->body, nullptr, false)};
  }
  std::pair<int, Json> Coord(const std::string& method, const std::string& path, const Json& body = nullptr) {
    return Call(*coordinator_, method, path, body);
  }

  static std::string FieldOf(const Json& error) { return error["error"].value("field", ""); }

  // A site in Matamoros and a registered mother; returns the person's id.
  int64_t RegisterPerson() {
    Json site{{"name", "Casa del Migrante"}, {"kind", "shelter"}, {"city", "Matamoros"}, {"state", "28"},
              {"timezone", "America/Matamoros"}, {"latitude", 25.87}, {"longitude", -97.5}};
    auto [site_status, created] = Coord("POST", "/api/v1/sites", site);
    EXPECT_EQ(site_status, 201) << created.dump();
    Json household{{"site_id", created["id"]},
                   {"members",
                    {{{"given_names", "María"}, {"paternal_surname", "Hernández"}, {"relationship", "head"},
                      {"languages", {"spa", "nah"}}, {"phone", "+528681234567"},
                      {"consents", {{"services", true}}}}}}};
    auto [status, body] = Coord("POST", "/api/v1/households", household);
    EXPECT_EQ(status, 201) << body.dump();
    return body["members"][0]["id"];
  }

  int64_t AddLawyer(int64_t user_id) {
    Json lawyer{{"name", "Lic. Ana Ruiz"}, {"organisation", "Clínica Jurídica"}, {"kind", "ngo"},
                {"specialties", {"custody"}}, {"languages", {"spa", "eng"}}, {"capacity", 20}};
    if (user_id) lawyer["user_id"] = user_id;
    auto [status, body] = Coord("POST", "/api/v1/lawyers", lawyer);
    EXPECT_EQ(status, 201) << body.dump();
    return body.value("id", int64_t{0});
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<httplib::Client> coordinator_, lawyer_;
  int64_t coordinator_id_ = 0, lawyer_user_id_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, LegalApiTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(LegalApiTest, ScreenOpenAssignAndSeeAPastDeadlineOverdue) {
  const int64_t person = RegisterPerson();
  const std::string screening_path = "/api/v1/persons/" + std::to_string(person) + "/legal-screening";
  auto [blank_status, blank] = Coord("GET", screening_path);
  ASSERT_EQ(blank_status, 200) << blank.dump();
  EXPECT_EQ(blank["version"], 0);
  EXPECT_EQ(blank["answers"]["custody"], "unasked");

  Json screening{{"answers", {{"children_in_us", "yes"}, {"custody", "yes"}, {"victim", "no"}}},
                 {"a_number", "A123456789"}, {"version", 0},
                 {"contact", {{"channel", "whatsapp"}, {"contact", "+528681234567"}, {"consent", true}}}};
  auto [saved_status, saved] = Coord("PUT", screening_path, screening);
  ASSERT_EQ(saved_status, 200) << saved.dump();
  EXPECT_EQ(saved["version"], 1);
  EXPECT_EQ(saved["answers"]["children_in_us"], "yes");
  EXPECT_EQ(saved["contact"]["channel"], "whatsapp");
  auto [stale_status, stale] = Coord("PUT", screening_path, screening);
  EXPECT_EQ(stale_status, 409);
  EXPECT_EQ(stale["current"]["version"], 1);

  auto [case_status, opened] =
      Coord("POST", "/api/v1/legal-cases", {{"person_id", person}, {"screening_item", "children_in_us"}});
  ASSERT_EQ(case_status, 201) << opened.dump();
  EXPECT_EQ(opened["type"], "custody");
  EXPECT_EQ(opened["status"], "new");
  const std::string case_path = "/api/v1/legal-cases/" + std::to_string(opened["id"].get<int64_t>());

  const int64_t lawyer_id = AddLawyer(0);
  auto [detail_status, detail] = Coord("GET", case_path);
  ASSERT_EQ(detail_status, 200) << detail.dump();
  ASSERT_EQ(detail["suggestions"].size(), 1u);
  EXPECT_EQ(detail["suggestions"][0]["lawyer_id"], lawyer_id);
  EXPECT_EQ(detail["person"]["full_name"], "María Hernández");
  EXPECT_EQ(detail["documents"].size(), 3u);

  auto [assign_status, assigned] = Coord("PUT", case_path, {{"lawyer_id", lawyer_id}, {"version", 1}});
  ASSERT_EQ(assign_status, 200) << assigned.dump();
  EXPECT_EQ(assigned["status"], "assigned");
  auto [again_status, again] = Coord("PUT", case_path, {{"status", "in_progress"}, {"version", 1}});
  EXPECT_EQ(again_status, 409);
  EXPECT_EQ(again["error"]["field"], "version");
  EXPECT_EQ(again["current"]["status"], "assigned");
  auto [skip_status, skip] = Coord("PUT", case_path, {{"status", "closed"}, {"version", 2}});
  EXPECT_EQ(skip_status, 400);
  EXPECT_EQ(FieldOf(skip), "outcome");
  auto [back_status, back] = Coord("PUT", case_path, {{"status", "in_progress"}, {"version", 2}});
  ASSERT_EQ(back_status, 200) << back.dump();
  auto [illegal_status, illegal] = Coord("PUT", case_path, {{"status", "assigned"}, {"version", 3}});
  EXPECT_EQ(illegal_status, 409);
  EXPECT_EQ(FieldOf(illegal), "status");

  // A deadline whose date has passed in every time zone: the overdue list shows it.
  auto [deadline_status, deadline] =
      Coord("POST", case_path + "/deadlines", {{"title", "Audiencia de custodia"}, {"due_date", "2020-01-15"}});
  ASSERT_EQ(deadline_status, 201) << deadline.dump();
  auto [overdue_status, overdue] = Coord("GET", "/api/v1/legal/overdue");
  ASSERT_EQ(overdue_status, 200);
  ASSERT_EQ(overdue["overdue"].size(), 1u);
  EXPECT_EQ(overdue["overdue"][0]["title"], "Audiencia de custodia");
  EXPECT_EQ(overdue["overdue"][0]["reminder"], "overdue");
  EXPECT_EQ(overdue["overdue"][0]["timezone"], "America/Matamoros");
  auto [met_status, met] = Coord("PUT", case_path + "/deadlines/" + std::to_string(deadline["id"].get<int64_t>()),
                                 {{"met", true}, {"version", 1}});
  ASSERT_EQ(met_status, 200) << met.dump();
  EXPECT_TRUE(Coord("GET", "/api/v1/legal/overdue").second["overdue"].empty());
  auto [report_status, report] = Coord("GET", "/api/v1/legal/reports");
  ASSERT_EQ(report_status, 200);
  EXPECT_EQ(report["deadlines"]["met_late"], 1);
}

TEST_P(LegalApiTest, BadInputIs400NamingTheFieldAndWritesNothing) {
  const int64_t person = RegisterPerson();
  const std::string screening_path = "/api/v1/persons/" + std::to_string(person) + "/legal-screening";
  struct Bad {
    std::string method, path;
    Json body;
    std::string field;
  };
  const std::vector<Bad> cases = {
      {"PUT", screening_path, {{"answers", {{"custody", "maybe"}}}, {"version", 0}}, "answers.custody"},
      {"PUT", screening_path, {{"answers", {{"unicorns", "yes"}}}, {"version", 0}}, "answers.unicorns"},
      {"PUT", screening_path, {{"answers", Json::object()}, {"hearing_date", "2026-13-01"}, {"version", 0}}, "hearing_date"},
      {"PUT", screening_path, {{"answers", Json::object()}}, "version"},
      {"PUT", screening_path,
       {{"answers", Json::object()}, {"version", 0}, {"contact", {{"channel", "phone"}, {"contact", "+52868"}}}},
       "contact.consent"},
      {"POST", "/api/v1/legal-cases", {{"person_id", person}, {"type", "divorce"}}, "type"},
      {"POST", "/api/v1/legal-cases", {{"person_id", "uno"}, {"type", "custody"}}, "person_id"},
      {"POST", "/api/v1/lawyers", {{"name", ""}, {"specialties", {"custody"}}}, "name"},
      {"POST", "/api/v1/lawyers", {{"name", "Lic. X"}, {"specialties", {"astrology"}}}, "specialties[0]"},
      {"POST", "/api/v1/lawyers", {{"name", "Lic. X"}, {"specialties", {"custody"}}, {"languages", {"es"}}}, "languages"},
  };
  for (const Bad& bad : cases) {
    auto [status, body] = Coord(bad.method, bad.path, bad.body);
    EXPECT_EQ(status, 400) << bad.method << " " << bad.body.dump() << " → " << body.dump();
    EXPECT_EQ(FieldOf(body), bad.field) << bad.body.dump();
  }
  EXPECT_EQ(Coord("GET", screening_path).second["version"], 0);
  EXPECT_TRUE(Coord("GET", "/api/v1/legal-cases").second["items"].empty());
  EXPECT_TRUE(Coord("GET", "/api/v1/lawyers").second["items"].empty());

  auto [opened_status, opened] = Coord("POST", "/api/v1/legal-cases", {{"person_id", person}, {"type", "custody"}});
  ASSERT_EQ(opened_status, 201);
  const std::string case_path = "/api/v1/legal-cases/" + std::to_string(opened["id"].get<int64_t>());
  const std::vector<Bad> sub = {
      {"POST", case_path + "/deadlines", {{"title", "Plazo"}, {"due_date", "mañana"}}, "due_date"},
      {"POST", case_path + "/deadlines", {{"due_date", "2026-12-01"}}, "title"},
      {"POST", case_path + "/appointments", {{"starts_at", "2026-12-01 10:00"}}, "starts_at"},
      {"POST", case_path + "/appointments", {{"starts_at", "2026-12-01T17:00:00Z"}, {"mode", "fax"}}, "mode"},
      {"POST", case_path + "/notes", {{"body", ""}}, "body"},
      {"POST", case_path + "/documents", {{"item", "Acta de Nacimiento"}}, "item"},
      {"PUT", case_path, {{"status", "open"}, {"version", 1}}, "status"},
      {"PUT", case_path, {{"next_action_date", "pronto"}, {"version", 1}}, "next_action_date"},
      {"PUT", case_path, {{"lawyer_id", 424242}, {"version", 1}}, "lawyer_id"},
  };
  for (const Bad& bad : sub) {
    auto [status, body] = Coord(bad.method, bad.path, bad.body);
    EXPECT_EQ(status, 400) << bad.method << " " << bad.path << " " << bad.body.dump() << " → " << body.dump();
    EXPECT_EQ(FieldOf(body), bad.field) << bad.body.dump();
  }
  auto [detail_status, detail] = Coord("GET", case_path);
  ASSERT_EQ(detail_status, 200);
  EXPECT_EQ(detail["version"], 1);
  EXPECT_TRUE(detail["deadlines"].empty());
  EXPECT_TRUE(detail["appointments"].empty());
  EXPECT_EQ(detail["documents"].size(), 3u);
  EXPECT_TRUE(Coord("GET", case_path + "/notes").second["items"].empty());
}

TEST_P(LegalApiTest, ALawyerSeesTheirCaseMinimumAndNotesButNotOthers) {
  const int64_t person = RegisterPerson();
  const int64_t mine = AddLawyer(lawyer_user_id_);
  auto [opened_status, opened] = Coord("POST", "/api/v1/legal-cases", {{"person_id", person}, {"type", "custody"}});
  ASSERT_EQ(opened_status, 201);
  const std::string case_path = "/api/v1/legal-cases/" + std::to_string(opened["id"].get<int64_t>());
  EXPECT_EQ(Call(*lawyer_, "GET", case_path).first, 404);  // not assigned yet
  EXPECT_EQ(Call(*lawyer_, "GET", "/api/v1/legal-cases").second["items"].size(), 0u);
  ASSERT_EQ(Coord("PUT", case_path, {{"lawyer_id", mine}, {"version", 1}}).first, 200);

  auto [status, detail] = Call(*lawyer_, "GET", case_path);
  ASSERT_EQ(status, 200) << detail.dump();
  EXPECT_EQ(detail["person"]["full_name"], "María Hernández");
  EXPECT_EQ(detail["person"]["languages"], Json({"spa", "nah"}));
  EXPECT_FALSE(detail["person"].contains("phone"));
  EXPECT_FALSE(detail["person"].contains("birth_date"));
  EXPECT_TRUE(detail["suggestions"].empty());
  EXPECT_EQ(Call(*lawyer_, "GET", "/api/v1/persons/" + std::to_string(person)).first, 403);

  auto [note_status, note] = Call(*lawyer_, "POST", case_path + "/notes", {{"body", "Entrevista: teme represalias."}});
  ASSERT_EQ(note_status, 201) << note.dump();
  auto [notes_status, notes] = Call(*lawyer_, "GET", case_path + "/notes");
  ASSERT_EQ(notes_status, 200);
  ASSERT_EQ(notes["items"].size(), 1u);
  EXPECT_EQ(notes["items"][0]["body"], "Entrevista: teme represalias.");
  auto [moved_status, moved] = Call(*lawyer_, "PUT", case_path, {{"status", "in_progress"}, {"version", 2}});
  EXPECT_EQ(moved_status, 200) << moved.dump();
  EXPECT_EQ(Call(*lawyer_, "PUT", case_path, {{"lawyer_id", nullptr}, {"version", 3}}).first, 403);
  EXPECT_EQ(Call(*lawyer_, "GET", "/api/v1/legal/overdue").first, 403);
  EXPECT_EQ(Call(*lawyer_, "GET", "/api/v1/legal/reports").first, 403);
}

}  // namespace
}  // namespace acogida
