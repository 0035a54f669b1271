// The bed board's HTTP API end to end on each backend (the real `acogida serve` on a free
// loopback port, a real SQLite file or PostgreSQL database): propose beds for an arriving bus,
// confirm them as holds, see them on the board, the network view and the public HSDS
// capacity; check in from a hold and out; bad input gets 4xx naming the field and writes
// nothing.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

#include "testing/server_process.h"
#include "testing/test_database.h"

namespace acogida {
namespace {

using Json = nlohmann::json;
using testing::Backend;

constexpr const char* kPassword = "frase de prueba bastante larga";

std::string DateInDays(int days) {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date{today + std::chrono::days(days)};
  char text[11];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

class BedApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_IF_UNAVAILABLE(database_);
    auto added = testing::AddUser(database_.url(), "camas.coord", "coordinator", kPassword, database_.key_file());
    ASSERT_EQ(added.exit_code, 0) << added.output;
    server_ = std::make_unique<testing::ServerProcess>(database_.url(), "", database_.key_file());
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    auto login = client_->Post("/api/v1/auth/login", {{"X-Session-Mode", "bearer"}},
                               Json{{"username", "camas.coord"}, {"password", kPassword}}.dump(), "application/json");
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 200) << login->body;
    client_->set_default_headers({{"Authorization", "Bearer " + Json::parse(login->body)["token"].get<std::string>()},
                                  {"X-Access-Reason", "prueba%20de%20camas"}});
    centre_ = CreateSite("Centro de Atención Matamoros", "reception_centre", 25.87, -97.50, false);
    shelter_ = CreateSite("Albergue Casa del Migrante", "shelter", 25.88, -97.51, true);
    far_shelter_ = CreateSite("Albergue Reynosa", "shelter", 26.09, -98.28, false);
    families_ = CreateSection(shelter_, "Familias", "families", 6);
    men_ = CreateSection(shelter_, "Hombres", "men", 4);
    far_men_ = CreateSection(far_shelter_, "Hombres Reynosa", "men", 10);
  }

  std::pair<int, Json> Call(const std::string& method, const std::string& path, const Json& body = nullptr) {
    const std::string text = body.is_null() ? "" : body.dump();
    httplib::Result result = method == "GET"    ? client_->Get(path.c_str())
                             : method == "POST" ? client_->Post(path.c_str(), text, "application/json")
                             : method == "PUT"  ? client_->Put(path.c_str(), text, "application/json")
                                                : client_->Delete(path.c_str());
    EXPECT_TRUE(result) << method << " " << path;
    if (!result) return {0, nullptr};
    return {result->status, result->body.empty() ? Json() : Json::parse(result->body, nullptr, false)};
  }

  int64_t CreateSite(const std::string& name, const std::string& kind, double lat, double lon, bool publish) {
    Json site{{"name", name}, {"kind", kind}, {"city", "Matamoros"}, {"state", "28"},
              {"timezone", "America/Matamoros"}, {"latitude", lat}, {"longitude", lon},
              {"publish_capacity", publish}};
    auto [status, body] = Call("POST", "/api/v1/sites", site);
    EXPECT_EQ(status, 201) << body.dump();
    return body.value("id", int64_t{0});
  }

  int64_t CreateSection(int64_t site_id, const std::string& name, const std::string& kind, int beds) {
    auto [status, body] = Call("POST", "/api/v1/sites/" + std::to_string(site_id) + "/sections",
                               Json{{"name", name}, {"kind", kind}, {"beds", beds}});
    EXPECT_EQ(status, 201) << body.dump();
    return body.value("id", int64_t{0});
  }

  Json SectionOnBoard(int64_t site_id, int64_t section_id) {
    auto [status, board] = Call("GET", "/api/v1/sites/" + std::to_string(site_id) + "/board");
    EXPECT_EQ(status, 200) << board.dump();
    for (const Json& section : board["sections"]) {
      if (section["id"] == section_id) return section;
    }
    ADD_FAILURE() << "section " << section_id << " not on the board";
    return Json::object();
  }

  testing::TestDatabase database_{GetParam()};
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
  int64_t centre_ = 0, shelter_ = 0, far_shelter_ = 0, families_ = 0, men_ = 0, far_men_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Backends, BedApiTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

TEST_P(BedApiTest, ABusIsProposedConfirmedAsHoldsAndCheckedInFromThem) {
  Json bus{{"arrival_site_id", centre_},
           {"groups",
            {{{"id", "f1"}, {"label", "Familia 1"}, {"adult_men", 1}, {"adult_women", 1}, {"children", 2},
              {"home_state", "16"}},
             {{"id", "m1"}, {"label", "Hombre 1"}, {"adult_men", 1}},
             {{"id", "m2"}, {"label", "Hombre 2"}, {"adult_men", 1}, {"needs", {"wheelchair"}}}}}};
  auto [proposed_status, proposal] = Call("POST", "/api/v1/placements", bus);
  ASSERT_EQ(proposed_status, 200) << proposal.dump();
  ASSERT_EQ(proposal["groups"].size(), 3u);
  EXPECT_EQ(proposal["groups"][0]["section_id"], families_);  // nearest shelter, families kept whole
  EXPECT_EQ(proposal["groups"][1]["section_id"], men_);
  EXPECT_EQ(proposal["groups"][2]["outcome"], "no_suitable_section");  // no accessible section anywhere
  EXPECT_EQ(proposal["placed_people"], 5);
  EXPECT_EQ(proposal["unplaced_people"], 1);
  EXPECT_FALSE(proposal["groups"][0]["reason"].get<std::string>().empty());
  // Proposing writes nothing.
  EXPECT_EQ(SectionOnBoard(shelter_, families_)["held"], 0);

  Json confirm{{"hours", 6}, {"items", Json::array()}};
  for (const Json& group : proposal["groups"]) {
    if (group["section_id"] == 0) continue;
    confirm["items"].push_back({{"label", group["label"]}, {"section_id", group["section_id"]}, {"beds", group["people"]}});
  }
  auto [confirmed_status, confirmed] = Call("POST", "/api/v1/placements/confirm", confirm);
  ASSERT_EQ(confirmed_status, 201) << confirmed.dump();
  ASSERT_EQ(confirmed["holds"].size(), 2u);
  Json family_section = SectionOnBoard(shelter_, families_);
  EXPECT_EQ(family_section["held"], 4);
  EXPECT_EQ(family_section["free"], 2);
  ASSERT_EQ(family_section["holds"].size(), 1u);
  EXPECT_EQ(family_section["holds"][0]["label"], "Familia 1");

  // The network view and the public capacity count the holds; only the publishing shelter is public.
  auto [network_status, network] = Call("GET", "/api/v1/capacity");
  ASSERT_EQ(network_status, 200);
  EXPECT_EQ(network["items"].size(), 2u);
  httplib::Client anonymous("127.0.0.1", server_->port());
  auto published = anonymous.Get("/public/v1/service_capacity");
  ASSERT_TRUE(published);
  ASSERT_EQ(published->status, 200) << published->body;
  Json hsds = Json::parse(published->body);
  ASSERT_EQ(hsds["service_capacity"].size(), 2u);
  EXPECT_EQ(hsds["service_capacity"][0]["unit"]["name"], "bed");
  EXPECT_EQ(hsds["service_capacity"][0]["available"], 2);
  EXPECT_EQ(hsds["service_capacity"][0]["maximum"], 6);
  EXPECT_EQ(published->body.find("Familia 1"), std::string::npos) << "no hold labels in public data";

  // Check the man in from his hold, then out.
  Json household{{"site_id", shelter_},
                 {"members", {{{"given_names", "Ramiro"}, {"paternal_surname", "Soto"}, {"sex", "M"},
                               {"relationship", "head"}, {"consents", {{"services", true}}}}}}};
  auto [registered_status, registered] = Call("POST", "/api/v1/households", household);
  ASSERT_EQ(registered_status, 201) << registered.dump();
  const int64_t person = registered["members"][0]["id"];
  const int64_t hold = SectionOnBoard(shelter_, men_)["holds"][0]["id"];
  auto [stay_status, stay] = Call("POST", "/api/v1/stays", Json{{"person_id", person}, {"section_id", men_},
                                                                 {"expected_checkout", DateInDays(3)}, {"hold_id", hold}});
  ASSERT_EQ(stay_status, 201) << stay.dump();
  Json men = SectionOnBoard(shelter_, men_);
  EXPECT_EQ(men["occupied"], 1);
  EXPECT_EQ(men["held"], 0);
  ASSERT_EQ(men["stays"].size(), 1u);
  EXPECT_EQ(men["stays"][0]["full_name"], "Ramiro Soto");
  EXPECT_EQ(men["stays"][0]["overdue"], false);
  auto [extend_status, extended] = Call("PUT", "/api/v1/stays/" + std::to_string(stay["id"].get<int64_t>()),
                                        Json{{"expected_checkout", DateInDays(5)}, {"version", 1}});
  EXPECT_EQ(extend_status, 200) << extended.dump();
  auto [stale_status, stale] = Call("PUT", "/api/v1/stays/" + std::to_string(stay["id"].get<int64_t>()),
                                    Json{{"expected_checkout", DateInDays(6)}, {"version", 1}});
  EXPECT_EQ(stale_status, 409) << stale.dump();
  auto [out_status, out] = Call("POST", "/api/v1/stays/" + std::to_string(stay["id"].get<int64_t>()) + "/checkout");
  EXPECT_EQ(out_status, 200) << out.dump();
  EXPECT_EQ(out["closed_reason"], "checked_out");
  EXPECT_EQ(SectionOnBoard(shelter_, men_)["occupied"], 0);
}

TEST_P(BedApiTest, BadInputNamesTheFieldAndWritesNothing) {
  Json bus{{"arrival_site_id", centre_},
           {"groups", {{{"id", "a"}, {"adult_men", 1}}, {{"id", "b"}, {"adult_men", -1}}}}};
  auto [status, body] = Call("POST", "/api/v1/placements", bus);
  EXPECT_EQ(status, 400);
  EXPECT_EQ(body["error"]["field"], "groups[1].adult_men");
  bus["groups"][1] = {{"id", "b"}, {"adult_men", 1}, {"unaccompanied_minors", 1}};
  std::tie(status, body) = Call("POST", "/api/v1/placements", bus);
  EXPECT_EQ(status, 400) << body.dump();
  EXPECT_EQ(body["error"]["field"].get<std::string>().rfind("groups[1]", 0), 0u) << body.dump();
  std::tie(status, body) = Call("POST", "/api/v1/placements", Json{{"arrival_site_id", 999999}, {"groups", bus["groups"]}});
  EXPECT_EQ(status, 400);
  EXPECT_EQ(body["error"]["field"], "arrival_site_id");

  // Too many beds for the second item: nothing is held, not even the first item.
  Json confirm{{"items", {{{"label", "Grupo A"}, {"section_id", far_men_}, {"beds", 3}},
                          {{"label", "Grupo B"}, {"section_id", men_}, {"beds", 5}}}}};
  std::tie(status, body) = Call("POST", "/api/v1/placements/confirm", confirm);
  EXPECT_EQ(status, 409) << body.dump();
  EXPECT_EQ(body["error"]["field"], "items[1].section_id");
  EXPECT_EQ(SectionOnBoard(far_shelter_, far_men_)["held"], 0);
  confirm["items"][1]["beds"] = 0;
  std::tie(status, body) = Call("POST", "/api/v1/placements/confirm", confirm);
  EXPECT_EQ(status, 400);
  EXPECT_EQ(body["error"]["field"], "items[1].beds");

  std::tie(status, body) = Call("POST", "/api/v1/stays", Json{{"person_id", 1}, {"section_id", men_}});
  EXPECT_EQ(status, 400);
  EXPECT_EQ(body["error"]["field"], "expected_checkout");
  std::tie(status, body) = Call("POST", "/api/v1/holds", Json{{"section_id", men_}, {"beds", 2}, {"label", " "}});
  EXPECT_EQ(status, 400);
  EXPECT_EQ(body["error"]["field"], "label");
  std::tie(status, body) = Call("POST", "/api/v1/holds", Json{{"section_id", men_}, {"beds", 5}, {"label", "Bus 9"}});
  EXPECT_EQ(status, 409);
  EXPECT_EQ(body["error"]["field"], "beds");
  EXPECT_EQ(SectionOnBoard(shelter_, men_)["held"], 0);
}

}  // namespace
}  // namespace acogida
