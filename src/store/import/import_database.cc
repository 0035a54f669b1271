// The importer: a table-by-table copy in foreign-key order, every reference translated
// through import_map, over the backend-neutral SqlConnection (any backend to any backend).
#include "store/import/import_database.h"

#include <cctype>
#include <map>
#include <set>

#include "core/comma_list.h"
#include "crypto/tokens.h"
#include "store/sealed_fields.h"
#include "store/sql/sql_accounts.h"
#include "store/sql/sql_connection.h"
#include "store/store.h"

namespace acogida {
namespace {

// kOptionalId: an id column that may be NULL (lawyer_id, user_id); NULL stays NULL. Ids
// start at 1, and both backends read NULL as 0, so 0 read means NULL.
// kSealed: text sealed with the database's keys, its associated data
// "<table>.<column>.<bound id>" (store/sealed_fields.h): opened with the source's keys and
// the source's bound id, sealed again with the target's keys and the bound id in the target.
enum class Kind { kText, kInt, kReal, kOptionalId, kSealed };

struct Column {
  const char* name;
  Kind kind = Kind::kText;
  const char* refers_to = nullptr;  // record type whose id this column holds
  // For kSealed: the column of this row whose id the associated data names, as the store's
  // writer binds it (legal_screening.a_number: person_id). nullptr: the row's own id, which
  // the target only knows after the insert (person.phone, legal_note.body).
  const char* bound_to = nullptr;
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
      // Mapped by id: its rows have no natural key, so a re-run would otherwise copy them again.
      {"service_event", "service_event",
       {{"record_id", Kind::kInt, "service_record"}, {"site_id", Kind::kInt, "site"}, {"item"}, {"status"}, {"at"},
        {"by_user"}}},
      // Legal aid (migration 011; the sealed columns as store/sql/sql_legal.cc binds them).
      {"lawyer", "lawyer",
       {{"name"}, {"organisation"}, {"kind"}, {"specialties"}, {"languages"}, {"capacity", Kind::kInt},
        {"user_id", Kind::kOptionalId, "user"}, {"active", Kind::kInt}, {"version", Kind::kInt}, {"created_at"}}},
      {"legal_screening", "legal_screening",
       {{"person_id", Kind::kInt, "person"}, {"site_id", Kind::kInt, "site"}, {"answers"},
        {"a_number", Kind::kSealed, nullptr, "person_id"}, {"court"}, {"hearing_date"}, {"screened_by"},
        {"updated_at"}, {"version", Kind::kInt}}},
      {"legal_case", "legal_case",
       {{"person_id", Kind::kInt, "person"}, {"site_id", Kind::kInt, "site"}, {"case_type"}, {"status"}, {"outcome"},
        {"screening_item"}, {"lawyer_id", Kind::kOptionalId, "lawyer"}, {"summary"}, {"next_action_date"},
        {"created_at"}, {"created_by"}, {"updated_at"}, {"closed_at"}, {"version", Kind::kInt}}},
      {"legal_case_event", "legal_case_event",
       {{"case_id", Kind::kInt, "legal_case"}, {"status"}, {"lawyer_id", Kind::kOptionalId, "lawyer"}, {"outcome"},
        {"at"}, {"by_user"}}},
      {"legal_deadline", "legal_deadline",
       {{"case_id", Kind::kInt, "legal_case"}, {"title"}, {"due_date"}, {"met_at"}, {"created_at"}, {"created_by"},
        {"version", Kind::kInt}}},
      {"legal_appointment", "legal_appointment",
       {{"case_id", Kind::kInt, "legal_case"}, {"lawyer_id", Kind::kOptionalId, "lawyer"},
        {"site_id", Kind::kInt, "site"}, {"starts_at"}, {"duration_minutes", Kind::kInt}, {"mode"}, {"place"},
        {"created_at"}, {"created_by"}}},
      {"legal_note", "legal_note",
       {{"case_id", Kind::kInt, "legal_case"}, {"body", Kind::kSealed}, {"author"}, {"created_at"}}},
      {"legal_document", "legal_document",
       {{"case_id", Kind::kInt, "legal_case"}, {"item"}, {"status"}, {"updated_at"}, {"updated_by"},
        {"version", Kind::kInt}}},
      // Keyed by person_id (no id of its own): a re-run finds the row there and leaves it.
      {"legal_contact", nullptr,
       {{"person_id", Kind::kInt, "person"}, {"channel"}, {"contact", Kind::kSealed, nullptr, "person_id"},
        {"consent", Kind::kInt}, {"best_time"}, {"recorded_at"}, {"recorded_by"}, {"version", Kind::kInt}}},
      // The referral directory and referrals (migration 014).
      {"organisation", "organisation",
       {{"hsds_id"}, {"name"}, {"description"}, {"services"}, {"city"}, {"state"}, {"hours"}, {"phone"}, {"email"},
        {"url"}, {"languages"}, {"accepts_referrals", Kind::kInt}, {"version", Kind::kInt}, {"updated_at"},
        {"updated_by"}}},
      // Keyed by (user_id, organisation_id), no id of its own.
      {"organisation_member", nullptr,
       {{"user_id", Kind::kInt, "user"}, {"organisation_id", Kind::kInt, "organisation"}}},
      {"referral", "referral",
       {{"person_id", Kind::kInt, "person"}, {"organisation_id", Kind::kInt, "organisation"}, {"service"}, {"note", Kind::kSealed},
        {"status"}, {"created_at"}, {"created_by"}, {"updated_at"}, {"updated_by"}, {"version", Kind::kInt}}},
      {"referral_event", "referral_event",
       {{"referral_id", Kind::kInt, "referral"}, {"status"}, {"at"}, {"by_user"}}},
      {"login_attempt", "login_attempt",
       {{"username"}, {"remote_address"}, {"at"}, {"succeeded", Kind::kInt}}},
  };
  return tables;
}

// Tables the importer leaves behind on purpose. Any other table of the source that holds rows
// makes the import refuse (FailedPrecondition naming it) rather than lose them silently.
const std::set<std::string>& NotCopied() {
  static const std::set<std::string> tables = {
      "schema_migrations", "database_info", "import_map", "key_check", "job_run",
      "session",    // people log in again
      "audit_log",  // kept verbatim in audit_import
      // FIXME: a source that itself imported other databases keeps their trails here; they are
      // not carried along yet.
      "audit_import",
  };
  return tables;
}

// One value read from the source, of the column's kind.
struct Value {
  std::string text;
  int64_t integer = 0;         // in the target's ids once mapped
  int64_t source_integer = 0;  // as the source had it
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
    RETURN_IF_ERROR(RefuseUnknownTables());
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

  // FailedPrecondition naming each table of the source that holds rows this importer does
  // not know (a newer schema's, or one forgotten in Tables()): better no import than a lossy one.
  Status RefuseUnknownTables() {
    std::set<std::string> known = NotCopied();
    for (const Table& table : Tables()) known.insert(table.name);
    ASSIGN_OR_RETURN(auto names, from_.Prepare(
        from_.dialect() == SqlDialect::kPostgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
              "AND table_type = 'BASE TABLE' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
              "ORDER BY name"));
    std::vector<std::string> unknown;
    while (true) {
      ASSIGN_OR_RETURN(bool has_row, names->Step());
      if (!has_row) break;
      if (!known.count(names->Text(0))) unknown.push_back(names->Text(0));
    }
    names.reset();
    std::string refused;
    for (const std::string& name : unknown) {
      // Names come from the source's own catalogue; quoted as identifiers all the same.
      ASSIGN_OR_RETURN(auto count, from_.Prepare("SELECT COUNT(*) FROM \"" + name + "\""));
      ASSIGN_OR_RETURN(bool counted, count->Step());
      const int64_t rows = counted ? count->Int(0) : 0;
      if (rows > 0) refused += (refused.empty() ? "" : ", ") + name + " (" + std::to_string(rows) + " rows)";
    }
    if (!refused.empty()) {
      return FailedPrecondition("acogida migrate cannot copy these tables of the source yet: " + refused +
                                "; nothing was written");
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
        if (column.kind == Kind::kInt || column.kind == Kind::kOptionalId) values[i].integer = rows->Int(at);
        else if (column.kind == Kind::kReal) values[i].real = rows->Double(at);
        else values[i].text = rows->Text(at);
        values[i].source_integer = values[i].integer;
        const bool null_id = column.kind == Kind::kOptionalId && values[i].integer == 0;
        if (column.refers_to && !null_id) {
          auto& ids = map_[column.refers_to];
          auto found = ids.find(values[i].integer);
          if (found == ids.end()) {
            return FailedPrecondition(std::string("the source is inconsistent: ") + table.name + " " +
                                      RowName(table, values, old_id) + " refers to a missing " + column.refers_to +
                                      " " + std::to_string(values[i].integer));
          }
          values[i].integer = found->second;
        }
        if (std::string(column.name) == "username") {
          auto renamed = renames_.find(values[i].text);
          if (renamed != renames_.end()) values[i].text = renamed->second;
        }
      }
      // Sealed values, once every id of the row is known: opened under the source's binding;
      // those bound to another column sealed again now, those bound to the row's own id after
      // the insert (SealInTarget).
      for (size_t i = 0; i < table.columns.size(); ++i) {
        const Column& column = table.columns[i];
        if (column.kind != Kind::kSealed) continue;
        if (!column.bound_to && !table.record_type) {
          return Internal(std::string(table.name) + "." + column.name + " is bound to a row id the table lacks");
        }
        ASSIGN_OR_RETURN(int64_t source_bound, BoundId(table, column, values, Side::kSource, old_id));
        auto opened = OpenBoundField(from_keys_, table.name, column.name, source_bound, values[i].text);
        if (!opened.ok()) {
          return FailedPrecondition(std::string("cannot open the source's ") + table.name + "." + column.name + "." +
                                    std::to_string(source_bound) +
                                    " (wrong --from-keys, or the row was changed outside acogida): " +
                                    opened.status().message());
        }
        values[i].text = std::move(opened).value();
        if (!column.bound_to) continue;
        ASSIGN_OR_RETURN(int64_t target_bound, BoundId(table, column, values, Side::kTarget, 0));
        ASSIGN_OR_RETURN(values[i].text,
                         SealBoundField(to_keys_, table.name, column.name, target_bound, values[i].text));
      }
      for (size_t i = 0; i < table.columns.size(); ++i) {
        const Column& column = table.columns[i];
        const int index = static_cast<int>(i) + 1;
        if (column.kind == Kind::kInt) write->Bind(index, values[i].integer);
        else if (column.kind == Kind::kOptionalId && values[i].integer == 0) write->BindNull(index);
        else if (column.kind == Kind::kOptionalId) write->Bind(index, values[i].integer);
        else if (column.kind == Kind::kReal) write->Bind(index, values[i].real);
        else if (column.kind == Kind::kSealed && !column.bound_to) write->Bind(index, "");  // sealed below
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

  enum class Side { kSource, kTarget };

  // The id a sealed column's associated data names, in the source's or the target's ids.
  StatusOr<int64_t> BoundId(const Table& table, const Column& column, const std::vector<Value>& values, Side side,
                            int64_t row_id) {
    if (!column.bound_to) return row_id;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      if (std::string(table.columns[i].name) != column.bound_to) continue;
      return side == Side::kSource ? values[i].source_integer : values[i].integer;
    }
    return Internal(std::string(table.name) + "." + column.name + " is bound to a missing column " + column.bound_to);
  }

  // How an error names a row: its id, or for a table without ids its first column.
  static std::string RowName(const Table& table, const std::vector<Value>& values, int64_t old_id) {
    if (table.record_type) return std::to_string(old_id);
    return std::string("with ") + table.columns[0].name + " " + std::to_string(values[0].source_integer);
  }

  // Seals the columns bound to the row's own id under the target's keys and its new id.
  Status SealInTarget(const Table& table, const std::vector<Value>& values, int64_t new_id) {
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const Column& column = table.columns[i];
      if (column.kind != Kind::kSealed || column.bound_to || values[i].text.empty()) continue;
      ASSIGN_OR_RETURN(std::string sealed, SealBoundField(to_keys_, table.name, column.name, new_id, values[i].text));
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
