#include "callstation/halldemo/demo_programs.h"

#include "callstation/halldemo/control_line.h"
#include "shared/technician/settings_file.h"

#include <fstream>
#include <sstream>

namespace hall::demo {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string logTail(const fs::path& log) {
    std::ifstream in(log);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    std::string tail;
    for (std::size_t i = lines.size() > 8 ? lines.size() - 8 : 0; i < lines.size(); ++i)
        tail += "\n  " + lines[i];
    return tail;
}

} // namespace

ControlledProgram::ControlledProgram(std::string name, std::vector<std::string> argv,
                                     fs::path socket, fs::path log,
                                     std::vector<std::string> environment)
    : name_(std::move(name)), socket_(std::move(socket)), log_(std::move(log)) {
    process_.start(argv, log_, environment);
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (!waitForControl(socket_, 100ms)) {
        if (!process_.running())
            throw std::runtime_error(name_ + " exited during start-up (" +
                                     process_.exitDescription() + ")" + logTail(log_));
        if (std::chrono::steady_clock::now() > deadline) {
            process_.kill();
            throw std::runtime_error(name_ + " did not answer on " + socket_.string() +
                                     " within 60 s" + logTail(log_));
        }
    }
}

std::string ControlledProgram::ask(const std::string& command) const {
    return askControl(socket_, command);
}

DemoDevices DemoDevices::start(const fs::path& dir, const fs::path& tickets, int ledStrips) {
    fs::create_directories(dir);
    fs::create_directories(tickets);
    const fs::path binary = suiteProgram("devsim", DEVSIM_BUILD_PATH);
    DemoDevices devices;
    devices.devsim = std::make_unique<ControlledProgram>(
        "devsim",
        std::vector<std::string>{
            binary.string(), "--control", (dir / "devsim.sock").string(), "--printer-tcp", "0",
            "--printer-out", tickets.string(), "--led-pty", (dir / "ttyLED").string(),
            "--led-strips", std::to_string(ledStrips), "--idcard-pty", (dir / "ttyIDCARD").string(),
            "--scanner-pty", (dir / "ttySCANNER").string()},
        dir / "devsim.sock", dir / "devsim.log");
    // "<status>; tcp port N"
    const std::string status = devices.devsim->ask("printer status");
    const auto port = status.rfind("tcp port ");
    if (port == std::string::npos)
        throw std::runtime_error("devsim did not say its printer's port: " + status);
    devices.printerPort = static_cast<std::uint16_t>(std::stoi(status.substr(port + 9)));
    // The links point at /dev/pts/N: the device nodes a driver's settings name.
    devices.ledLine = fs::canonical(dir / "ttyLED");
    devices.idCardLine = fs::canonical(dir / "ttyIDCARD");
    devices.scannerLine = fs::canonical(dir / "ttySCANNER");
    std::istringstream keys(devices.devsim->ask("people"));
    for (std::string key; keys >> key;)
        devices.people.push_back(key);
    return devices;
}

std::unique_ptr<ControlledProgram> startStation(const ControllerProcess& controller,
                                                const DemoDevices& devices, const fs::path& dir,
                                                const StationLaunch& launch) {
    fs::create_directories(dir);
    const fs::path ca = dir / "hall-ca.pem";
    std::ofstream(ca) << controller.caPem();
    technician::TerminalSettings settings;
    if (launch.role == "ticket_machine") {
        settings.devices.push_back({drivers::DeviceKind::IdCardReader, "idcard.sam-serial",
                                    drivers::Transport::Serial, devices.idCardLine.string(),
                                    115200});
        settings.devices.push_back({drivers::DeviceKind::CodeScanner, "scanner.serial",
                                    drivers::Transport::Serial, devices.scannerLine.string(),
                                    9600});
        settings.devices.push_back(
            {drivers::DeviceKind::TicketPrinter, "printer.escpos-tcp", drivers::Transport::Tcp,
             "127.0.0.1:" + std::to_string(devices.printerPort), std::nullopt});
    }
    technician::writeSettingsFile(dir / technician::kSettingsFileName, settings);

    std::vector<std::string> environment{"TZ=" + launch.timeZone};
    if (launch.headless) {
        // Qt's offscreen platform takes its screen from a file: the box's screen, full size.
        const fs::path screen = dir / "offscreen-screen.json";
        std::ofstream(screen) << R"({"screens": [{"name": "box", "x": 0, "y": 0, "width": )"
                              << launch.width << R"(, "height": )" << launch.height
                              << R"(, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})";
        environment.push_back("QT_QPA_PLATFORM=offscreen:configfile=" + screen.string());
    }
    const std::string name = "app-" + launch.role + (launch.zone.empty() ? "" : "-" + launch.zone) +
                             (launch.window ? "-" + std::to_string(*launch.window) : "");
    const fs::path binary = launch.role == "window_pad"
                                ? suiteProgram("hall-windowpad", HALL_WINDOWPAD_BUILD_PATH)
                                : suiteProgram("hall-callstation", HALL_CALLSTATION_BUILD_PATH);
    std::vector<std::string> argv{
        binary.string(),
        "--data-dir",
        dir.string(),
        "--ca",
        ca.string(),
        "--controller",
        "127.0.0.1:" + std::to_string(controller.port()),
        "--enroll",
        controller.enrollmentCode(name, launch.role, launch.window, launch.zone),
        "--control",
        (dir / "control.sock").string()};
    if (!launch.demoClock.empty()) argv.insert(argv.end(), {"--demo-clock", launch.demoClock});
    argv.insert(argv.end(), launch.options.begin(), launch.options.end());
    return std::make_unique<ControlledProgram>(name, argv, dir / "control.sock", dir / "app.log",
                                               environment);
}

} // namespace hall::demo
