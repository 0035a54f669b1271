// The importer: a table-by-table copy in foreign-key order, every reference translated
// through import_map, over the backend-neutral SqlConnection (any backend to any backend).
#include "store/import/import_database.h"

#include <cctype>
#include <map>

#include "core/comma_list.h"
#include "crypto/tokens.h"
#include "store/sealed_fields.h"
#include "store/sql/sql_accounts.h"
#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida {
namespace {

enum class Kind { kText, kInt, kReal, kSealed };

struct Column {
  const char* name;
  Kind kind = Kind::kText;
  const char* refers_to = nullptr;  // record type whose id this column holds
};

struct Table {
  const char* name;
  const char* record_type;  // its key in import_map; nullptr for tables without an id
  std::vector<Column> columns;
};

// In foreign-key order. Sessions are not copied; audit_log goes to audit_import verbatim.
const std::vector<Table>& Tables() {
  static const std::vector<Table> tables = {
      {"site", "site",
       {{"name"}, {"kind"}, {"operator"}, {"city"}, {"state"}, {"timezone"}, {"latitude", Kind::kReal},
        {"longitude", Kind::kReal}, {"demo", Kind::kInt}, {"version", Kind::kInt}, {"created_at"},
        {"publish_capacity", Kind::kInt}, {"services_offered"}}},
      {"section", "section",
       {{"site_id", Kind::kInt, "site"}, {"name"}, {"kind"}, {"beds", Kind::kInt}, {"version", Kind::kInt},
        {"accessible", Kind::kInt}, {"board_updated_at"}}},
      {"household", "household", {{"site_id", Kind::kInt, "site"}, {"created_at"}}},
      {"user_account", "user",
       {{"username"}, {"display_name"}, {"role"}, {"password_hash"}, {"disabled", Kind::kInt},
        {"version", Kind::kInt}, {"created_at"}, {"password_changed_at"}}},
      {"user_site", nullptr, {{"user_id", Kind::kInt, "user"}, {"site_id", Kind::kInt, "site"}}},
      {"person", "person",
       {{"household_id", Kind::kInt, "household"}, {"given_names"}, {"paternal_surname"}, {"maternal_surname"},
        {"sort_key"}, {"sex"}, {"birth_date"}, {"birth_state"}, {"birth_municipality"}, {"curp"}, {"languages"},
        {"phone", Kind::kSealed}, {"relationship"}, {"version", Kind::kInt}, {"created_at"},
        {"notes", Kind::kSealed}, {"last_activity_at"}, {"anonymised_at"}}},
      {"person_token", nullptr, {{"token"}, {"person_id", Kind::kInt, "person"}}},
      {"arrival", "arrival",
       {{"person_id", Kind::kInt, "person"}, {"household_id", Kind::kInt, "household"},
        {"site_id", Kind::kInt, "site"}, {"arrived_at"}, {"mode"}, {"batch_id"}}},
      {"consent", "consent",
       {{"person_id", Kind::kInt, "person"}, {"kind"}, {"partner"}, {"granted", Kind::kInt}, {"recorded_at"},
        {"recorded_by"}}},
      {"person_link", "person_link",
       {{"person_id", Kind::kInt, "person"}, {"other_id", Kind::kInt, "person"}, {"decision"}, {"reason"},
        {"created_at"}, {"created_by"}, {"undone_at"}, {"undone_by"}}},
      {"stay", "stay",
       {{"person_id", Kind::kInt, "person"}, {"site_id", Kind::kInt, "site"}, {"section_id", Kind::kInt, "section"},
        {"checked_in_at"}, {"checked_in_by"}, {"expected_checkout"}, {"checked_out_at"}, {"checked_out_by"},
        {"closed_reason"}, {"version", Kind::kInt}}},
      {"bed_hold", "bed_hold",
       {{"site_id", Kind::kInt, "site"}, {"section_id", Kind::kInt, "section"}, {"beds", Kind::kInt}, {"label"},
        {"created_at"}, {"created_by"}, {"expires_at"}, {"released_at"}, {"released_by"}, {"released_reason"}}},
      {"simulation_run", "simulation_run",
       {{"name"}, {"created_by"}, {"created_at"}, {"status"}, {"progress", Kind::kReal}, {"scenario"},
        {"replications", Kind::kInt}, {"seed", Kind::kInt}, {"result"}, {"error"}, {"updated_at"}, {"finished_at"}}},
      {"service_record", "service_record",
       {{"person_id", Kind::kInt, "person"}, {"site_id", Kind::kInt, "site"}, {"item"}, {"status"}, {"updated_at"},
        {"updated_by"}, {"destination_state"}, {"destination_municipality"}, {"bus"}, {"departure_at"},
        {"version", Kind::kInt}}},
      {"service_event", nullptr,
       {{"record_id", Kind::kInt, "service_record"}, {"site_id", Kind::kInt, "site"}, {"item"}, {"status"}, {"at"},
        {"by_user"}}},
      {"login_attempt", "login_attempt",
       {{"username"}, {"remote_address"}, {"at"}, {"succeeded", Kind::kInt}}},
  };
  return tables;
}

// One value read from the source, of the column's kind.
struct Value {
  std::string text;
  int64_t integer = 0;
  double real = 0;
};

using IdMap = std::map<std::string, std::map<int64_t, int64_t>>;  // record type → old → new

class Importer {
 public:
  Importer(SqlConnection& from, const KeyRing& from_keys, SqlConnection& to, const KeyRing& to_keys,
           const ImportOptions& options)
      : from_(from), from_keys_(from_keys), to_(to), to_keys_(to_keys), options_(options) {}

  Status Run(const std::string& source_id, ImportReport& report) {
    source_ = source_id;
    report.source_id = source_id;
    RETURN_IF_ERROR(to_.LockUntilCommit("acogida.import"));
    RETURN_IF_ERROR(LoadMap());
    RETURN_IF_ERROR(CheckUsernames(report));
    for (const Table& table : Tables()) {
      ASSIGN_OR_RETURN(int64_t copied, CopyTable(table, report));
      report.copied.emplace_back(table.name, copied);
    }
    return CopyAudit(report);
  }

 private:
  Status LoadMap() {
    ASSIGN_OR_RETURN(auto stmt, to_.Prepare("SELECT record_type, old_id, new_id FROM import_map WHERE source = ?"));
    stmt->Bind(1, source_);
    while (true) {
      ASSIGN_OR_RETURN(bool has_row, stmt->Step());
      if (!has_row) return OkStatus();
      map_[stmt->Text(0)][stmt->Int(1)] = stmt->Int(2);
    }
  }

  // Accounts not imported yet whose username the target already uses: renamed with the
  // suffix, or an error naming them.
  Status CheckUsernames(ImportReport& report) {
    ASSIGN_OR_RETURN(auto source_users, from_.Prepare("SELECT id, username FROM user_account ORDER BY id"));
    ASSIGN_OR_RETURN(auto taken, to_.Prepare("SELECT 1 FROM user_account WHERE username = ?"));
    std::string clashes;
    while (true) {
      ASSIGN_OR_RETURN(bool has_row, source_users->Step());
      if (!has_row) break;
      if (map_["user"].count(source_users->Int(0))) continue;
      std::string username = source_users->Text(1);
      taken->Bind(1, username);
      ASSIGN_OR_RETURN(bool clash, taken->Step());
      taken->Reset();
      if (!clash) continue;
      if (options_.user_suffix.empty()) {
        clashes += (clashes.empty() ? "" : ", ") + username;
        continue;
      }
      std::string renamed = username + options_.user_suffix;
      taken->Bind(1, renamed);
      ASSIGN_OR_RETURN(bool still, taken->Step());
      taken->Reset();
      if (still) return FailedPrecondition("username " + renamed + " is taken in the target too; choose another --user-suffix");
      renames_[username] = renamed;
      report.renamed_users.emplace_back(username, renamed);
    }
    if (!clashes.empty()) {
      return FailedPrecondition("these usernames are already taken in the target: " + clashes +
                                "; give --user-suffix (e.g. .tijuana) to import them under new names");
    }
    return OkStatus();
  }

  StatusOr<int64_t> CopyTable(const Table& table, ImportReport& report) {
    std::string select = "SELECT ";
    std::string insert = std::string("INSERT INTO ") + table.name + " (";
    std::string placeholders;
    if (table.record_type) select += "id, ";
    for (size_t i = 0; i < table.columns.size(); ++i) {
      select += std::string(i ? ", " : "") + table.columns[i].name;
      insert += std::string(i ? ", " : "") + table.columns[i].name;
      placeholders += i ? ", ?" : "?";
    }
    select += std::string(" FROM ") + table.name + (table.record_type ? " ORDER BY id" : "");
    insert += ") VALUES (" + placeholders + ")" + (table.record_type ? " RETURNING id" : " ON CONFLICT DO NOTHING");
    ASSIGN_OR_RETURN(auto rows, from_.Prepare(select));
    ASSIGN_OR_RETURN(auto write, to_.Prepare(insert));
    ASSIGN_OR_RETURN(auto remember, to_.Prepare(
        "INSERT INTO import_map (source, record_type, old_id, new_id) VALUES (?, ?, ?, ?)"));
    const int offset = table.record_type ? 1 : 0;
    int64_t copied = 0;
    while (true) {
      ASSIGN_OR_RETURN(bool has_row, rows->Step());
      if (!has_row) return copied;
      const int64_t old_id = table.record_type ? rows->Int(0) : 0;
      if (table.record_type && map_[table.record_type].count(old_id)) {
        ++report.already_imported;
        continue;
      }
      std::vector<Value> values(table.columns.size());
      for (size_t i = 0; i < table.columns.size(); ++i) {
        const Column& column = table.columns[i];
        const int at = static_cast<int>(i) + offset;
        if (column.kind == Kind::kInt) values[i].integer = rows->Int(at);
        else if (column.kind == Kind::kReal) values[i].real = rows->Double(at);
        else values[i].text = rows->Text(at);
        if (column.refers_to) {
          auto& ids = map_[column.refers_to];
          auto found = ids.find(values[i].integer);
          if (found == ids.end()) {
            return FailedPrecondition(std::string("the source is inconsistent: ") + table.name + " " +
                                      std::to_string(old_id) + " refers to a missing " + column.refers_to + " " +
                                      std::to_string(values[i].integer));
          }
          values[i].integer = found->second;
        }
        if (column.kind == Kind::kSealed) {
          ASSIGN_OR_RETURN(values[i].text, OpenPersonField(from_keys_, column.name, old_id, values[i].text));
        }
        if (std::string(column.name) == "username") {
          auto renamed = renames_.find(values[i].text);
          if (renamed != renames_.end()) values[i].text = renamed->second;
        }
      }
      for (size_t i = 0; i < table.columns.size(); ++i) {
        const Column& column = table.columns[i];
        const int index = static_cast<int>(i) + 1;
        if (column.kind == Kind::kInt) write->Bind(index, values[i].integer);
        else if (column.kind == Kind::kReal) write->Bind(index, values[i].real);
        else if (column.kind == Kind::kSealed) write->Bind(index, "");  // sealed below, under the new id
        else write->Bind(index, values[i].text);
      }
      ASSIGN_OR_RETURN(bool returned, write->Step());
      const int64_t new_id = returned && table.record_type ? write->Int(0) : 0;
      RETURN_IF_ERROR(write->Run());
      // A row of a table without ids may already be there (ON CONFLICT DO NOTHING).
      copied += table.record_type ? 1 : write->Changes();
      write->Reset();
      if (!table.record_type) continue;
      if (new_id == 0) return Internal(std::string("insert into ") + table.name + " returned no id");
      map_[table.record_type][old_id] = new_id;
      remember->Bind(1, source_).Bind(2, table.record_type).Bind(3, old_id).Bind(4, new_id);
      RETURN_IF_ERROR(remember->Run());
      remember->Reset();
      RETURN_IF_ERROR(SealInTarget(table, values, new_id));
    }
  }

  // Seals the sealed columns of a copied row under the target's keys and its new id.
  Status SealInTarget(const Table& table, const std::vector<Value>& values, int64_t new_id) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& column = table.columns[i];
      if (column.kind != Kind::kSealed || values[i].text.empty()) continue;
      ASSIGN_OR_RETURN(std::string sealed, SealPersonField(to_keys_, column.name, new_id, values[i].text));
      ASSIGN_OR_RETURN(auto update, to_.Prepare(std::string("UPDATE ") + table.name + " SET " + column.name +
                                                " = ? WHERE id = ?"));
      update->Bind(1, sealed).Bind(2, new_id);
      RETURN_IF_ERROR(update->Run());
    }
    return OkStatus();
  }

  // The source's audit rows not kept yet, verbatim; then one row on the target's chain.
  Status CopyAudit(ImportReport& report) {
    ASSIGN_OR_RETURN(auto last,
                     to_.Prepare("SELECT COALESCE(MAX(chain_seq), 0) FROM audit_import WHERE source = ?"));
    last->Bind(1, source_);
    ASSIGN_OR_RETURN(bool has_last, last->Step());
    const int64_t after = has_last ? last->Int(0) : 0;
    last.reset();
    constexpr const char* kColumns =
        "id, at, user_id, username, role, action, record_type, record_id, fields, remote_address, reason, prev_hash, "
        "hash, chain_seq";
    ASSIGN_OR_RETURN(auto rows, from_.Prepare(std::string("SELECT ") + kColumns +
                                              " FROM audit_log WHERE chain_seq > ? ORDER BY chain_seq"));
    rows->Bind(1, after);
    ASSIGN_OR_RETURN(auto keep, to_.Prepare(std::string("INSERT INTO audit_import (source, ") + kColumns +
                                            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    std::string head;
    while (true) {
      ASSIGN_OR_RETURN(bool has_row, rows->Step());
      if (!has_row) break;
      keep->Bind(1, source_).Bind(2, rows->Int(0)).Bind(3, rows->Text(1)).Bind(4, rows->Int(2))
          .Bind(5, rows->Text(3)).Bind(6, rows->Text(4)).Bind(7, rows->Text(5)).Bind(8, rows->Text(6))
          .Bind(9, rows->Int(7)).Bind(10, rows->Text(8)).Bind(11, rows->Text(9)).Bind(12, rows->Text(10))
          .Bind(13, rows->Text(11)).Bind(14, rows->Text(12)).Bind(15, rows->Int(13));
      RETURN_IF_ERROR(keep->Run());
      keep->Reset();
      head = rows->Text(12);
      ++report.audit_rows;
    }
    AuditEntry entry;
    entry.username = options_.username;
    entry.role = options_.role;
    entry.action = "import";
    entry.record_type = "database";
    entry.remote_address = "local";
    int64_t copied = 0;
    for (const auto& [table, rows_copied] : report.copied) copied += rows_copied;
    entry.fields = {"source:" + source_, "rows:" + std::to_string(copied),
                    "audit_rows:" + std::to_string(report.audit_rows)};
    if (!head.empty()) entry.fields.push_back("head:" + head);
    return sql_accounts::AppendAudit(to_, options_.now_utc, entry);
  }

  SqlConnection& from_;
  const KeyRing& from_keys_;
  SqlConnection& to_;
  const KeyRing& to_keys_;
  const ImportOptions& options_;
  std::string source_;
  IdMap map_;
  std::map<std::string, std::string> renames_;
};

// The database's id from database_info, made (and stored) when it has none yet.
StatusOr<std::string> DatabaseId(SqlConnection& db) {
  ASSIGN_OR_RETURN(auto read, db.Prepare("SELECT value FROM database_info WHERE key = 'database_id'"));
  ASSIGN_OR_RETURN(bool found, read->Step());
  if (found) return read->Text(0);
  read.reset();
  std::string id = "db-";
  for (char c : NewToken().substr(0, 16)) id += std::isalnum(static_cast<unsigned char>(c)) ? c : 'x';
  RETURN_IF_ERROR(db.Exec("BEGIN"));
  ASSIGN_OR_RETURN(auto write, db.Prepare(
      "INSERT INTO database_info (key, value) VALUES ('database_id', ?) ON CONFLICT (key) DO NOTHING"));
  write->Bind(1, id);
  Status written = write->Run();
  write.reset();
  if (!written.ok()) {
    db.Exec("ROLLBACK").ok();
    return written;
  }
  RETURN_IF_ERROR(db.Exec("COMMIT"));
  return DatabaseId(db);  // whoever wrote first wins
}

}  // namespace

StatusOr<ImportReport> ImportDatabase(const std::string& from, const KeyRing& from_keys, const std::string& to,
                                      const KeyRing& to_keys, const ImportOptions& options) {
  // Opening each as a store brings its schema up to date.
  for (const auto& [db, keys] : {std::pair{&from, &from_keys}, std::pair{&to, &to_keys}}) {
    StoreOptions store_options;
    store_options.create_if_missing = db == &to;
    store_options.keys = std::make_shared<const KeyRing>(*keys);
    RETURN_IF_ERROR(OpenStore(*db, store_options).status());
  }
  ASSIGN_OR_RETURN(auto source, OpenSqlConnection(from));
  ASSIGN_OR_RETURN(auto target, OpenSqlConnection(to));
  ASSIGN_OR_RETURN(std::string source_id, DatabaseId(*source));
  ASSIGN_OR_RETURN(std::string target_id, DatabaseId(*target));
  if (source_id == target_id) return FailedPrecondition("the source and the target are the same database");

  // The source's pending audit rows are chained first (a PostgreSQL source writes them
  // unchained); then it is read in one snapshot, and the target written in one transaction.
  for (int64_t chained = 1; chained > 0;) {
    RETURN_IF_ERROR(source->Exec("BEGIN"));
    auto linked = sql_accounts::ChainPendingAudit(*source, 2000);
    if (!linked.ok()) {
      source->Exec("ROLLBACK").ok();
      return linked.status();
    }
    RETURN_IF_ERROR(source->Exec("COMMIT"));
    chained = *linked;
  }
  RETURN_IF_ERROR(source->Exec(source->dialect() == SqlDialect::kPostgres
                                   ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                                   : "BEGIN"));
  RETURN_IF_ERROR(target->Exec(target->dialect() == SqlDialect::kPostgres ? "BEGIN" : "BEGIN IMMEDIATE"));
  ImportReport report;
  Importer importer(*source, from_keys, *target, to_keys, options);
  Status status = importer.Run(source_id, report);
  if (status.ok()) status = target->Exec("COMMIT");
  if (!status.ok()) target->Exec("ROLLBACK").ok();
  source->Exec("ROLLBACK").ok();
  RETURN_IF_ERROR(status);
  return report;
}

}  // namespace acogida
