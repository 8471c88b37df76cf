// report, audit and health: the day's (or a range's) figures, who changed what, and whether the
// controller answers at all (/healthz needs no credential, so it works before any is set up).

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/output.h"
#include "callstation/hallctl/session.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

namespace hall::hallctl {

using json = nlohmann::ordered_json;

namespace {

// Report figures are seconds (doubles); people read them as durations.
std::string seconds(const json& row, const char* key) {
    const auto it = row.find(key);
    if (it == row.end() || !it->is_number()) return "—";
    return formatDuration(std::llround(it->get<double>() * 1000));
}

// One line per row; SUPPL counts the rated visits that took a supplementary rating (追评).
void printRows(const json& rows) {
    if (rows.empty()) {
        std::cout << "No tickets in this period.\n";
        return;
    }
    Table table({"KEY", "ISSUED", "SERVED", "NO-SHOW", "TRANSFERRED", "CANCELLED", "AT CLOSE",
                 "WAIT P50", "WAIT P90", "SERVICE P50", "RATED", "SUPPL", "SATISFIED"},
                {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    for (const auto& r : rows) {
        const int rated = r.value("rated", 0);
        std::string satisfied = "—";
        if (rated > 0) {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "%.1f%%", r.value("satisfaction", 0.0) * 100);
            satisfied = buffer;
        }
        table.add({cell(r, "key"), cell(r, "issued"), cell(r, "served"), cell(r, "no_show"),
                   cell(r, "transferred"), cell(r, "cancelled"), cell(r, "cancelled_at_close"),
                   seconds(r, "wait_p50_s"),
                   seconds(r, "wait_p90_s"), seconds(r, "service_p50_s"), std::to_string(rated),
                   cell(r, "supplementary"), satisfied});
    }
    table.print(std::cout);
}

void printReport(const json& report) {
    const auto from = report.value("from", std::string()), to = report.value("to", std::string());
    std::cout << "Report " << from << (from == to ? "" : " … " + to) << " by "
              << report.value("by", std::string()) << " (" << report.value("days_with_data", 0)
              << " day(s) with data)\n\n";
    printRows(report.at("rows"));
    // The follow-up cases of bad ratings: opened in the period; not closed at its end (or now).
    if (const auto it = report.find("follow_ups"); it != report.end() && it->is_object())
        std::cout << "\nFollow-up cases (差评整改): " << it->value("opened", 0) << " opened, "
                  << it->value("open", 0) << " open, " << it->value("overdue", 0)
                  << " overdue, as of " << it->value("as_of", std::string("—")) << "\n";
}

void printAudit(const json& answer) {
    const auto& entries = answer.at("entries");
    if (entries.empty()) {
        std::cout << "The audit log is empty.\n";
        return;
    }
    Table table({"SEQ", "AT", "ACTOR", "ACTION", "DETAIL"}, {0});
    for (const auto& e : entries)
        table.add({cell(e, "seq"), cell(e, "at"), cell(e, "actor"), cell(e, "action"), cell(e, "detail")});
    table.print(std::cout);
}

// One line per terminal or bus unit that needs someone; a count when all is well.
void printDeviceHealth(const json& devices) {
    for (const auto& t : devices["terminals"]) {
        std::string faults;
        for (const auto& f : t["faults"]) faults += (faults.empty() ? "" : ", ") + f.get<std::string>();
        std::cout << t.value("name", std::string("?")) << " (" << t.value("role", std::string("?")) << "): ";
        if (!t.value("online", false))
            std::cout << "not connected"
                      << (t.contains("last_seen") ? " since " + t["last_seen"].get<std::string>() : std::string());
        if (!faults.empty()) std::cout << (t.value("online", false) ? "" : "; ") << faults;
        std::cout << "\n";
    }
    int strips = 0, keypads = 0, silent = 0;
    for (const auto& u : devices["bus"]) {
        const bool strip = u["kind"] == "led_strip";
        const bool unit = u.contains("unit");
        if (unit) ++(strip ? strips : keypads);
        if (u.value("answering", true)) continue;
        ++silent;
        std::cout << (strip ? "LED strip" : "keypad");
        if (unit)
            std::cout << " of window " << u.value("window", 0) << " (unit " << u["unit"].get<int>()
                      << " on " << u["line"].get<std::string>() << ")";
        else
            std::cout << " line " << u["line"].get<std::string>();
        std::cout << ": not answering"
                  << (u.contains("since") ? " since " + u["since"].get<std::string>() : std::string())
                  << (u.contains("problem") ? " — " + u["problem"].get<std::string>() : std::string())
                  << "\n";
    }
    if (strips + keypads > 0 && silent == 0)
        std::cout << strips << " LED strip(s), " << keypads << " keypad(s): all answering\n";
    if (devices["terminals"].empty() && silent == 0) std::cout << "no device needs attention\n";
}

} // namespace

void addReportCommands(Commands& commands) {
    struct ReportArgs {
        std::string from, to, by = "service";
        bool csv = false;
    };
    auto r = std::make_shared<ReportArgs>();
    CLI::App* report = commands.add(commands.app(), "report", "the day's figures (or a range's), as a table or CSV",
                                    [r](Session& session) {
        // Dates and `by` are plain ASCII, checked above: nothing needs escaping in the query.
        std::string target = "/api/v1/reports?by=" + r->by;
        if (!r->from.empty()) target += "&from=" + r->from;
        if (!r->to.empty()) target += "&to=" + r->to;
        if (r->csv) {
            std::cout << session.getText(target + "&format=csv"); // as the server wrote it
            return;
        }
        const json answer = session.get(target);
        session.jsonOutput() ? printJson(answer) : printReport(answer);
    });
    report->add_option("--from", r->from, "first day (default: today, the hall's business day)")->check(kDate);
    report->add_option("--to", r->to, "last day (default: --from; at most 366 days)")->check(kDate);
    report->add_option("--by", r->by, "rows per hall, service, window or staff")
        ->check(CLI::IsMember({"hall", "service", "window", "staff"}))
        ->capture_default_str();
    report->add_flag("--csv", r->csv, "the server's CSV (a header line, one line per row) instead of a table");

    auto limit = std::make_shared<int>(20);
    CLI::App* audit = commands.add(commands.app(), "audit", "the audit log, newest first", [limit](Session& session) {
        const json answer = session.get("/api/v1/audit?limit=" + std::to_string(*limit));
        session.jsonOutput() ? printJson(answer) : printAudit(answer);
    });
    audit->add_option("--limit", *limit, "how many entries")->check(CLI::Range(1, 1000))->capture_default_str();

    commands.add(commands.app(), "health",
                 "whether callstationd answers (/healthz, no credential needed), then what needs "
                 "someone: terminals with faults or not connected, LED strips and keypads not answering",
                 [](Session& session) {
                     json health = session.getPublic("/healthz");
                     // The devices need the admin credential; without one, the liveness alone.
                     std::optional<json> devices;
                     std::string why;
                     try {
                         devices = session.get("/api/v1/health");
                     } catch (const Failure& f) {
                         if (f.code() != ExitCode::Auth) throw;
                         why = f.what();
                     }
                     if (session.jsonOutput()) {
                         if (devices) health["devices"] = *devices;
                         return printJson(health);
                     }
                     std::cout << "callstationd at " << session.endpoint().display() << ": "
                               << health.value("status", std::string("?")) << " — "
                               << health.value("journal_events", 0) << " journal events, "
                               << health.value("connections", 0) << " connection(s), "
                               << health.value("terminals", 0) << " terminal(s)\n";
                     if (devices) printDeviceHealth(*devices);
                     else std::cout << "devices: not shown without the admin credential (" << why << ")\n";
                 });
}

} // namespace hall::hallctl
