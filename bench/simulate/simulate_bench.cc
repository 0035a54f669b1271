// Speed and memory of the surge simulator on the reference model (ReferenceScenario: 10 ports
// × 3 stages, 100 shelters, buses home), a plain driver so that /usr/bin/time sees one run:
//   simulate_bench throughput [ARRIVALS] [REPEATS]
//       -- one replication of ARRIVALS (default 1,000,000) a year, REPEATS times (default 3):
//          arrivals and events per CPU-second (process CPU time), the best and the median
//   simulate_bench replications N THREADS [ARRIVALS]
//       -- Simulate() with N replications of ARRIVALS a year on THREADS threads: wall and
//          CPU time (the target: 100 replications of 1,000,000 in <= 5 min on 2 cores)
//   simulate_bench memory ARRIVALS [DAYS]
//       -- one replication over DAYS days (default 365), then the peak RSS; run under
//          /usr/bin/time -v to compare 100,000 with 1,000,000 arrivals
//   simulate_bench scenario ARRIVALS FILE
//       -- writes the reference scenario as JSON (what the SimPy peer reads)
// Run: bench/simulate/run_simulate_bench.sh BUILD_DIR (see bench/RESULTS.md).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "simulate/model.h"
#include "simulate/reference_scenario.h"
#include "simulate/replication.h"
#include "simulate/scenario_json.h"
#include "simulate/simulate.h"

namespace acogida::simulate {
namespace {

double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec * 1e-9;
}

double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

Scenario Reference(double arrivals, int days = 365) {
  ReferenceOptions options;
  options.arrivals = arrivals;
  options.days = days;
  return ReferenceScenario(options);
}

int Throughput(double arrivals, int repeats) {
  const Scenario scenario = Reference(arrivals);
  auto model = BuildModel(scenario);
  if (!model.ok()) return std::fprintf(stderr, "%s\n", model.status().ToString().c_str()), 1;
  std::vector<double> rates;
  for (int repeat = 0; repeat < repeats; ++repeat) {
    const double start = CpuSeconds();
    const ReplicationResult run = RunReplication(*model, repeat + 1);
    const double seconds = CpuSeconds() - start;
    rates.push_back(run.arrivals / seconds);
    std::printf("run %d: %lld arrivals, %lld events, %lld needed a bed, %lld without; %.3f CPU s: "
                "%.0f arrivals/CPU-s, %.0f events/CPU-s\n",
                repeat + 1, static_cast<long long>(run.arrivals), static_cast<long long>(run.events),
                static_cast<long long>(run.needed_bed), static_cast<long long>(run.without_bed), seconds,
                run.arrivals / seconds, run.events / seconds);
  }
  std::sort(rates.begin(), rates.end());
  std::printf("throughput: best %.0f, median %.0f arrivals per CPU-second; peak RSS %.1f MiB\n", rates.back(),
              rates[rates.size() / 2], PeakRssMiB());
  return 0;
}

int Replications(int replications, int threads, double arrivals) {
  const Scenario scenario = Reference(arrivals);
  SimulateOptions options;
  options.replications = replications;
  options.threads = threads;
  options.seed = 2025;
  const double wall = WallSeconds();
  const double cpu = CpuSeconds();
  auto result = Simulate(scenario, options);
  if (!result.ok()) return std::fprintf(stderr, "%s\n", result.status().ToString().c_str()), 1;
  const double wall_seconds = WallSeconds() - wall;
  const double cpu_seconds = CpuSeconds() - cpu;
  std::printf("replications: %d × %.0f ± %.0f arrivals on %d threads: wall %.1f s, CPU %.1f s "
              "(%.0f arrivals per CPU-second); without a bed %.0f ± %.0f; peak RSS %.1f MiB\n",
              replications, result->arrivals.mean, result->arrivals.half_width, threads, wall_seconds, cpu_seconds,
              replications * result->arrivals.mean / cpu_seconds, result->without_bed.mean,
              result->without_bed.half_width, PeakRssMiB());
  return 0;
}

int Memory(double arrivals, int days) {
  const Scenario scenario = Reference(arrivals, days);
  auto model = BuildModel(scenario);
  if (!model.ok()) return std::fprintf(stderr, "%s\n", model.status().ToString().c_str()), 1;
  const ReplicationResult run = RunReplication(*model, 1);
  std::printf("memory: %lld arrivals over %d days; peak RSS %.1f MiB\n", static_cast<long long>(run.arrivals), days,
              PeakRssMiB());
  return 0;
}

int WriteScenario(double arrivals, const char* path) {
  std::ofstream(path, std::ios::binary) << ScenarioToJson(Reference(arrivals));
  return 0;
}

}  // namespace
}  // namespace acogida::simulate

int main(int argc, char** argv) {
  using namespace acogida::simulate;
  const std::string mode = argc > 1 ? argv[1] : "throughput";
  auto number = [&](int index, double fallback) { return argc > index ? std::atof(argv[index]) : fallback; };
  if (mode == "throughput") return Throughput(number(2, 1e6), static_cast<int>(number(3, 3)));
  if (mode == "replications" && argc >= 4) {
    return Replications(std::atoi(argv[2]), std::atoi(argv[3]), number(4, 1e6));
  }
  if (mode == "memory" && argc >= 3) return Memory(number(2, 1e6), static_cast<int>(number(3, 365)));
  if (mode == "scenario" && argc >= 4) return WriteScenario(number(2, 1e6), argv[3]);
  std::fprintf(stderr,
               "usage: simulate_bench throughput [ARRIVALS] [REPEATS] | replications N THREADS [ARRIVALS] | "
               "memory ARRIVALS [DAYS] | scenario ARRIVALS FILE\n");
  return 2;
}
