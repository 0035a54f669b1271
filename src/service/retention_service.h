// Retention: records past their period are anonymised, keeping what aggregate counts need
// (sex, birth year, birth state, languages, arrivals). A person is due when their last
// activity (registration or arrival) is older than the retention period, or when they
// withdrew their consent to services. Run by `acogida purge` and daily by the server.
// Every anonymisation is audited. Thread-safe.
#pragma once

#include <chrono>

#include "core/account.h"
#include "service/clock.h"
#include "store/store.h"

namespace acogida {

struct RetentionOptions {
  // How long after a person's last activity their record is kept whole.
  std::chrono::days period = std::chrono::days(365);
};

class RetentionService {
 public:
  RetentionService(Store& store, Clock clock, RetentionOptions options = {})
      : store_(store), clock_(std::move(clock)), options_(options) {}

  // Anonymises every person due; returns how many. One transaction: all or none.
  StatusOr<int64_t> Purge(const Actor& actor);

 private:
  Store& store_;
  Clock clock_;
  RetentionOptions options_;
};

}  // namespace acogida
