// hallsim: one simulated hall day through the real queue engine and SQLite store, with a live
// log and the day's report. `./hall demo` runs it on the embedded demo hall.

#include "shared/config/demo_hall.h"
#include "shared/config/hall_config_toml.h"
#include "callstation/hallsim/day_report.h"
#include "shared/core/time.h"
#include "callstation/hallsim/simulation.h"
#include "callstation/hallsim/zh_text.h"
#include "shared/store/durable_engine.h"
#include "shared/tz/system_zone.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <random>
#include <thread>

namespace fs = std::filesystem;
using namespace hall;

namespace {

enum Exit { Ok = 0, Failure = 1, BadInput = 2, BadDataDir = 3, Interrupted = 130 };

volatile std::sig_atomic_t interrupted = 0;
extern "C" void onSignal(int) {
    interrupted = 1;
}

std::optional<core::BusinessDay> parseDate(const std::string& text) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                          std::chrono::day(d)};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd);
}

// The data directory: the one given (created if needed), or a fresh temporary one.
struct DataDir {
    fs::path path;
    bool temporary = false;
};

std::optional<DataDir> prepareDataDir(const std::string& given, std::string& error) {
    std::error_code ec;
    if (!given.empty()) {
        const fs::path dir(given);
        if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
            error = given + " exists and is not a directory";
            return std::nullopt;
        }
        fs::create_directories(dir, ec);
        if (ec) {
            error = "cannot create " + given + ": " + ec.message();
            return std::nullopt;
        }
        return DataDir{dir, false};
    }
    std::string pattern = (fs::temp_directory_path(ec) / "hallsim-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        error = "cannot create a temporary directory under " + fs::temp_directory_path(ec).string();
        return std::nullopt;
    }
    return DataDir{pattern, true};
}

std::string summaryText(const sim::SimSummary& s, double wallSeconds, std::int64_t journal) {
    auto refused = [&](core::ErrorCode c) {
        auto it = s.refusedIssues.find(c);
        return it == s.refusedIssues.end() ? 0 : it->second;
    };
    int refusedTotal = 0;
    for (const auto& [code, n] : s.refusedIssues)
        refusedTotal += n;
    char wall[32];
    std::snprintf(wall, sizeof wall, "%.1f", wallSeconds);
    std::string out = "\n【模拟过程】取号机前 " + std::to_string(s.arrivals) + " 次：出号 " +
                      std::to_string(s.issued) + "，未出号 " + std::to_string(refusedTotal) +
                      "（不在取号时间 " + std::to_string(refused(core::ErrorCode::ServiceClosed)) +
                      " · 号源已取完 " + std::to_string(refused(core::ErrorCode::QuotaReached)) +
                      " · 同一人重复取号 " +
                      std::to_string(refused(core::ErrorCode::DuplicatePerson)) + "）\n";
    out += "  叫号 " + std::to_string(s.calls) + " · 重呼 " + std::to_string(s.recalls) +
           " · 过号 " + std::to_string(s.noShows) + "（作废 " + std::to_string(s.finalNoShows) +
           "）· 撤销误呼 " + std::to_string(s.undoneCalls) + " · 转办 " +
           std::to_string(s.transfers) + " · 放弃等候 " + std::to_string(s.cancelled) + " · 评价 " +
           std::to_string(s.ratings) + " · 午休暂停 " + std::to_string(s.lunchPauses) + " · 换班 " +
           std::to_string(s.shiftChanges) + "\n";
    out += "  引擎命令 " + std::to_string(s.commands) + " 条，持久化事件 " +
           std::to_string(journal) + " 条，实际用时 " + wall + " 秒\n";
    return out;
}

// The engine's numbers must agree with what the simulation did.
std::vector<std::string> crossCheck(const sim::SimSummary& s, const core::DayStatistics& d) {
    std::vector<std::string> problems;
    auto expect = [&](const char* what, int sim, int engine) {
        if (sim != engine)
            problems.push_back(std::string(what) + ": simulation " + std::to_string(sim) +
                               ", engine " + std::to_string(engine));
    };
    expect("issued", s.issued, d.hall.issued);
    expect("served", s.served, d.hall.served);
    expect("transferred", s.transfers, d.hall.transferred);
    expect("final no-shows", s.finalNoShows, d.hall.noShow);
    expect("cancelled", s.cancelled, d.hall.cancelled);
    expect("rated", s.ratings, d.hall.ratedCount());
    expect("bad ratings", s.badRatings, d.hall.badRatings());
    return problems;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"hallsim: a simulated hall day through the real queue engine and store, with a "
                 "live log and the day's report"};
    std::string configFile;
    std::string dataDirArg;
    bool keep = false;
    std::uint64_t seed = 0;
    double speed = 2400.0;
    bool quiet = false;
    std::string dateArg;
    app.add_option("--config", configFile,
                   "hall configuration (TOML); default: the embedded demo hall");
    app.add_option("--data-dir", dataDirArg,
                   "directory for the hall database; default: a fresh temporary directory, "
                   "removed at the end unless --keep");
    app.add_flag("--keep", keep, "keep the temporary data directory");
    auto* seedOption =
        app.add_option("--seed", seed, "random seed (default: a random one, printed)");
    auto* speedOption =
        app.add_option("--speed", speed,
                       "simulated seconds per real second (default 2400: a day in ~15 s; "
                       "0 = as fast as possible)");
    app.add_flag("--quiet", quiet,
                 "no live log, only the report (as fast as possible unless --speed)");
    app.add_option("--date", dateArg,
                   "the business day, YYYY-MM-DD (default: today in the hall's zone)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help exits 0; every usage error exits 2 (not CLI11's own codes), as documented.
        return e.get_exit_code() == 0 ? app.exit(e) : (app.exit(e), BadInput);
    }
    if (!(speed >= 0.0)) {
        std::cerr << "hallsim: --speed must be 0 (as fast as possible) or more\n";
        return BadInput;
    }
    if (quiet && !*speedOption) speed = 0.0;
    if (!*seedOption) seed = std::random_device{}();

    // --- configuration, zone, day ------------------------------------------------------------
    core::HallConfig config;
    if (configFile.empty()) {
        config = config::demoHall();
    } else {
        auto loaded = config::loadHallConfig(configFile);
        if (auto* errors = std::get_if<std::vector<core::ConfigError>>(&loaded)) {
            std::cerr << "hallsim: " << configFile << " is not a valid hall configuration:\n"
                      << core::describe(*errors);
            return BadInput;
        }
        config = std::get<core::HallConfig>(std::move(loaded));
    }
    const auto zone = tz::loadZone(config.timeZone); // the loader has checked it
    core::BusinessDay day = core::toLocal(*zone, core::SystemClock().now()).date;
    if (!dateArg.empty()) {
        auto parsed = parseDate(dateArg);
        if (!parsed) {
            std::cerr << "hallsim: --date " << dateArg << " is not a date YYYY-MM-DD\n";
            return BadInput;
        }
        day = *parsed;
    }
    const sim::SimProfile profile = sim::SimProfile::standard();

    // --- data directory and store ------------------------------------------------------------
    std::string dirError;
    auto dataDir = prepareDataDir(dataDirArg, dirError);
    if (!dataDir) {
        std::cerr << "hallsim: data directory: " << dirError << "\n";
        return BadDataDir;
    }
    const auto removeTemporary = [&] {
        if (!dataDir->temporary || keep) return;
        std::error_code ec;
        fs::remove_all(dataDir->path, ec);
    };
    store::StoreOptions storeOptions;
    storeOptions.path = dataDir->path / "hall.db";
    const auto dayStart = core::localToUtc(*zone, day, profile.hallOpenMinute - 30);

    int status = Ok;
    try {
        std::optional<store::DurableEngine> durable;
        durable.emplace(store::DurableEngine::open(storeOptions, config, zone, dayStart));
        if (auto held = durable->engine().currentDay(); held && *held >= day) {
            std::cerr << "hallsim: " << dataDir->path.string() << " already holds business day "
                      << core::formatDay(*held)
                      << "; simulated days must move forward: pass a later --date or another "
                         "--data-dir\n";
            removeTemporary();
            return BadDataDir;
        }

        std::cout << "hallsim · " << config.name << " · " << core::formatDay(day) << "（"
                  << zone->name() << "）\n"
                  << "种子 " << seed << "（--seed " << seed << " 可重现）· 速度 "
                  << (speed > 0 ? std::to_string(static_cast<long long>(speed)) + " 倍" : "不限")
                  << " · 数据目录 " << dataDir->path.string()
                  << (dataDir->temporary && !keep ? "（结束后删除）" : "") << "\n\n"
                  << std::flush;

        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        const auto wallStart = std::chrono::steady_clock::now();
        std::optional<core::Timestamp> simStart;
        sim::SimCallbacks callbacks;
        callbacks.pace = [&](core::Timestamp t) {
            if (interrupted) return false;
            if (!simStart) simStart = t;
            if (speed > 0) {
                const std::chrono::duration<double> real((t - *simStart) / 1.0 / speed);
                std::this_thread::sleep_until(
                    wallStart +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(real));
            }
            return !interrupted;
        };
        if (!quiet)
            callbacks.log = [&](core::Timestamp t, const std::string& line) {
                std::cout << core::formatLocalClock(*zone, t) << "  " << line << '\n';
                if (speed > 0) std::cout << std::flush;
            };

        sim::HallSimulation simulation(*durable, profile, day, seed, std::move(callbacks));
        const auto summary = simulation.run();
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();

        const auto report = durable->dayReport(day);
        if (!report) {
            std::cerr << "hallsim: the store has no report for " << core::formatDay(day) << "\n";
            removeTemporary();
            return Failure;
        }
        std::cout << sim::formatDayReport(config, *report);
        std::cout << summaryText(summary, wall, durable->journalSize());

        // The same day, rebuilt from the journal alone, must be exactly the day that ran.
        const auto fingerprint = durable->engine().fingerprint();
        durable.reset();
        durable.emplace(store::DurableEngine::open(storeOptions, config, zone, summary.lastEvent));
        const auto replayed = durable->dayReport(day);
        const bool same =
            replayed && *replayed == *report && durable->engine().fingerprint() == fingerprint;
        std::cout << "  重新打开数据库并重放日志：" << (same ? "状态与统计一致" : "不一致！")
                  << "\n";

        auto problems = crossCheck(summary, *report);
        if (summary.unexpectedRefusals > 0)
            problems.push_back(std::to_string(summary.unexpectedRefusals) +
                               " commands refused unexpectedly (see 模拟异常 in the log)");
        if (!same) problems.push_back("the replayed store differs from the live engine");
        for (const auto& p : problems)
            std::cerr << "hallsim: inconsistency: " << p << "\n";
        if (!problems.empty()) status = Failure;
        if (summary.stoppedEarly) {
            std::cout << "  （已中断，报告只含中断前的部分）\n";
            status = Interrupted;
        }
    } catch (const store::StoreError& e) {
        std::cerr << "hallsim: hall database in " << dataDir->path.string() << ": " << e.what()
                  << "\n";
        removeTemporary();
        return BadDataDir;
    }

    if (dataDir->temporary && keep)
        std::cout << "  数据已保留：" << (dataDir->path / "hall.db").string() << "\n";
    removeTemporary();
    return status;
}
