// halldemo (`./hall demo`): a simulated hall day through the real controller. Starts callstationd
// on a fresh data directory (its embedded demo hall, a hall clock from 08:00 running --speed
// times real time), enrolls the hall's terminals through the REST API — ticket machines, one
// window pad per window, one call board per zone — and lets simulated citizens and clerks work
// them over TLS WebSockets; beside them the suite's apps on devsim's devices (hall-callstation as
// a ticket machine and a call board, hall-windowpad at the first window instead of its
// protocol-level pad). Prints the live flow (the call boards' calls among it), then the day's
// report from the controller's REST API, checked against what the terminals did. Ctrl-C stops
// everything it started.

#include "shared/config/demo_hall.h"
#include "shared/config/hall_config_toml.h"
#include "callstation/controller/data_dir.h"
#include "callstation/halldemo/call_board.h"
#include "callstation/controller_process/controller_process.h"
#include "callstation/halldemo/demo_hall.h"
#include "callstation/halldemo/demo_programs.h"
#include "callstation/halldemo/stations.h"
#include "callstation/halldemo/demo_terminal.h"
#include "callstation/halldemo/report_table.h"
#include "callstation/halldemo/ticket_machines.h"
#include "callstation/halldemo/window_clerk.h"
#include "callstation/halldemo/window_pad_station.h"
#include "shared/tz/system_zone.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <thread>

namespace fs = std::filesystem;
using namespace hall;
using namespace hall::demo;
using nlohmann::json;

namespace {

enum Exit { Ok = 0, Inconsistent = 1, BadInput = 2, ControllerFailed = 3, Interrupted = 130 };

// Set by Ctrl-C / SIGTERM (a lock-free atomic may be stored from a signal handler) or by a
// terminal thread that failed.
std::atomic<bool> gStop{false};
std::atomic<bool> gInterrupted{false};
extern "C" void onSignal(int) {
    gInterrupted.store(true);
    gStop.store(true);
}

// The first failure of a terminal thread; it stops the demo.
struct Failure {
    std::mutex mutex;
    std::string message;
    void set(const std::string& what) {
        std::lock_guard lock(mutex);
        if (message.empty()) message = what;
        gStop.store(true);
    }
};

template <typename Body>
std::thread terminalThread(Failure& failure, std::string name, Body body) {
    return std::thread([&failure, name = std::move(name), body = std::move(body)]() mutable {
        try {
            body();
        } catch (const std::exception& e) {
            failure.set(name + ": " + e.what());
        }
    });
}

json getJson(netclient::RestClient& admin, const std::string& target) {
    const auto reply = admin.get(target);
    if (!reply.ok())
        throw std::runtime_error("GET " + target + ": HTTP " + std::to_string(reply.status) + " " +
                                 reply.body);
    return json::parse(reply.body);
}

// The demo's hall clock, aligned to the daemon's: read its clock in the middle of a round trip.
DemoTime calibrate(netclient::RestClient& admin, double speed) {
    const auto before = std::chrono::steady_clock::now();
    const auto status = getJson(admin, "/api/v1/status");
    const auto after = std::chrono::steady_clock::now();
    const core::Timestamp hallNow{core::Millis(status.at("now_ms").get<std::int64_t>())};
    return DemoTime(hallNow, before + (after - before) / 2, speed);
}

std::vector<std::string> crossCheck(DemoTally& tally, const json& hall) {
    std::vector<std::string> problems;
    const auto expect = [&](const char* what, int terminals, int controller) {
        if (terminals != controller)
            problems.push_back(std::string(what) + ": terminals " + std::to_string(terminals) +
                               ", controller's report " + std::to_string(controller));
    };
    expect("issued", tally.issued, hall.value("issued", 0));
    expect("served", tally.served, hall.value("served", 0));
    expect("transferred", tally.transfers, hall.value("transferred", 0));
    expect("final no-shows", tally.finalNoShows, hall.value("no_show", 0));
    // The terminals count the citizens who gave up. When the windows stopped with citizens still
    // waiting (on a loaded machine the windows serve fewer per hall hour), the night's day close
    // cancels those too, unseen by any terminal; the report counts them apart.
    expect("cancelled", tally.cancelled,
           hall.value("cancelled", 0) - hall.value("cancelled_at_close", 0));
    expect("rated", tally.ratings, hall.value("rated", 0));
    expect("bad ratings", tally.badRatings,
           hall.value("very_dissatisfied", 0) + hall.value("dissatisfied", 0));
    // Every call and recall reaches exactly one call board: the one of the window's zone.
    expect("calls on the boards", tally.calls + tally.recalls, tally.boardCalls);
    if (tally.unexpected > 0)
        problems.push_back(std::to_string(tally.unexpected.load()) +
                           " requests refused unexpectedly (see 模拟异常 in the log)");
    return problems;
}

// No display to open windows on: the apps run offscreen and their screens are saved instead.
bool headless() {
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    return (platform && std::string(platform) == "offscreen") ||
           (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"));
}

// The demo hall with one line of LED window strips on devsim's bus, strip N over window N.
std::string demoHallWithStrips(const fs::path& ledLine) {
    std::string toml(config::demoHallToml());
    toml += "\n# halldemo: the window strips on devsim's LED bus\n[[led_lines]]\nport = \"" +
            ledLine.string() + "\"\nstrips = [";
    const auto hall = config::demoHall();
    for (std::size_t i = 0; i < hall.windows.size(); ++i)
        toml += (i ? ", " : " ") + std::string("{ window = ") +
                std::to_string(hall.windows[i].number) + ", unit = " + std::to_string(i + 1) + " }";
    return toml + " ]\n";
}

// --demo-clock for a box started now: the hall clock's local reading, its speed and the real
// instant of the reading (the box joins the running clock however long it takes to start).
std::string demoClockNow(const core::TimeZone& zone, const DemoTime& time) {
    const auto now = time.now();
    const auto realMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    const auto local = core::toLocal(zone, now);
    const auto second =
        (now - core::localToUtc(zone, local.date, local.minuteOfDay)).count() / 1000 % 60;
    char text[64];
    std::snprintf(text, sizeof text, "%02d:%02d:%02d@%g@%lld", local.minuteOfDay / 60,
                  local.minuteOfDay % 60, static_cast<int>(second), time.speed(),
                  static_cast<long long>(realMs));
    return text;
}

// "printed N spoiled S discarded D" from devsim's printer twin.
int printedByTwin(const ControlledProgram& devsim) {
    const std::string count = devsim.ask("printer count");
    return std::stoi(count.substr(count.find(' ') + 1));
}

std::string summaryText(DemoTally& tally, double wallSeconds) {
    int refused = 0;
    std::string reasons;
    for (const auto& [code, n] : tally.refusedIssuesCopy()) {
        refused += n;
        reasons += (reasons.empty() ? "" : " · ") + code + " " + std::to_string(n);
    }
    char wall[32];
    std::snprintf(wall, sizeof wall, "%.1f", wallSeconds);
    return "\n【终端所见】取号机前 " + std::to_string(tally.arrivals.load()) + " 次：出号 " +
           std::to_string(tally.issued.load()) + "，未出号 " + std::to_string(refused) +
           (reasons.empty() ? "" : "（" + reasons + "）") + "\n  叫号 " +
           std::to_string(tally.calls.load()) + " · 重呼 " + std::to_string(tally.recalls.load()) +
           " · 过号 " + std::to_string(tally.noShows.load()) + "（作废 " +
           std::to_string(tally.finalNoShows.load()) + "）· 转办 " +
           std::to_string(tally.transfers.load()) + " · 办结 " +
           std::to_string(tally.served.load()) + " · 放弃等候 " +
           std::to_string(tally.cancelled.load()) + " · 评价 " +
           std::to_string(tally.ratings.load()) + "\n  叫号屏收到呼叫 " +
           std::to_string(tally.boardCalls.load()) + " 次，推送中断后重新同步 " +
           std::to_string(tally.boardResyncs.load()) + " 次；实际用时 " + wall + " 秒\n";
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"halldemo: a simulated hall day through callstationd and real terminal "
                 "connections, with a live log and the day's report"};
    double speed = 1200.0;
    std::uint64_t seed = 0;
    bool quiet = false;
    bool keep = false;
    int machineCount = 4;
    std::string configFile;
    bool noApps = false;
    std::string screensOption;
    app.add_option("--speed", speed, "hall seconds per real second (default 1200: a day in ~40 s)")
        ->check(CLI::Range(10.0, 6000.0));
    auto* seedOption = app.add_option("--seed", seed, "random seed (default: a random one, printed)");
    app.add_flag("--quiet", quiet, "no live log, only the report");
    app.add_flag("--keep", keep, "keep the controller's data directory (database, log, PKI)");
    app.add_option("--ticket-machines", machineCount, "ticket machines in the hall")
        ->check(CLI::Range(1, 16));
    app.add_option("--config", configFile,
                   "hall configuration (TOML) for the controller; default: its demo hall")
        ->check(CLI::ExistingFile);
    app.add_flag("--no-apps", noApps,
                 "the protocol-level terminals only: no devsim, no hall-callstation, no "
                 "hall-windowpad");
    app.add_option("--screens", screensOption,
                   "save the apps' screens every hall hour here (default without a display: a "
                   "new halldemo-screens-XXXXXX in the current directory)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help exits 0; every usage error exits 2 (not CLI11's own codes), as documented.
        return e.get_exit_code() == 0 ? app.exit(e) : (app.exit(e), BadInput);
    }
    if (!*seedOption) seed = std::random_device{}();

    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "halldemo-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        std::cerr << "halldemo: cannot create a temporary directory\n";
        return ControllerFailed;
    }
    const fs::path dataDir = pattern;
    const auto cleanUp = [&] {
        if (!keep) fs::remove_all(dataDir, ec);
    };
    if (!configFile.empty() &&
        !fs::copy_file(configFile, dataDir / controller::files::kHallConfig, ec)) {
        std::cerr << "halldemo: cannot copy " << configFile << " into the data directory: "
                  << ec.message() << "\n";
        cleanUp();
        return BadInput;
    }

    // Without a display the apps' screens are saved, in a folder the demo names.
    std::optional<fs::path> screens;
    if (!noApps && !screensOption.empty()) screens = fs::absolute(screensOption);
    if (!noApps && screensOption.empty() && headless()) {
        std::string folder = (fs::current_path(ec) / "halldemo-screens-XXXXXX").string();
        if (!mkdtemp(folder.data())) {
            std::cerr << "halldemo: cannot create a screens folder in the current directory\n";
            cleanUp();
            return BadInput;
        }
        screens = folder;
    }

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    Failure failure;
    int status = Ok;
    try {
        // devsim first: the hall's LED line is its bus.
        std::optional<DemoDevices> devices;
        if (!noApps) {
            const fs::path tickets = (screens ? *screens : dataDir) / "tickets";
            devices = DemoDevices::start(dataDir / "devsim", tickets,
                                         static_cast<int>(config::demoHall().windows.size()));
            if (configFile.empty())
                std::ofstream(dataDir / controller::files::kHallConfig)
                    << demoHallWithStrips(devices->ledLine);
        }
        char clock[32];
        std::snprintf(clock, sizeof clock, "08:00@%g", speed);
        ControllerProcess controller(ControllerLaunch{dataDir, std::nullopt, clock});
        auto admin = controller.admin();
        const DemoTime time = calibrate(admin, speed);

        auto loaded = config::loadHallConfig(dataDir / controller::files::kHallConfig);
        if (auto* errors = std::get_if<std::vector<core::ConfigError>>(&loaded)) {
            std::cerr << "halldemo: the hall configuration is not valid:\n"
                      << core::describe(*errors);
            cleanUp();
            return BadInput;
        }
        const auto config = std::get<core::HallConfig>(std::move(loaded));
        const auto zone = tz::loadZone(config.timeZone);
        const auto day = core::toLocal(*zone, time.now()).date;
        const sim::SimProfile profile = sim::SimProfile::standard();

        std::cout << "halldemo · " << config.name << " · " << core::formatDay(day) << "\n"
                  << "callstationd 127.0.0.1:" << controller.port() << "（日志 "
                  << controller.logFile().string() << "）· 大厅时钟 08:00 起 " << speed
                  << " 倍速 · 种子 " << seed << "（--seed " << seed << " 可重现）\n"
                  << std::flush;

        // --- the hall's terminals, each enrolled with a one-time code ------------------------
        std::vector<DemoTerminal> machines;
        for (int i = 1; i <= machineCount; ++i)
            machines.push_back(DemoTerminal::enroll(controller, "ticket-machine-" +
                                                    std::to_string(i), protocol::Role::TicketMachine));
        // With the apps, hall-windowpad is the first window's pad and its clerk the first staff
        // member.
        const bool windowPadApp = !noApps && !config.windows.empty() && !config.staff.empty();
        std::vector<DemoTerminal> pads;
        std::vector<ClerkShift> shifts;
        for (std::size_t i = windowPadApp ? 1 : 0;
             i < config.windows.size() && i < config.staff.size(); ++i) {
            const auto& window = config.windows[i];
            pads.push_back(DemoTerminal::enroll(controller,
                                                "window-pad-" + std::to_string(window.number),
                                                protocol::Role::WindowPad, window.number));
            // Every third window pauses for lunch; the others eat in turns.
            shifts.push_back(ClerkShift{&window, &config.staff[i], i % 3 == 2});
        }
        std::vector<DemoTerminal> boards;
        for (const auto& z : config.zones)
            boards.push_back(DemoTerminal::enroll(controller, "call-board-" + z.id,
                                                  protocol::Role::CallBoard, std::nullopt, z.id));
        std::cout << "终端已登记并连接（每台一条 TLS WebSocket）：取号机 " << machines.size()
                  << " 台 · 窗口呼叫器 " << pads.size() << " 台 · 叫号屏 " << boards.size()
                  << " 块\n";
        // The app in both roles, on devsim's printer and ID-card reader; the window pad.
        std::unique_ptr<ControlledProgram> appMachine, appBoard, appPad;
        if (devices) {
            const bool offscreen = headless() || screens.has_value();
            StationLaunch machineLaunch{"ticket_machine", "", offscreen, 1080, 1920,
                                        demoClockNow(*zone, time), config.timeZone};
            appMachine = startStation(controller, *devices, dataDir / "app-ticket-machine",
                                      machineLaunch);
            StationLaunch boardLaunch{"call_board", config.zones.front().id, offscreen, 1920, 1080,
                                      demoClockNow(*zone, time), config.timeZone};
            appBoard = startStation(controller, *devices, dataDir / "app-call-board", boardLaunch);
            std::cout << "hall-callstation：取号机 1 台（devsim 的打印机和身份证读卡器）· 叫号屏 1 块（"
                      << config.zones.front().nameZh << "）· 窗口 LED 条屏在 devsim 的总线上\n";
            if (windowPadApp) {
                // A 10" pad for the clerk and one turned to the citizen: two windows of 1280×800.
                StationLaunch padLaunch{"window_pad",
                                        "",
                                        offscreen,
                                        1280,
                                        800,
                                        demoClockNow(*zone, time),
                                        config.timeZone,
                                        config.windows.front().number,
                                        kWindowPadOptions};
                appPad = startStation(controller, *devices, dataDir / "app-window-pad", padLaunch);
                std::cout << "hall-windowpad：" << config.windows.front().number
                          << " 号窗口的呼叫器和评价器（两个屏幕），由 " << config.staff.front().name
                          << " 接待\n";
            }
            if (screens)
                std::cout << "每个整点保存屏幕截图和 LED 条屏内容，打印的号票在其 tickets/ 中："
                          << screens->string() << "\n";
        }
        std::cout << "\n" << std::flush;

        // --- the day ---------------------------------------------------------------------------
        LiveLog log(zone, time, quiet);
        Citizens citizens(profile, seed ^ 0x9e3779b97f4a7c15ULL);
        DemoTally tally;
        DemoHall hall{config, zone, day, profile, time, log, citizens, tally, gStop};
        const auto wallStart = std::chrono::steady_clock::now();

        std::vector<std::thread> boardThreads;
        for (std::size_t i = 0; i < boards.size(); ++i)
            boardThreads.push_back(terminalThread(
                failure, boards[i].name(),
                [&hall, &zone = config.zones[i], board = std::move(boards[i])]() mutable {
                    runCallBoard(hall, std::move(board), zone);
                }));
        std::thread machineThread = terminalThread(failure, "ticket machines", [&] {
            runTicketMachines(hall, machines, seed);
        });
        std::thread stationThread;
        if (appMachine)
            stationThread = terminalThread(failure, "hall-callstation", [&] {
                runStations(hall, Stations{controller, *appMachine, *appBoard, *devices->devsim,
                                           devices->people, screens});
            });
        std::vector<std::thread> clerkThreads;
        if (appPad)
            clerkThreads.push_back(
                terminalThread(failure, "hall-windowpad", [&, padSeed = seed + pads.size() + 1] {
                    runWindowPad(hall,
                                 WindowPadStation{controller, *appPad, config.windows.front(),
                                                  config.staff.front(), screens},
                                 padSeed); // after the clerks' seeds
                }));
        for (std::size_t i = 0; i < pads.size(); ++i)
            clerkThreads.push_back(terminalThread(
                failure, pads[i].name(),
                [&hall, shift = shifts[i], pad = std::move(pads[i]), clerkSeed = seed + i + 1]() mutable {
                    WindowClerk(hall, std::move(pad), shift, clerkSeed).run();
                }));
        for (auto& t : clerkThreads)
            t.join();
        hall.dayOver = true;
        if (stationThread.joinable()) stationThread.join();
        appMachine.reset(); // the boxes are switched off before the controller
        appBoard.reset();
        appPad.reset();
        machineThread.join();
        for (auto& t : boardThreads)
            t.join();
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();

        if (!failure.message.empty()) {
            std::cerr << "halldemo: " << failure.message << "\n  the controller's log: "
                      << controller.logFile().string() << "\n";
            keep = true;
            return ControllerFailed;
        }

        // --- the day's report, from the controller ---------------------------------------------
        const std::string from = "/api/v1/reports?from=" + core::formatDay(day) + "&by=";
        const auto byService = getJson(admin, from + "service");
        const auto byWindow = getJson(admin, from + "window");
        const auto byHall = getJson(admin, from + "hall");
        std::cout << formatReport(config, byService, byWindow, byHall) << summaryText(tally, wall);
        if (devices)
            std::cout << "  其中 hall-callstation 取号机（触屏取号、扫码签到）打印号票 " << tally.appPrinted.load()
                      << " 张（devsim 打印机收到并切纸 " << printedByTwin(*devices->devsim) << " 张）\n";
        if (windowPadApp)
            std::cout << "  其中 hall-windowpad（窗口 " << config.windows.front().number
                      << " 的呼叫器和评价器）办结 " << tally.padServed.load() << " 件，评价 "
                      << tally.padRated.load() << " 次\n";

        if (gInterrupted) {
            std::cout << "  （已中断，报告只含中断前的部分）\n";
            status = Interrupted;
        } else {
            auto problems = crossCheck(tally, hallRow(byHall));
            if (devices && printedByTwin(*devices->devsim) != tally.appPrinted)
                problems.push_back("tickets printed: the app says " +
                                   std::to_string(tally.appPrinted.load()) +
                                   ", the printer twin cut " +
                                   std::to_string(printedByTwin(*devices->devsim)));
            for (const auto& p : problems)
                std::cerr << "halldemo: inconsistency: " << p << "\n";
            if (!problems.empty()) status = Inconsistent;
            else std::cout << "  终端所见与控制器日报一致\n";
        }
        if (const int exit = controller.stop(); exit != 0) {
            std::cerr << "halldemo: callstationd exited with status " << exit << "\n";
            if (status == Ok) status = ControllerFailed;
        }
    } catch (const ControllerStartError& e) {
        std::cerr << "halldemo: " << e.what() << "\n"; // its log's last lines say why
        status = ControllerFailed;
    } catch (const std::exception& e) {
        std::cerr << "halldemo: " << e.what() << "\n";
        keep = true;
        status = gInterrupted ? Interrupted : ControllerFailed;
    }
    if (keep) std::cout << "  数据目录已保留：" << dataDir.string() << "\n";
    cleanUp();
    return status;
}
