// `acogida user add|list|disable|reset-password`, `acogida audit verify` and `acogida keys
// rotate`: run at the machine by an operator with access to the database file, audited as
// "command-line".
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "crypto/tokens.h"
#include "service/audit.h"
#include "service/audit_service.h"
#include "service/user_service.h"
#include "store/store.h"

namespace acogida::cli {
namespace {

// The password from stdin (first line), or a generated one that is printed.
std::string ObtainPassword(bool from_stdin, bool* generated) {
  *generated = !from_stdin;
  if (!from_stdin) return NewGeneratedPassword();
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

int RunUserAdd(const DatabaseFlags& database, const UserFlags& flags) {
  auto role = ParseRole(flags.role);
  if (!role) return Fail(InvalidArgument("role", "must be administrator, coordinator, registrar, shelter_staff, "
                                                 "lawyer or analyst"));
  auto store = OpenDatabase(database);
  if (!store.ok()) return Fail(store.status());
  UserService users(**store);
  bool generated = false;
  NewUser input{flags.username, flags.display_name, *role, flags.site_ids, ObtainPassword(flags.password_stdin, &generated)};
  auto created = users.Create(CommandLineActor(), input);
  if (!created.ok()) return Fail(created.status());
  std::printf("%lld\n", static_cast<long long>(created->id));
  if (generated) std::fprintf(stderr, "password for %s (shown once): %s\n", created->username.c_str(), input.password.c_str());
  return 0;
}

int RunUserList(const DatabaseFlags& database) {
  auto store = OpenDatabase(database);
  if (!store.ok()) return Fail(store.status());
  UserService users(**store);
  auto list = users.List(CommandLineActor());
  if (!list.ok()) return Fail(list.status());
  for (const User& user : *list) {
    std::string sites;
    for (int64_t site_id : user.site_ids) sites += (sites.empty() ? "" : ",") + std::to_string(site_id);
    std::printf("%-5lld %-20s %-14s %-9s sites=%s  %s\n", static_cast<long long>(user.id), user.username.c_str(),
                std::string(RoleName(user.role)).c_str(), user.disabled ? "disabled" : "active",
                sites.empty() ? "-" : sites.c_str(), user.display_name.c_str());
  }
  return 0;
}

int RunUserDisable(const DatabaseFlags& database, const std::string& username) {
  auto store = OpenDatabase(database);
  if (!store.ok()) return Fail(store.status());
  UserService users(**store);
  auto user = users.FindByUsername(CommandLineActor(), username);
  if (!user.ok()) return Fail(user.status());
  user->disabled = true;
  auto updated = users.Update(CommandLineActor(), *user);
  if (!updated.ok()) return Fail(updated.status());
  std::printf("disabled %s; their sessions are ended\n", username.c_str());
  return 0;
}

int RunUserResetPassword(const DatabaseFlags& database, const UserFlags& flags) {
  auto store = OpenDatabase(database);
  if (!store.ok()) return Fail(store.status());
  UserService users(**store);
  bool generated = false;
  const std::string password = ObtainPassword(flags.password_stdin, &generated);
  Status reset = users.ResetPassword(CommandLineActor(), flags.username, password);
  if (!reset.ok()) return Fail(reset);
  if (generated) std::printf("new password for %s (shown once): %s\n", flags.username.c_str(), password.c_str());
  else std::printf("password of %s changed; their sessions are ended\n", flags.username.c_str());
  return 0;
}

int RunAuditVerify(const DatabaseFlags& database) {
  StoreOptions options;
  options.create_if_missing = false;
  auto store = OpenDatabase(database, options);
  if (!store.ok()) return Fail(store.status());
  AuditService audit(**store, SystemClock());
  auto check = audit.Verify(CommandLineActor());
  if (!check.ok()) return Fail(check.status());
  if (check->ok) {
    std::printf("audit chain intact: %lld rows", static_cast<long long>(check->rows));
    if (check->imported_rows > 0) {
      std::printf("; imported trails intact: %lld rows", static_cast<long long>(check->imported_rows));
    }
    std::printf("\n");
    return 0;
  }
  if (check->first_bad_id != 0) {
    std::printf("audit chain BROKEN at row %lld (%lld rows)\n", static_cast<long long>(check->first_bad_id),
                static_cast<long long>(check->rows));
  }
  if (!check->bad_source.empty()) {
    std::printf("imported audit trail of %s BROKEN at row %lld\n", check->bad_source.c_str(),
                static_cast<long long>(check->first_bad_imported_id));
  }
  return 1;
}

int RunKeysRotate(const DatabaseFlags& database) {
  if (std::getenv("ACOGIDA_KEYS") != nullptr) {
    return Fail(FailedPrecondition("the keys come from ACOGIDA_KEYS; rotate them where that variable is kept"));
  }
  const std::string key_file = database.KeyFile();
  if (key_file.empty()) return Fail(FailedPrecondition("name the organisation's key file with --keys"));
  auto ring = LoadOrCreateKeyFile(key_file, "k1");
  if (!ring.ok()) return Fail(ring.status());
  size_t next = ring->size() + 1;
  while (ring->Has("k" + std::to_string(next))) ++next;
  Status rotated = ring->Rotate("k" + std::to_string(next));
  if (!rotated.ok()) return Fail(rotated);
  // The new ring (old keys kept) is saved before any value is resealed under the new key,
  // so a failure part-way never leaves a value whose key is not on disk.
  Status saved = SaveKeyFile(*ring, key_file);
  if (!saved.ok()) return Fail(saved);
  StoreOptions options;
  options.create_if_missing = false;
  options.keys = std::make_shared<const KeyRing>(std::move(ring).value());
  // Every other server sharing this database needs the new file before it seals anything.
  auto store = OpenDatabase(database, options);
  if (!store.ok()) return Fail(store.status());
  int64_t resealed = 0;
  Status status = (*store)->InTransaction(TxMode::kWrite, [&](Tx& tx) -> Status {
    ASSIGN_OR_RETURN(resealed, tx.ResealSensitiveFields());
    return AppendAuditRow(tx, CommandLineActor(), audit_action::kUpdate, "keys", 0,
                          {"current:" + options.keys->current_id(), "resealed:" + std::to_string(resealed)});
  });
  if (!status.ok()) return Fail(status);
  std::printf("current key is now %s; %lld persons' sealed fields re-encrypted\n", options.keys->current_id().c_str(),
              static_cast<long long>(resealed));
  return 0;
}

}  // namespace acogida::cli
