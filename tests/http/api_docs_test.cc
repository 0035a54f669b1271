// Every route the server registers is documented in docs/api.yaml (OpenAPI 3), and every
// documented route exists: the route table is read from a real ApiServer.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "http/server.h"
#include "testing/status_matchers.h"
#include "testing/temp_dir.h"

namespace acogida {
namespace {

using RouteKey = std::pair<std::string, std::string>;  // (method, path)

std::set<RouteKey> DocumentedRoutes(const std::string& yaml_path) {
  std::ifstream in(yaml_path);
  EXPECT_TRUE(in) << "cannot read " << yaml_path;
  std::set<RouteKey> routes;
  std::string line, current_path;
  bool in_paths = false;
  const std::regex path_line(R"(^  (/[^:]*):\s*$)");
  const std::regex method_line(R"(^    (get|post|put|delete|patch):\s*$)");
  std::smatch match;
  while (std::getline(in, line)) {
    if (line.rfind("paths:", 0) == 0) {
      in_paths = true;
      continue;
    }
    if (in_paths && !line.empty() && line[0] != ' ' && line[0] != '#') in_paths = false;
    if (!in_paths) continue;
    if (std::regex_match(line, match, path_line)) {
      current_path = match[1];
    } else if (std::regex_match(line, match, method_line) && !current_path.empty()) {
      routes.insert({match[1], current_path});
    }
  }
  return routes;
}

TEST(ApiDocs, EveryRouteIsDocumentedAndEveryDocumentedRouteExists) {
  testing::TempDir dir;
  auto store = OpenSqliteStore(dir.File("docs.db"));
  ASSERT_OK(store);
  ServiceSet services(**store);
  http::ApiServer server(http::Services::Of(services, "sqlite"), http::ServerOptions{});

  std::set<RouteKey> registered;
  for (const http::RouteInfo& route : server.routes()) registered.insert({http::MethodName(route.method), route.path});
  const char* source_dir = std::getenv("ACOGIDA_SOURCE_DIR");
  if (source_dir == nullptr) source_dir = ACOGIDA_SOURCE_PATH;
  std::set<RouteKey> documented = DocumentedRoutes(std::string(source_dir) + "/docs/api.yaml");

  ASSERT_GE(registered.size(), 10u);
  for (const RouteKey& route : registered) {
    EXPECT_TRUE(documented.count(route)) << "not documented in docs/api.yaml: " << route.first << " " << route.second;
  }
  for (const RouteKey& route : documented) {
    EXPECT_TRUE(registered.count(route)) << "documented but not served: " << route.first << " " << route.second;
  }
}

}  // namespace
}  // namespace acogida
