// followups list, show, assign and close: the follow-up cases (差评整改) the controller opens for
// every bad rating a citizen gives (/api/v1/followups). A case is due by the end of a day some
// working days on (DUE, the hall's date); it is assigned to someone and closed with a note, and
// a closed case does not change. `show` prints the citizen's comment, which the follow-up needs;
// `list` does not.

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/output.h"
#include "callstation/hallctl/session.h"

#include <iostream>
#include <memory>

namespace hall::hallctl {

namespace http = boost::beast::http;
using json = nlohmann::ordered_json;

namespace {

std::string caseTarget(std::int64_t id) {
    return "/api/v1/followups/" + std::to_string(id);
}

// "open", "in_progress, overdue", …
std::string stateText(const json& c) {
    return text(c, "state") + (c.value("overdue", false) ? ", overdue" : "");
}

std::string joined(const json& list) {
    std::string out;
    for (const auto& item : list)
        if (item.is_string()) out += (out.empty() ? "" : "、") + item.get<std::string>();
    return orDash(out);
}

void printList(const json& answer) {
    const auto& cases = answer.at("followups");
    if (cases.empty()) {
        std::cout << "No follow-up cases.\n";
        return;
    }
    Table table({"ID", "TICKET", "WINDOW", "LEVEL", "STATE", "DUE", "ASSIGNEE"}, {0, 2});
    for (const auto& c : cases)
        table.add({cell(c, "id"), cell(c, "number"), cell(c, "window"), cell(c, "level_zh"),
                   stateText(c), cell(c, "due_day"), cell(c, "assignee")});
    table.print(std::cout);
}

void printCase(const json& c) {
    std::cout << "Case " << cell(c, "id") << ": ticket " << cell(c, "number") << ", service "
              << cell(c, "service") << ", window " << cell(c, "window") << ", staff "
              << cell(c, "staff") << '\n'
              << "rating:    " << cell(c, "level_zh") << " (" << cell(c, "level") << ")"
              << (c.value("supplementary", false) ? ", a supplementary rating (追评)" : "") << '\n'
              << "reasons:   " << joined(c.value("reasons", json::array())) << '\n'
              << "comment:   " << cell(c, "comment") << '\n'
              << "opened:    " << cell(c, "opened_at") << '\n'
              << "due:       by the end of " << cell(c, "due_day") << " (hall time; "
              << cell(c, "deadline") << ")\n"
              << "state:     " << stateText(c) << '\n';
    if (c.contains("assignee"))
        std::cout << "assigned:  to " << cell(c, "assignee") << " at " << cell(c, "assigned_at")
                  << (text(c, "assign_note").empty() ? "" : ": " + text(c, "assign_note")) << '\n';
    if (c.contains("closed_by"))
        std::cout << "closed:    by " << cell(c, "closed_by") << " at " << cell(c, "closed_at")
                  << ": " << cell(c, "close_note") << '\n';
}

} // namespace

void addFollowUpCommands(Commands& commands) {
    CLI::App* followups =
        commands.group(commands.app(), "followups", "follow-up cases of bad ratings (差评整改)");

    struct ListArgs {
        std::string state;
        int limit = 100;
    };
    auto l = std::make_shared<ListArgs>();
    CLI::App* list =
        commands.add(*followups, "list", "the cases, newest first", [l](Session& session) {
            std::string target = "/api/v1/followups?limit=" + std::to_string(l->limit);
            if (!l->state.empty()) target += "&state=" + l->state;
            const json answer = session.get(target);
            session.jsonOutput() ? printJson(answer) : printList(answer);
        });
    list->add_option("--state", l->state,
                     "only open, in_progress or closed cases, or overdue ones (not closed and "
                     "past their deadline)")
        ->check(CLI::IsMember({"open", "in_progress", "closed", "overdue"}));
    list->add_option("--limit", l->limit, "how many")
        ->check(CLI::Range(1, 1000))
        ->capture_default_str();

    auto showId = std::make_shared<std::int64_t>(0);
    CLI::App* show = commands.add(*followups, "show", "one case, with the citizen's comment",
                                  [showId](Session& session) {
                                      const json answer = session.get(caseTarget(*showId));
                                      session.jsonOutput() ? printJson(answer) : printCase(answer);
                                  });
    show->add_option("ID", *showId, "the case's id, as list shows it")
        ->required()
        ->check(CLI::PositiveNumber);

    struct AssignArgs {
        std::int64_t id = 0;
        std::string to, note;
    };
    auto a = std::make_shared<AssignArgs>();
    CLI::App* assign = commands.add(
        *followups, "assign", "hand a case to someone (again: to someone else)",
        [a](Session& session) {
            json body{{"assignee", a->to}};
            if (!a->note.empty()) body["note"] = a->note;
            const json answer = session.send(http::verb::post, caseTarget(a->id) + "/assign", body);
            if (session.jsonOutput()) return printJson(answer);
            std::cout << "Case " << cell(answer, "id") << " (" << cell(answer, "number")
                      << ") assigned to " << cell(answer, "assignee") << ".\n";
        });
    assign->add_option("ID", a->id, "the case's id")->required()->check(CLI::PositiveNumber);
    assign->add_option("--to", a->to, "who takes it: a manager's name, a staff id")->required();
    assign->add_option("--note", a->note, "a note for them");

    struct CloseArgs {
        std::int64_t id = 0;
        std::string note, by;
    };
    auto c = std::make_shared<CloseArgs>();
    CLI::App* close = commands.add(
        *followups, "close", "close a case with what was done; it does not change again",
        [c](Session& session) {
            const json answer = session.send(http::verb::post, caseTarget(c->id) + "/close",
                                             json{{"note", c->note}, {"closed_by", c->by}});
            if (session.jsonOutput()) return printJson(answer);
            std::cout << "Case " << cell(answer, "id") << " (" << cell(answer, "number")
                      << ") closed by " << cell(answer, "closed_by") << ".\n";
        });
    close->add_option("ID", c->id, "the case's id")->required()->check(CLI::PositiveNumber);
    close->add_option("--note", c->note, "what was done (required)")->required();
    close->add_option("--by", c->by, "who closes it (required)")->required();
}

} // namespace hall::hallctl
