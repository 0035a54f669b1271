// The referral directory's HTTP API end to end on each backend (the real `acogida serve` on a
// free loopback port, a real SQLite file or PostgreSQL database): an HSDS import that fails
// names the JSON path and writes nothing; import then export gives the same directory; a
// coordinator refers a person, a member of the receiving organisation (an analyst account) sees
// it with the name only and accepts it, a stale update gets 409, and the coordinator sees it.
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

const char* kDirectory = R"([
  {"id": "3f0c2f6e-0000-4000-8000-000000000001", "name": "Clínica Comunitaria Tijuana",
   "description": "Consulta general y psicológica", "email": "contacto@clinica.mx", "website": "https://clinica.mx",
   "services": [{"name": "medical_care", "description": "Consulta"}, {"name": "psychological_care"}],
   "locations": [{"physical_addresses": [{"city": "Tijuana", "state_province": "Baja California"}]}],
   "phones": [{"number": "+52 664 000 0000"}], "languages": [{"code": "spa"}, {"code": "en"}],
   "schedules": [{"description": "Lun-Vie 9-17"}]},
  {"name": "Comedor Padre Chava", "services": [{"name": "comedor"}],
   "locations": [{"physical_addresses": [{"city": "Tijuana", "state_province": "02"}]}]}
])";

class ReferralApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    for (auto [username, role] : {std::pair{"ref.coord", "coordinator"}, std::pair{"clinica.uno", "analyst"}}) {
      auto added = testing::AddUser(database_.url(), username, role, kPassword, database_.key_file());
      ASSERT_EQ(added.exit_code, 0) << added.output;
    }
    server_ = std::make_unique<testing::ServerProcess>(database_.url(), "", database_.key_file());
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
    coordinator_ = Client("ref.coord");
    member_ = Client("clinica.uno");
  }

  std::unique_ptr<httplib::Client> Client(const std::string& username) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    auto login = client->Post("/api/v1/auth/login", {{"X-Session-Mode", "bearer"}},
                              Json{{"username", username}, {"password", kPassword}}.dump(), "application/json");
    EXPECT_TRUE(login);
    EXPECT_EQ(login->status, 200) << login->body;
    client->set_default_headers({{"Authorization", "Bearer " + Json::parse(login->body)["token"].get<std::string>()},
                                 {"X-Access-Reason", "prueba%20de%20referencias"}});
    return client;
  }

  static std::pair<int, Json> Call(httplib::Client& client, const std::string& method, const std::string& path,
                                   const std::string& text = "") {
    httplib::Result result = method == "GET"    ? client.Get(path.c_str())
                             : method == "POST" ? client.Post(path.c_str(), text, "application/json")
                             : method == "PUT"  ? client.Put(path.c_str(), text, "application/json")
                                                : client.Delete(path.c_str());
    EXPECT_TRUE(result) << method << " " << path;
    if (!result) return {0, nullptr};
    return {result->status, result->body.empty() ? Json() : Json::parse(result->body, nullptr, false)};
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<httplib::Client> coordinator_, member_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ReferralApiTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(ReferralApiTest, BadHsdsImportNamesThePathAndWritesNothing) {
  Json document = Json::parse(kDirectory);
  document[1]["locations"][0]["physical_addresses"][0]["state_province"] = "Atlántida";
  auto [status, body] = Call(*coordinator_, "POST", "/api/v1/organisations/hsds", document.dump());
  EXPECT_EQ(status, 400) << body.dump();
  EXPECT_EQ(body["error"]["field"], "[1].locations[0].physical_addresses[0].state_province");
  document = Json::parse(kDirectory);
  document[0]["phones"][0]["number"] = 6640000;
  std::tie(status, body) = Call(*coordinator_, "POST", "/api/v1/organisations/hsds", document.dump());
  EXPECT_EQ(status, 400);
  EXPECT_EQ(body["error"]["field"], "[0].phones[0].number");
  std::tie(status, body) = Call(*coordinator_, "GET", "/api/v1/organisations");
  EXPECT_EQ(status, 200);
  EXPECT_TRUE(body["items"].empty()) << body.dump();
  std::tie(status, body) = Call(*member_, "POST", "/api/v1/organisations/hsds", kDirectory);
  EXPECT_EQ(status, 403);
}

TEST_P(ReferralApiTest, ImportThenExportGivesTheSameDirectory) {
  auto [status, body] = Call(*coordinator_, "POST", "/api/v1/organisations/hsds", kDirectory);
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["created"], 2);
  auto [exported_status, exported] = Call(*member_, "GET", "/api/v1/organisations/hsds");
  ASSERT_EQ(exported_status, 200);
  ASSERT_EQ(exported.size(), 2u);
  const Json& clinic = exported[0];
  EXPECT_EQ(clinic["id"], "3f0c2f6e-0000-4000-8000-000000000001");
  EXPECT_EQ(clinic["locations"][0]["physical_addresses"][0]["state_province"], "Baja California");
  EXPECT_EQ(clinic["schedules"][0]["description"], "Lun-Vie 9-17");
  EXPECT_EQ(clinic["languages"], Json::parse(R"([{"code": "spa"}, {"code": "en"}])"));
  EXPECT_EQ(exported[1]["id"].get<std::string>().size(), 36u) << "an entry without id gets a UUID";

  std::tie(status, body) = Call(*coordinator_, "POST", "/api/v1/organisations/hsds", exported.dump());
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["updated"], 2);
  EXPECT_EQ(body["created"], 0);
  auto [again_status, again] = Call(*coordinator_, "GET", "/api/v1/organisations/hsds");
  ASSERT_EQ(again_status, 200);
  EXPECT_EQ(again, exported);
  std::tie(status, body) = Call(*member_, "GET", "/api/v1/organisations?service=comedor");
  ASSERT_EQ(body["items"].size(), 1u);
  EXPECT_EQ(body["items"][0]["name"], "Comedor Padre Chava");
}

TEST_P(ReferralApiTest, AMemberOfTheOrganisationAcceptsAReferralAndStaffSeeIt) {
  ASSERT_EQ(Call(*coordinator_, "POST", "/api/v1/organisations/hsds", kDirectory).first, 200);
  auto [listed_status, listed] = Call(*coordinator_, "GET", "/api/v1/organisations?service=medical_care");
  ASSERT_EQ(listed["items"].size(), 1u);
  const int64_t clinic = listed["items"][0]["id"];
  ASSERT_EQ(Call(*coordinator_, "POST", "/api/v1/organisations/" + std::to_string(clinic) + "/members",
                 Json{{"username", "clinica.uno"}}.dump()).first, 201);

  Json site{{"name", "Centro Tijuana"}, {"kind", "reception_centre"}, {"city", "Tijuana"}, {"state", "02"},
            {"timezone", "America/Tijuana"}, {"latitude", 32.5}, {"longitude", -117.0}};
  auto [site_status, created_site] = Call(*coordinator_, "POST", "/api/v1/sites", site.dump());
  ASSERT_EQ(site_status, 201) << created_site.dump();
  Json household{{"site_id", created_site["id"]},
                 {"members", {{{"given_names", "Rosa"}, {"paternal_surname", "Luna"}, {"sex", "F"},
                               {"relationship", "head"}, {"consents", {{"services", true}}}}}}};
  auto [registered_status, registered] = Call(*coordinator_, "POST", "/api/v1/households", household.dump());
  ASSERT_EQ(registered_status, 201) << registered.dump();
  const std::string person = std::to_string(registered["members"][0]["id"].get<int64_t>());

  auto [bad_status, bad] = Call(*coordinator_, "POST", "/api/v1/persons/" + person + "/referrals",
                                Json{{"organisation_id", clinic}, {"service", "medical_care"},
                                     {"note", std::string(501, 'x')}}.dump());
  EXPECT_EQ(bad_status, 400);
  EXPECT_EQ(bad["error"]["field"], "note");
  auto [sent_status, sent] = Call(*coordinator_, "POST", "/api/v1/persons/" + person + "/referrals",
                                  Json{{"organisation_id", clinic}, {"service", "medical_care"}, {"note", "Urgente"}}.dump());
  ASSERT_EQ(sent_status, 201) << sent.dump();
  EXPECT_EQ(sent["status"], "sent");

  // The member cannot read the person, only the referral sent to their organisation.
  EXPECT_EQ(Call(*member_, "GET", "/api/v1/persons/" + person + "/referrals").first, 403);
  auto [inbox_status, inbox] = Call(*member_, "GET", "/api/v1/referrals");
  ASSERT_EQ(inbox_status, 200);
  ASSERT_EQ(inbox["items"].size(), 1u);
  EXPECT_EQ(inbox["items"][0]["person_name"], "Rosa Luna");
  const std::string referral = "/api/v1/referrals/" + std::to_string(inbox["items"][0]["id"].get<int64_t>());
  auto [accepted_status, accepted] = Call(*member_, "PUT", referral, Json{{"status", "accepted"}, {"version", 1}}.dump());
  ASSERT_EQ(accepted_status, 200) << accepted.dump();
  EXPECT_EQ(Call(*member_, "PUT", referral, Json{{"status", "done"}, {"version", 1}}.dump()).first, 409);
  auto [illegal_status, illegal] = Call(*member_, "PUT", referral, Json{{"status", "accepted"}, {"version", 2}}.dump());
  EXPECT_EQ(illegal_status, 409);
  EXPECT_EQ(illegal["error"]["field"], "status");

  auto [seen_status, seen] = Call(*coordinator_, "GET", "/api/v1/persons/" + person + "/referrals");
  ASSERT_EQ(seen_status, 200);
  EXPECT_EQ(seen["items"][0]["status"], "accepted");
  EXPECT_EQ(seen["items"][0]["updated_by"], "clinica.uno");
  EXPECT_EQ(seen["items"][0]["organisation_name"], "Clínica Comunitaria Tijuana");
}

}  // namespace
}  // namespace acogida
