// status, config and notices: what the hall looks like now (GET /api/v1/status, /config,
// /notices) and the one part of it changed through the API, the notices (PUT /api/v1/notices).

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/output.h"
#include "callstation/hallctl/session.h"

#include <iostream>
#include <map>
#include <memory>

namespace hall::hallctl {

namespace http = boost::beast::http;
using json = nlohmann::ordered_json;

namespace {

// A window as the snapshot shows it ({"number","staff","paused","pause_reason","current"?}).
std::string windowState(const json& window) {
    if (window.value("paused", false)) {
        const auto reason = text(window, "pause_reason");
        return reason.empty() ? "paused" : "paused: " + reason;
    }
    if (const auto it = window.find("current"); it != window.end()) return text(*it, "state");
    return text(window, "staff").empty() ? "closed" : "open";
}

void printStatus(const json& status, const json& config) {
    std::map<std::string, const json*> services, windows, staff;
    for (const auto& s : config.at("services")) services[text(s, "id")] = &s;
    for (const auto& w : config.at("windows")) windows[std::to_string(w.value("number", 0))] = &w;
    for (const auto& s : config.at("staff")) staff[text(s, "id")] = &s;

    std::cout << text(status, "hall") << " (" << text(status, "time_zone") << "), "
              << status.value("terminals_online", 0) << " terminal(s) online\n\n";

    Table queues({"SERVICE", "PREFIX", "NAME", "WAITING", "EST. WAIT"}, {3, 4});
    for (const auto& q : status.at("queues").at("services")) {
        const auto id = text(q, "service");
        const json* s = services.count(id) ? services[id] : nullptr;
        const auto wait = q.find("estimated_wait_ms");
        queues.add({id, s ? text(*s, "prefix") : "", s ? text(*s, "name_en") : "",
                    std::to_string(q.value("waiting", 0)),
                    wait != q.end() && wait->is_number() ? formatDuration(wait->get<std::int64_t>()) : "—"});
    }
    queues.print(std::cout);

    std::cout << '\n';
    Table table({"WINDOW", "NAME", "ZONE", "STATE", "TICKET", "STAFF"});
    for (const auto& w : status.at("windows")) {
        const auto number = std::to_string(w.value("number", 0));
        const json* configured = windows.count(number) ? windows[number] : nullptr;
        std::string ticket;
        if (const auto it = w.find("current"); it != w.end()) ticket = text(*it, "number");
        std::string who = text(w, "staff");
        if (!who.empty() && staff.count(who)) who += " " + text(*staff[who], "name");
        table.add({number, configured ? orDash(text(*configured, "name")) : "—",
                   configured ? orDash(text(*configured, "zone")) : "—", windowState(w), orDash(ticket),
                   orDash(who)});
    }
    table.print(std::cout);

    const auto& notices = status.at("notices");
    std::cout << '\n';
    if (notices.empty()) {
        std::cout << "No notices.\n";
        return;
    }
    Table list({"NOTICE", "TEXT"});
    for (const auto& n : notices) list.add({text(n, "id"), text(n, "text")});
    list.print(std::cout);
}

void printConfig(const json& config) {
    std::cout << text(config, "hall") << " (" << text(config, "time_zone") << ")\n\n";
    Table zones({"ZONE", "NAME (ZH)", "NAME (EN)"});
    for (const auto& z : config.at("zones")) zones.add({text(z, "id"), text(z, "name_zh"), text(z, "name_en")});
    zones.print(std::cout);
    std::cout << '\n';
    Table services({"SERVICE", "PREFIX", "NAME (ZH)", "NAME (EN)"});
    for (const auto& s : config.at("services"))
        services.add({text(s, "id"), text(s, "prefix"), text(s, "name_zh"), text(s, "name_en")});
    services.print(std::cout);
    std::cout << '\n';
    Table windows({"WINDOW", "NAME", "ZONE", "SERVICES"}, {0});
    for (const auto& w : config.at("windows")) {
        std::string served;
        for (const auto& s : w.at("services")) served += (served.empty() ? "" : ", ") + s.get<std::string>();
        windows.add({std::to_string(w.value("number", 0)), text(w, "name"), text(w, "zone"), served});
    }
    windows.print(std::cout);
    std::cout << '\n';
    Table staff({"STAFF", "NAME", "NUMBER"});
    for (const auto& s : config.at("staff")) staff.add({text(s, "id"), text(s, "name"), orDash(text(s, "staff_number"))});
    staff.print(std::cout);
}

void printNotices(const json& answer) {
    const auto& notices = answer.at("notices");
    if (notices.empty()) {
        std::cout << "No notices.\n";
        return;
    }
    Table table({"NOTICE", "TEXT"});
    for (const auto& n : notices) table.add({text(n, "id"), text(n, "text")});
    table.print(std::cout);
}

// The API replaces the whole list (PUT /api/v1/notices), so one notice is changed by reading the
// list and writing it back. Two admins doing this at the same instant: the later write wins.
json putNotices(Session& session, json notices) {
    return session.send(http::verb::put, "/api/v1/notices", json{{"notices", std::move(notices)}});
}

} // namespace

void addHallCommands(Commands& commands) {
    commands.add(commands.app(), "status", "queues, windows and notices of the hall now", [](Session& session) {
        const json status = session.get("/api/v1/status");
        if (session.jsonOutput()) return printJson(status);
        // Names and zones of services and windows are in the configuration, not the snapshot.
        printStatus(status, session.get("/api/v1/config"));
    });

    commands.add(commands.app(), "config", "the hall configuration: zones, services, windows, staff",
                 [](Session& session) {
                     const json config = session.get("/api/v1/config");
                     session.jsonOutput() ? printJson(config) : printConfig(config);
                 });

    CLI::App* notices = commands.add(commands.app(), "notices", "list the notices shown on every terminal",
                                     [](Session& session) {
                                         const json answer = session.get("/api/v1/notices");
                                         session.jsonOutput() ? printJson(answer) : printNotices(answer);
                                     });

    struct SetArgs {
        std::string id, text;
    };
    auto set = std::make_shared<SetArgs>();
    CLI::App* setCommand = commands.add(*notices, "set", "add a notice, or replace the one with this id",
                                        [set](Session& session) {
        json list = session.get("/api/v1/notices").at("notices");
        bool replaced = false;
        for (auto& n : list)
            if (text(n, "id") == set->id) n["text"] = set->text, replaced = true;
        if (!replaced) list.push_back({{"id", set->id}, {"text", set->text}});
        const json answer = putNotices(session, std::move(list));
        if (session.jsonOutput()) return printJson(answer);
        std::cout << "Notice " << set->id << (replaced ? " replaced" : " added") << "; "
                  << answer.at("notices").size() << " notice(s) now shown.\n";
    });
    setCommand->add_option("ID", set->id, "the notice's id, 1–64 bytes")->required();
    setCommand->add_option("TEXT", set->text, "its text, at most 1,024 bytes")->required();

    auto clearId = std::make_shared<std::string>();
    CLI::App* clear = commands.add(*notices, "clear", "remove the notice with this id", [clearId](Session& session) {
        json list = session.get("/api/v1/notices").at("notices");
        json kept = json::array();
        for (auto& n : list)
            if (text(n, "id") != *clearId) kept.push_back(n);
        if (kept.size() == list.size())
            throw Failure(ExitCode::Refused, "no notice with id '" + *clearId + "' (not_found)");
        const json answer = putNotices(session, std::move(kept));
        if (session.jsonOutput()) return printJson(answer);
        std::cout << "Notice " << *clearId << " removed; " << answer.at("notices").size()
                  << " notice(s) now shown.\n";
    });
    clear->add_option("ID", *clearId, "the notice's id")->required();
}

} // namespace hall::hallctl
