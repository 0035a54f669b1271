// `acogida`: the one binary. Subcommands:
//   serve      serve the API and the browser app
//   demo-data  fill a fresh database with the demo network and synthetic arrivals
//   version    print the version
// Later work adds link, allocate, simulate, user, audit. Thin: parse flags, call services.
#include <CLI/CLI.hpp>

#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <thread>

#include "http/server.h"
#include "service/demo_data.h"
#include "store/store.h"

namespace acogida {
namespace {

int Fail(const Status& status) {
  std::fprintf(stderr, "acogida: %s\n", status.message().c_str());
  return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

int RunServe(const std::string& db_path, http::ServerOptions options) {
  auto store = OpenSqliteStore(db_path);
  if (!store.ok()) return Fail(store.status());
  SiteService sites(**store);
  IntakeService intake(**store, SystemClock());
  PersonService persons(**store);
  http::ApiServer server(http::Services{sites, intake, persons, (*store)->Backend()}, options);
  auto port = server.Bind();
  if (!port.ok()) return Fail(port.status());
  // SIGINT/SIGTERM stop the server from an ordinary thread (stopping is not signal-safe).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // before the worker threads start
  std::thread signal_waiter([&server, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    if (signal_number != 0) server.Stop();
  });
  std::printf("Acogida %s listening on http://%s:%d (database %s)\n", ACOGIDA_VERSION, options.host.c_str(), *port,
              db_path.c_str());
  std::fflush(stdout);
  Status served = server.Serve();
  // Wake the waiter if the server stopped on its own.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  if (!served.ok()) return Fail(served);
  return 0;
}

int RunDemoData(const std::string& db_path, const DemoDataOptions& options) {
  auto store = OpenSqliteStore(db_path);
  if (!store.ok()) return Fail(store.status());
  auto report = LoadDemoData(**store, SystemClock(), options);
  if (!report.ok()) return Fail(report.status());
  std::printf("Demo data written to %s: %d sites, %d sections, %d households, %d persons (seed %llu)\n",
              db_path.c_str(), report->sites, report->sections, report->households, report->persons,
              static_cast<unsigned long long>(options.seed));
  return 0;
}

}  // namespace
}  // namespace acogida

int main(int argc, char** argv) {
  using namespace acogida;
  CLI::App app{"Acogida: reception, shelter and legal-aid system for people returned to Mexico", "acogida"};
  app.require_subcommand(1);

  std::string db_path = "var/acogida.db";
  http::ServerOptions serve_options;
  serve_options.web_root = "web/dist";
  CLI::App* serve = app.add_subcommand("serve", "Serve the HTTP API and the browser app");
  serve->add_option("--db", db_path, "SQLite database file (created if missing; its folder must exist)")
      ->capture_default_str();
  serve->add_option("--host", serve_options.host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", serve_options.port, "Port to listen on (0 picks a free one)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--web", serve_options.web_root, "Folder of the built browser app (empty: API only)")
      ->capture_default_str();
  serve->add_option("--threads", serve_options.threads, "Worker threads (one per concurrent connection)")
      ->capture_default_str()
      ->check(CLI::Range(2, 4096));

  DemoDataOptions demo_options;
  CLI::App* demo = app.add_subcommand("demo-data", "Fill a fresh database with demo sites and synthetic arrivals");
  demo->add_option("--db", db_path, "SQLite database file")->capture_default_str();
  demo->add_option("--seed", demo_options.seed, "Seed of the generator (same seed, same data)")->capture_default_str();
  demo->add_option("--persons", demo_options.persons, "About how many arriving persons")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000000));

  CLI::App* version = app.add_subcommand("version", "Print the version");

  CLI11_PARSE(app, argc, argv);
  if (*serve) return RunServe(db_path, serve_options);
  if (*demo) return RunDemoData(db_path, demo_options);
  if (*version) {
    std::printf("acogida %s\n", ACOGIDA_VERSION);
    return 0;
  }
  return 0;
}
