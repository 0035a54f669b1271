// `acogida migrate`: moves a shelter's database into the network's (see
// store/import/import_database.h). Safe to run again: it copies only what is new.
#include <cstdio>

#include "cli/commands.h"
#include "service/audit.h"
#include "service/clock.h"
#include "store/import/import_database.h"

namespace acogida::cli {

int RunMigrate(const MigrateFlags& flags) {
  if (flags.from.empty() || flags.to.empty()) return Fail(InvalidArgument("from", "give --from and --to"));
  DatabaseFlags from{flags.from, flags.from_keys};
  DatabaseFlags to{flags.to, flags.to_keys};
  if (from.KeyFile().empty()) return Fail(InvalidArgument("from-keys", "name the source database's key file"));
  if (to.KeyFile().empty()) return Fail(InvalidArgument("keys", "name the target database's key file"));
  auto from_keys = LoadOrCreateKeyFile(from.KeyFile(), "k1");
  if (!from_keys.ok()) return Fail(from_keys.status());
  auto to_keys = LoadOrCreateKeyFile(to.KeyFile(), "k1");
  if (!to_keys.ok()) return Fail(to_keys.status());
  ImportOptions options;
  options.user_suffix = flags.user_suffix;
  options.username = CommandLineActor().user.username;
  options.now_utc = FormatUtc(SystemClock()());
  auto report = ImportDatabase(from.db, *from_keys, to.db, *to_keys, options);
  if (!report.ok()) return Fail(report.status());
  std::printf("moved %s (database %s) into %s:\n", from.Display().c_str(), report->source_id.c_str(),
              to.Display().c_str());
  for (const auto& [table, rows] : report->copied) {
    std::printf("  %-14s %lld new\n", table.c_str(), static_cast<long long>(rows));
  }
  std::printf("  %-14s %lld rows kept verbatim (their own hash chain)\n", "audit trail",
              static_cast<long long>(report->audit_rows));
  if (report->already_imported > 0) {
    std::printf("  %lld records were copied by an earlier run and left as they are\n",
                static_cast<long long>(report->already_imported));
  }
  for (const auto& [old_name, new_name] : report->renamed_users) {
    std::printf("  account %s is now %s\n", old_name.c_str(), new_name.c_str());
  }
  std::printf("check it with: acogida audit verify --db <target> --keys <key file>\n");
  return 0;
}

}  // namespace acogida::cli
