// devices, enroll, redeem and revoke (/api/v1/devices…). An enrollment code is printed by
// enroll and nowhere else: it is the one command whose purpose is to show a secret, once. The
// credential redeem receives goes into a file of its own (0600), never to the screen.

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/output.h"
#include "callstation/hallctl/request_id.h"
#include "callstation/hallctl/session.h"
#include "shared/protocol/device.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <unistd.h>
#include <memory>
#include <optional>

namespace hall::hallctl {

namespace http = boost::beast::http;
using json = nlohmann::ordered_json;

namespace {

// Device names follow the request-id rule (api.md: 1–64 of [A-Za-z0-9_-]), which also keeps
// them safe in a URL path without escaping.
const CLI::Validator kDeviceName(
    [](std::string& name) {
        return isValidRequestId(name) ? std::string() : "1–64 characters of A–Z a–z 0–9 _ -";
    },
    "NAME");

std::string binding(const json& device) {
    if (const auto it = device.find("window"); it != device.end()) return "window " + it->dump();
    if (const auto it = device.find("zone"); it != device.end() && it->is_string())
        return "zone " + it->get<std::string>();
    return "—";
}

void printDevices(const json& answer) {
    const auto& devices = answer.at("devices");
    if (devices.empty()) {
        std::cout << "No devices enrolled.\n";
        return;
    }
    Table table({"NAME", "ROLE", "BINDING", "ONLINE", "LAST SEEN", "FAULTS"});
    for (const auto& d : devices) {
        std::string online = d.value("online", false) ? "yes" : "no";
        if (d.contains("revoked_at")) online = "revoked";
        std::string faults;
        for (const auto& f : d.value("faults", json::array()))
            faults += (faults.empty() ? "" : ", ") + f.get<std::string>();
        table.add({cell(d, "name"), cell(d, "role"), binding(d), online, cell(d, "last_seen"), orDash(faults)});
    }
    table.print(std::cout);
}

// Writes the credential to a new file only the user can read; an existing file is never
// overwritten (it may hold another device's credential).
void saveCredential(const std::filesystem::path& file, const std::string& credential) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Failure(ExitCode::Unreachable, "the credential was issued but " + file.string() +
                                                 " cannot be created (" + std::strerror(errno) +
                                                 "): enroll the device again");
    const std::string text = credential + "\n";
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        std::filesystem::remove(file);
        throw Failure(ExitCode::Unreachable, "the credential was issued but writing " +
                                                 file.string() + " failed: enroll the device again");
    }
}

} // namespace

void addDeviceCommands(Commands& commands) {
    commands.add(commands.app(), "devices", "enrolled devices: role, binding, online, last seen, faults",
                 [](Session& session) {
                     const json answer = session.get("/api/v1/devices");
                     session.jsonOutput() ? printJson(answer) : printDevices(answer);
                 });

    struct EnrollArgs {
        std::string name, role, zone;
        std::optional<int> window;
        std::optional<int> validHours;
    };
    auto e = std::make_shared<EnrollArgs>();
    CLI::App* enroll = commands.add(commands.app(), "enroll",
                                    "create a one-time enrollment code for a device; prints the code once",
                                    [e](Session& session) {
        json body{{"name", e->name}, {"role", e->role}};
        if (e->window) body["window"] = *e->window;
        if (!e->zone.empty()) body["zone"] = e->zone;
        if (e->validHours) body["valid_hours"] = *e->validHours;
        const json answer = session.send(http::verb::post, "/api/v1/devices/enrollments", body);
        if (session.jsonOutput()) return printJson(answer);
        const std::string bound = binding(answer);
        std::cout << "Enrollment code for " << answer.at("name").get<std::string>() << " ("
                  << answer.at("role").get<std::string>() << (bound == "—" ? "" : ", " + bound) << "):\n\n"
                  << "    " << answer.at("code").get<std::string>() << "\n\n"
                  << "Enter it on the terminal. It works once, until "
                  << answer.at("expires_at").get<std::string>() << ", and is not shown again.\n";
    });
    enroll->add_option("NAME", e->name, "the device's name, e.g. pad-03")->required()->check(kDeviceName);
    enroll->add_option("ROLE", e->role, "ticket_machine, kiosk, window_pad, call_board, led_bridge or admin")
        ->required()
        ->check(CLI::IsMember({"ticket_machine", "kiosk", "window_pad", "call_board", "led_bridge", "admin"}));
    enroll->add_option("--window", e->window, "window_pad: the window it acts for")->check(CLI::Range(1, 99999));
    enroll->add_option("--zone", e->zone, "call_board: the zone whose calls it shows");
    enroll->add_option("--valid-hours", e->validHours, "how long the code can be used (default 24)")
        ->check(CLI::Range(1, 720));

    struct RedeemArgs {
        std::string code;
        std::filesystem::path file;
    };
    auto r = std::make_shared<RedeemArgs>();
    CLI::App* redeem = commands.add(
        commands.app(), "redeem",
        "redeem an enrollment code on this machine and save the credential to a new file "
        "(for --credential-file)",
        [r](Session& session) {
            // Checked first: redeeming uses the code up.
            if (std::filesystem::exists(r->file))
                throw Failure(ExitCode::Usage, r->file.string() + " exists; not overwritten");
            const auto result = session.redeem(r->code);
            saveCredential(r->file, result.credential);
            const auto& device = result.identity;
            if (session.jsonOutput())
                return printJson(json{{"device", device.device},
                                      {"role", protocol::roleName(device.role)},
                                      {"credential_file", r->file.string()}});
            std::cout << "Enrolled as " << device.device << " (" << protocol::roleName(device.role)
                      << "); the credential is in " << r->file.string() << " (mode 0600).\n";
            if (device.role == protocol::Role::Admin)
                std::cout << "Use it with: hallctl --credential-file " << r->file.string()
                          << " …\n";
            else
                std::cout << "Not an admin credential: hallctl cannot use it, a terminal can.\n";
        });
    redeem->add_option("CODE", r->code, "the ten-digit code from hallctl enroll")->required();
    redeem->add_option("FILE", r->file, "where to save the credential (must not exist)")->required();

    auto revokeName = std::make_shared<std::string>();
    CLI::App* revoke = commands.add(commands.app(), "revoke",
                                    "revoke a device: its connections close and its credential is refused",
                                    [revokeName](Session& session) {
        const json answer =
            session.send(http::verb::post, "/api/v1/devices/" + *revokeName + "/revoke", json::object());
        if (session.jsonOutput()) return printJson(answer);
        std::cout << *revokeName << " revoked: its connections are closed and its credential is refused.\n";
    });
    revoke->add_option("NAME", *revokeName, "the device's name")->required()->check(kDeviceName);
}

} // namespace hall::hallctl
