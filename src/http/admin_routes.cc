// Administration (administrators only; the services check the role):
//   GET  /api/v1/users               accounts
//   POST /api/v1/users               create an account
//   PUT  /api/v1/users/{id}          edit role, sites, display name, disabled (with version)
//   GET  /api/v1/audit               the audit trail, filtered and paged, newest first
//   GET  /api/v1/audit/verify        check the hash chain
//   GET  /api/v1/alerts              bulk-read alerts
#include "http/api.h"
#include "http/json_codec.h"

namespace acogida::http {
namespace {

StatusOr<std::vector<int64_t>> ReadSiteIds(const Json& body) {
  std::vector<int64_t> site_ids;
  auto found = body.find("site_ids");
  if (found == body.end() || found->is_null()) return site_ids;
  if (!found->is_array()) return InvalidArgument("site_ids", "must be a list of site ids");
  for (const Json& item : *found) {
    if (!item.is_number_integer()) return InvalidArgument("site_ids", "must be a list of site ids");
    site_ids.push_back(item.get<int64_t>());
  }
  return site_ids;
}

StatusOr<Role> ReadRole(const Json& body) {
  ASSIGN_OR_RETURN(std::string name, ReadString(body, "role", "role", Presence::kRequired));
  auto role = ParseRole(name);
  if (!role) {
    return InvalidArgument("role", "must be administrator, coordinator, registrar, shelter_staff, lawyer or analyst");
  }
  return *role;
}

Json AuditToJson(const AuditEntry& entry) {
  return Json{{"id", entry.id},
              {"at", entry.at},
              {"username", entry.username},
              {"role", entry.role},
              {"action", entry.action},
              {"record_type", entry.record_type},
              {"record_id", entry.record_id},
              {"fields", entry.fields},
              {"remote_address", entry.remote_address},
              {"reason", entry.reason}};
}

}  // namespace

void AddAdminRoutes(Router& router, const Services& services) {
  UserService& users = services.users;
  AuditService& audit = services.audit;

  router.Add(Method::kGet, "/api/v1/users", Needs::Role(Permission::kManageUsers), [&users](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(std::vector<User> list, users.List(call.actor()));
    Json items = Json::array();
    for (const User& user : list) items.push_back(AccountToJson(user));
    return Reply{200, Json{{"items", std::move(items)}}};
  });

  router.Add(Method::kPost, "/api/v1/users", Needs::Role(Permission::kManageUsers), [&users](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    NewUser input;
    ASSIGN_OR_RETURN(input.username, ReadString(body, "username", "username", Presence::kRequired));
    ASSIGN_OR_RETURN(input.display_name, ReadString(body, "display_name", "display_name", Presence::kOptional));
    ASSIGN_OR_RETURN(input.role, ReadRole(body));
    ASSIGN_OR_RETURN(input.site_ids, ReadSiteIds(body));
    ASSIGN_OR_RETURN(input.password, ReadString(body, "password", "password", Presence::kRequired));
    ASSIGN_OR_RETURN(User created, users.Create(call.actor(), std::move(input)));
    return Reply{201, AccountToJson(created)};
  });

  router.Add(Method::kPut, "/api/v1/users/{id}", Needs::Role(Permission::kManageUsers), [&users](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(int64_t user_id, PathId(call, 1));
    ASSIGN_OR_RETURN(Json body, ParseObject(call.req.body));
    User input;
    input.id = user_id;
    ASSIGN_OR_RETURN(input.display_name, ReadString(body, "display_name", "display_name", Presence::kOptional));
    ASSIGN_OR_RETURN(input.role, ReadRole(body));
    ASSIGN_OR_RETURN(input.site_ids, ReadSiteIds(body));
    auto disabled = body.find("disabled");
    if (disabled != body.end() && !disabled->is_boolean()) return InvalidArgument("disabled", "must be true or false");
    input.disabled = disabled != body.end() && disabled->get<bool>();
    ASSIGN_OR_RETURN(input.version, ReadInt(body, "version", "version", Presence::kRequired));
    auto updated = users.Update(call.actor(), std::move(input));
    if (IsStaleVersion(updated.status())) {
      ASSIGN_OR_RETURN(std::vector<User> all, users.List(call.actor()));
      for (const User& now : all) {
        if (now.id == user_id) return StaleEdit(updated.status(), AccountToJson(now));
      }
    }
    if (!updated.ok()) return updated.status();
    return Reply{200, AccountToJson(*updated)};
  });

  router.Add(Method::kGet, "/api/v1/audit", Needs::Role(Permission::kReadAudit), [&audit](const Call& call) -> StatusOr<Reply> {
    AuditFilter filter;
    filter.username = call.req.get_param_value("username");
    filter.action = call.req.get_param_value("action");
    filter.record_type = call.req.get_param_value("record_type");
    ASSIGN_OR_RETURN(int record_id, QueryInt(call.req, "record_id", 0));
    filter.record_id = record_id;
    ASSIGN_OR_RETURN(filter.limit, QueryInt(call.req, "limit", 50));
    ASSIGN_OR_RETURN(filter.offset, QueryInt(call.req, "offset", 0));
    ASSIGN_OR_RETURN(AuditPage page, audit.List(call.actor(), filter));
    Json items = Json::array();
    for (const AuditEntry& entry : page.items) items.push_back(AuditToJson(entry));
    return Reply{200, Json{{"items", std::move(items)},
                           {"total", page.total},
                           {"limit", filter.limit},
                           {"offset", filter.offset}}};
  });

  router.Add(Method::kGet, "/api/v1/audit/verify", Needs::Role(Permission::kReadAudit), [&audit](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(ChainCheck check, audit.Verify(call.actor()));
    Json out{{"ok", check.ok}, {"rows", check.rows}, {"imported_rows", check.imported_rows}};
    if (check.first_bad_id != 0) out["first_bad_id"] = check.first_bad_id;
    if (!check.bad_source.empty()) {
      out["bad_source"] = check.bad_source;
      out["first_bad_imported_id"] = check.first_bad_imported_id;
    }
    return Reply{200, std::move(out)};
  });

  router.Add(Method::kGet, "/api/v1/alerts", Needs::Role(Permission::kReadAudit), [&audit](const Call& call) -> StatusOr<Reply> {
    ASSIGN_OR_RETURN(std::vector<Alert> alerts, audit.Alerts(call.actor()));
    Json items = Json::array();
    for (const Alert& alert : alerts) {
      items.push_back(Json{{"at", alert.at}, {"username", alert.username}, {"kind", alert.kind}, {"detail", alert.detail}});
    }
    return Reply{200, Json{{"items", std::move(items)}}};
  });
}

}  // namespace acogida::http
