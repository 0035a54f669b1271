// `acogida serve` and `acogida demo-data`.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "service/audit.h"
#include "service/audit_service.h"
#include "service/jobs.h"
#include "service/retention_service.h"
#include "store/store.h"

namespace acogida::cli {

int Fail(const Status& status) {
  std::fprintf(stderr, "acogida: %s%s%s\n", status.field().empty() ? "" : status.field().c_str(),
               status.field().empty() ? "" : ": ", status.message().c_str());
  return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
}

std::string DatabaseFlags::KeyFile() const {
  if (!key_file.empty()) return key_file;
  return IsPostgresUrl(db) ? "" : DefaultKeyFile(db);
}

std::string DatabaseFlags::Display() const { return RedactUrl(db); }

StatusOr<std::unique_ptr<Store>> OpenDatabase(const DatabaseFlags& database, StoreOptions options) {
  options.key_file = database.key_file;
  return OpenStore(database.db, options);
}

namespace {

// Runs `tick` now and then every `period` on a thread of its own, until destroyed.
class PeriodicTask {
 public:
  PeriodicTask(std::chrono::milliseconds period, std::function<void()> tick)
      : period_(period), tick_(std::move(tick)), thread_([this] { Loop(); }) {}
  ~PeriodicTask() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      lock.unlock();
      tick_();
      lock.lock();
      wake_.wait_for(lock, period_, [this] { return stop_; });
    }
  }

  const std::chrono::milliseconds period_;
  const std::function<void()> tick_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

Actor RetentionActor() {
  Actor actor = CommandLineActor();
  actor.user.username = "retention-job";
  return actor;
}

// The retention purge, once a day across every server on the database: checked hourly.
void RetentionTick(Store& store, RetentionService& service) {
  int64_t purged = 0;
  auto outcome = RunJobOnce(store, SystemClock(), "retention", std::chrono::hours(23), [&]() -> Status {
    ASSIGN_OR_RETURN(purged, service.Purge(RetentionActor()));
    return OkStatus();
  });
  if (!outcome.ok()) std::fprintf(stderr, "acogida: retention job: %s\n", outcome.status().ToString().c_str());
  else if (purged > 0) std::fprintf(stderr, "acogida: retention job anonymised %lld persons\n",
                                    static_cast<long long>(purged));
}

// The bed board's jobs across every server on the database: holds past their expiry are
// marked released (checked every minute; they stop counting at expiry anyway), and once a
// day stays long past their expected check-out are closed as reconciled.
void BedJobsTick(Store& store, BedService& beds, const char* job, std::chrono::seconds period) {
  Actor actor = CommandLineActor();
  actor.user.username = std::string(job) + "-job";
  int64_t changed = 0;
  auto outcome = RunJobOnce(store, SystemClock(), job, period, [&]() -> Status {
    auto done = std::string(job) == "hold-expiry" ? beds.ReleaseExpiredHolds(actor) : beds.Reconcile(actor);
    if (!done.ok()) return done.status();
    changed = *done;
    return OkStatus();
  });
  if (!outcome.ok()) std::fprintf(stderr, "acogida: %s job: %s\n", job, outcome.status().ToString().c_str());
  else if (changed > 0) std::fprintf(stderr, "acogida: %s job changed %lld records\n", job,
                                     static_cast<long long>(changed));
}

}  // namespace

int RunPurge(const DatabaseFlags& database, const RetentionFlags& retention) {
  StoreOptions options;
  options.create_if_missing = false;
  auto store = OpenDatabase(database, options);
  if (!store.ok()) return Fail(store.status());
  RetentionService service(**store, SystemClock(), RetentionOptions{std::chrono::days(retention.retention_days)});
  auto purged = service.Purge(CommandLineActor());
  if (!purged.ok()) return Fail(purged.status());
  std::printf("anonymised %lld persons (retention %d days, or consent to services withdrawn)\n",
              static_cast<long long>(*purged), retention.retention_days);
  return 0;
}

int RunServe(const DatabaseFlags& database, http::ServerOptions options, bool secure_cookies,
             const RetentionFlags& retention) {
  auto store = OpenDatabase(database);
  if (!store.ok()) return Fail(store.status());
  ServiceSet services(**store);
  http::ApiServer server(http::Services::Of(services, (*store)->Backend(), secure_cookies), options);
  auto port = server.Bind();
  if (!port.ok()) return Fail(port.status());
  RetentionService retention_service(**store, SystemClock(),
                                     RetentionOptions{std::chrono::days(retention.retention_days)});
  PeriodicTask retention_job(std::chrono::hours(1), [&] { RetentionTick(**store, retention_service); });
  PeriodicTask hold_expiry(std::chrono::minutes(1), [&] {
    BedJobsTick(**store, services.beds, "hold-expiry", std::chrono::seconds(50));
  });
  PeriodicTask reconciliation(std::chrono::hours(1), [&] {
    BedJobsTick(**store, services.beds, "bed-reconciliation", std::chrono::hours(23));
  });
  // Audit rows written unchained (PostgreSQL) are linked within a second.
  PeriodicTask audit_chainer(std::chrono::seconds(1), [&] {
    auto chained = ChainPendingAudit(**store);
    if (!chained.ok()) std::fprintf(stderr, "acogida: audit chainer: %s\n", chained.status().ToString().c_str());
  });
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
              database.Display().c_str());
  std::fflush(stdout);
  Status served = server.Serve();
  // Wake the waiter if the server stopped on its own.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  if (!served.ok()) return Fail(served);
  return 0;
}

int RunDemoData(const DatabaseFlags& database, const DemoDataOptions& options) {
  auto store = OpenDatabase(database);
  if (!store.ok()) return Fail(store.status());
  auto report = LoadDemoData(**store, SystemClock(), options);
  if (!report.ok()) return Fail(report.status());
  std::printf("Demo data written to %s: %d sites, %d sections, %d households, %d persons (seed %llu)\n",
              database.Display().c_str(), report->sites, report->sections, report->households, report->persons,
              static_cast<unsigned long long>(options.seed));
  std::printf("Demo accounts (passwords shown only now; change them or use `acogida user reset-password`):\n");
  for (const DemoAccount& account : report->accounts) {
    std::printf("  %-18s %-14s %s\n", account.user.username.c_str(), std::string(RoleName(account.user.role)).c_str(),
                account.password.c_str());
  }
  return 0;
}

}  // namespace acogida::cli
