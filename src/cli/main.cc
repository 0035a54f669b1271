// `acogida`: the one binary. Subcommands:
//   serve                       serve the API and the browser app
//   demo-data                   fill a fresh database with demo sites, accounts and arrivals
//   user add|list|disable|reset-password   manage accounts at the machine
//   audit verify                check the audit trail's hash chain (exit 1 if broken)
//   keys rotate                 new current key; re-encrypt sealed fields
//   migrate                     move a shelter's database into the network's
//   backup                      copy a SQLite database while it is served (not the key file)
//   purge                       anonymise persons past retention (the server also runs it daily)
//   allocate                    plan the placement of arriving groups in shelter beds
//   simulate                    simulate arrivals, reception, shelters and buses home (surges)
//   version                     print the version
// Thin: parse flags, call the command functions in commands.h.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/allocate_command.h"
#include "cli/backup_command.h"
#include "cli/commands.h"
#include "cli/link_command.h"
#include "cli/simulate_command.h"

int main(int argc, char** argv) {
  using namespace acogida;
  CLI::App app{"Acogida: reception, shelter and legal-aid system for people returned to Mexico", "acogida"};
  app.require_subcommand(1);

  cli::DatabaseFlags database;
  auto add_db = [&database](CLI::App* command, const char* help) {
    command->add_option("--db", database.db, help)->capture_default_str();
    command->add_option("--keys", database.key_file,
                        "The organisation's key file (default for SQLite: <db>.keys; required for PostgreSQL "
                        "unless ACOGIDA_KEYS is set)");
  };

  http::ServerOptions serve_options;
  serve_options.web_root = "web/dist";
  bool secure_cookies = false;
  CLI::App* serve = app.add_subcommand("serve", "Serve the HTTP API and the browser app");
  add_db(serve, "SQLite database file (created if missing; its folder must exist) or postgresql:// URL");
  serve->add_option("--host", serve_options.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", serve_options.port, "Port to listen on (0 picks a free one)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--web", serve_options.web_root, "Folder of the built browser app (empty: API only)")
      ->capture_default_str();
  serve->add_option("--threads", serve_options.threads, "Worker threads (one per concurrent connection)")
      ->capture_default_str()
      ->check(CLI::Range(2, 4096));
  serve->add_option("--rate-limit", serve_options.rate_limit_per_second,
                    "Requests a second per client address (0: no limit)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1e6));
  serve->add_flag("--secure-cookies", secure_cookies, "Mark the session cookie Secure (when behind HTTPS)");
  serve->add_option("--trusted-proxy", serve_options.trusted_proxies,
                    "Reverse proxy (address or CIDR range; repeatable) whose X-Forwarded-For gives the client address")
      ->type_name("ADDR")
      ->allow_extra_args(false)
      ->check([](const std::string& value) {
        auto parsed = http::TrustedProxies::Parse({value});
        return parsed.ok() ? std::string() : parsed.status().message();
      });
  cli::RetentionFlags retention;
  serve->add_option("--retention-days", retention.retention_days,
                    "Anonymise persons this many days after their last activity (daily job)")
      ->capture_default_str()
      ->check(CLI::Range(30, 36500));

  DemoDataOptions demo_options;
  CLI::App* demo = app.add_subcommand("demo-data", "Fill a fresh database with demo sites, accounts and arrivals");
  add_db(demo, "SQLite database file or postgresql:// URL");
  demo->add_option("--seed", demo_options.seed, "Seed of the generator (same seed, same data)")->capture_default_str();
  demo->add_option("--persons", demo_options.persons, "About how many arriving persons")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000000));

  cli::UserFlags user_flags;
  CLI::App* user = app.add_subcommand("user", "Manage accounts (as the operator of this machine)");
  user->require_subcommand(1);
  CLI::App* user_add = user->add_subcommand("add", "Create an account; prints its id");
  add_db(user_add, "SQLite database file or postgresql:// URL");
  user_add->add_option("--username", user_flags.username, "Login name: a-z, 0-9, '.', '_', '-'")->required();
  user_add->add_option("--role", user_flags.role,
                       "administrator, coordinator, registrar, shelter_staff, lawyer or analyst")
      ->required();
  user_add->add_option("--display-name", user_flags.display_name, "Name shown in the app");
  user_add->add_option("--site", user_flags.site_ids, "Site id the user works at (repeat; registrars, shelter staff)");
  user_add->add_flag("--password-stdin", user_flags.password_stdin,
                     "Read the password from standard input (else one is generated and shown once)");
  CLI::App* user_list = user->add_subcommand("list", "List accounts");
  add_db(user_list, "SQLite database file or postgresql:// URL");
  CLI::App* user_disable = user->add_subcommand("disable", "Disable an account and end its sessions");
  add_db(user_disable, "SQLite database file or postgresql:// URL");
  user_disable->add_option("--username", user_flags.username, "Login name")->required();
  CLI::App* user_reset = user->add_subcommand("reset-password", "Set a new password and end the user's sessions");
  add_db(user_reset, "SQLite database file or postgresql:// URL");
  user_reset->add_option("--username", user_flags.username, "Login name")->required();
  user_reset->add_flag("--password-stdin", user_flags.password_stdin,
                       "Read the password from standard input (else one is generated and shown once)");

  CLI::App* audit = app.add_subcommand("audit", "The audit trail");
  audit->require_subcommand(1);
  CLI::App* audit_verify = audit->add_subcommand("verify", "Check the hash chain; exit 1 if a row was changed or removed");
  add_db(audit_verify, "SQLite database file or postgresql:// URL");

  CLI::App* keys = app.add_subcommand("keys", "The keys that encrypt sensitive fields");
  keys->require_subcommand(1);
  CLI::App* keys_rotate = keys->add_subcommand("rotate", "Add a new current key and re-encrypt every sealed field");
  add_db(keys_rotate, "SQLite database file or postgresql:// URL");

  CLI::App* purge = app.add_subcommand("purge", "Anonymise persons past the retention period or without consent");
  add_db(purge, "SQLite database file or postgresql:// URL");
  purge->add_option("--retention-days", retention.retention_days, "Days after the last activity")
      ->capture_default_str()
      ->check(CLI::Range(30, 36500));

  cli::MigrateFlags migrate_flags;
  CLI::App* migrate = app.add_subcommand(
      "migrate", "Move a shelter's database into the network's (copies what is new; safe to run again)");
  migrate->add_option("--from", migrate_flags.from, "The shelter's database (SQLite file or postgresql:// URL)")
      ->required();
  migrate->add_option("--from-keys", migrate_flags.from_keys, "Its key file (default for SQLite: <from>.keys)");
  migrate->add_option("--to", migrate_flags.to, "The network's database (postgresql:// URL or SQLite file)")->required();
  migrate->add_option("--keys", migrate_flags.to_keys, "The network's key file")->required();
  migrate->add_option("--user-suffix", migrate_flags.user_suffix,
                      "Appended to imported usernames the network already uses (e.g. .tijuana)");

  cli::BackupFlags backup_flags;
  CLI::App* backup = app.add_subcommand("backup", "Copy a SQLite database consistently while it is served");
  add_db(backup, "SQLite database file (for PostgreSQL use pg_dump; see docs/operations.md)");
  backup->add_option("--out", backup_flags.out, "The backup file to write (mode 0600)")->required();
  backup->add_flag("--force", backup_flags.force, "Replace --out if it already exists");

  CLI::App* version = app.add_subcommand("version", "Print the version");
  cli::LinkCommand link_command(app);
  cli::AllocateCommand allocate_command(app);
  cli::SimulateCommand simulate_command(app);

  CLI11_PARSE(app, argc, argv);
  if (link_command.Chosen()) return link_command.Run();
  if (allocate_command.Chosen()) return allocate_command.Run();
  if (simulate_command.Chosen()) return simulate_command.Run();
  if (*migrate) return cli::RunMigrate(migrate_flags);
  if (*backup) return cli::RunBackup(database, backup_flags);
  if (*serve) return cli::RunServe(database, serve_options, secure_cookies, retention);
  if (*purge) return cli::RunPurge(database, retention);
  if (*demo) return cli::RunDemoData(database, demo_options);
  if (*user_add) return cli::RunUserAdd(database, user_flags);
  if (*user_list) return cli::RunUserList(database);
  if (*user_disable) return cli::RunUserDisable(database, user_flags.username);
  if (*user_reset) return cli::RunUserResetPassword(database, user_flags);
  if (*audit_verify) return cli::RunAuditVerify(database);
  if (*keys_rotate) return cli::RunKeysRotate(database);
  if (*version) std::printf("acogida %s\n", ACOGIDA_VERSION);
  return 0;
}
