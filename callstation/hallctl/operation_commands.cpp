// The engine operations (POST /api/v1/operations/<type>): the body is the protocol request's
// fields exactly (docs/protocol.md, shared/protocol/codec.cpp), and every one carries an
// Idempotency-Key so that a retried invocation with the same --request-id does nothing twice.

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/output.h"
#include "callstation/hallctl/request_id.h"
#include "callstation/hallctl/session.h"

#include <iostream>
#include <memory>
#include <optional>

namespace hall::hallctl {

namespace http = boost::beast::http;
using json = nlohmann::ordered_json;

namespace {

// Every option an operation may take; each command uses its own few.
struct OperationArgs {
    std::string requestId;
    int window = 0;
    std::string service;
    std::string priority = "normal";
    std::string greenCategory;
    std::string number;
    bool silent = false;
    std::optional<int> toWindow;
    std::string staff;
    std::string reason;
    std::string outcome;
    std::string note;
    bool returnHere = false;
    int minutes = 0;
    std::uint64_t ticket = 0;
};

// Builds the request body from the parsed arguments.
using BodyOf = std::function<json(const OperationArgs&)>;
// One line (or a few) for people from the ticket result {"ticket"?, "ahead"?,
// "estimated_wait_ms"?}.
using Describe = std::function<std::string(const json& result, const OperationArgs&)>;

// The protocol's window range (docs/protocol.md: 1–99999).
const CLI::Range kWindowRange(1, 99999);

const CLI::Validator kRequestIdCheck(
    [](std::string& key) {
        return isValidRequestId(key) ? std::string() : "1–64 characters of A–Z a–z 0–9 _ -";
    },
    "KEY");

std::string ticketNumber(const json& result) {
    const auto it = result.find("ticket");
    return it == result.end() ? std::string() : it->value("number", std::string());
}

CLI::App* addOperation(Commands& commands, const std::string& name, const std::string& description,
                       const std::string& type, BodyOf bodyOf, Describe describe,
                       std::shared_ptr<OperationArgs> args) {
    CLI::App* sub = commands.add(commands.app(), name, description, [=](Session& session) {
        const std::string key = args->requestId.empty() ? newRequestId() : args->requestId;
        const json result = session.send(http::verb::post, "/api/v1/operations/" + type,
                                         bodyOf(*args), {{"Idempotency-Key", key}});
        if (session.jsonOutput()) return printJson(result);
        std::cout << describe(result, *args) << '\n';
    });
    sub->add_option("--request-id", args->requestId,
                    "idempotency key: repeating the command with the same key returns the first "
                    "answer and does nothing twice (default: a new one each time)")
        ->check(kRequestIdCheck);
    return sub;
}

CLI::App* addWindowArg(CLI::App* sub, OperationArgs& args) {
    sub->add_option("WINDOW", args.window, "window number")->required()->check(kWindowRange);
    return sub;
}

// For the operations whose window does something to its current ticket: "A012 done at window 3".
Describe ticketAtWindow(const std::string& what) {
    return [what](const json& result, const OperationArgs& a) {
        const auto number = ticketNumber(result);
        return (number.empty() ? "" : number + " ") + what + " at window " +
               std::to_string(a.window);
    };
}

Describe called(bool recall) {
    return [recall](const json& result, const OperationArgs& a) {
        return ticketNumber(result) + " → window " + std::to_string(a.window) +
               (recall ? " (recalled)" : "") + (a.silent ? " (silent)" : "");
    };
}

std::string describeIssued(const json& result, const OperationArgs&) {
    const json& ticket = result.at("ticket");
    std::string out = ticket.value("number", std::string()) + "  " +
                      ticket.value("service", std::string()) + "  (ticket id " +
                      ticket.at("id").dump() + ")\n";
    out += "people ahead:    " +
           (result.contains("ahead") ? result.at("ahead").dump() : std::string("—")) + "\n";
    const auto wait = result.find("estimated_wait_ms");
    out += "estimated wait:  " +
           (wait == result.end() || !wait->is_number() ? std::string("not known yet")
            : wait->get<std::int64_t>() == 0           ? std::string("none")
                                                       : formatDuration(wait->get<std::int64_t>()));
    return out;
}

} // namespace

void addOperationCommands(Commands& commands) {
    auto windowBody = [](const OperationArgs& a) { return json{{"window", a.window}}; };
    auto silentBody = [](const OperationArgs& a) {
        return json{{"window", a.window}, {"silent", a.silent}};
    };

    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(
            commands, "issue", "issue a ticket for a service", "issue_ticket",
            [](const OperationArgs& args) {
                json body{{"service", args.service}};
                if (args.priority != "normal") body["priority"] = args.priority;
                if (!args.greenCategory.empty()) body["green_category"] = args.greenCategory;
                return body;
            },
            describeIssued, a);
        sub->add_option("SERVICE", a->service, "service id (hallctl config lists them)")
            ->required();
        // Appointment tickets need the booking's id and slot; they come from the booking system.
        sub->add_option("--priority", a->priority, "normal or green_channel")
            ->check(CLI::IsMember({"normal", "green_channel"}))
            ->capture_default_str();
        sub->add_option(
            "--green-category", a->greenCategory,
            "the green-channel category (one the hall configures); with --priority green_channel");
    }
    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(commands, "call-next", "call the next ticket to a window",
                                 "call_next", silentBody, called(false), a);
        addWindowArg(sub, *a);
        sub->add_flag("--silent", a->silent, "show the call, do not announce it by voice");
    }
    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(
            commands, "call", "call a waiting ticket by its number", "call_number",
            [](const OperationArgs& args) {
                json body{
                    {"window", args.window}, {"number", args.number}, {"silent", args.silent}};
                if (!args.reason.empty()) body["reason"] = args.reason;
                return body;
            },
            called(false), a);
        sub->add_option("NUMBER", a->number, "the ticket number, e.g. A017")->required();
        sub->add_option("--window", a->window, "the calling window")
            ->required()
            ->check(kWindowRange);
        sub->add_flag("--silent", a->silent, "show the call, do not announce it by voice");
        sub->add_option(
            "--reason", a->reason,
            "why this ticket out of turn (kept with the call; the hall may require it)");
    }
    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(commands, "recall", "call the window's current ticket again",
                                 "recall", silentBody, called(true), a);
        addWindowArg(sub, *a);
        sub->add_flag("--silent", a->silent, "show the call, do not announce it by voice");
    }
    {
        auto a = std::make_shared<OperationArgs>();
        addWindowArg(addOperation(commands, "start", "start serving the called ticket",
                                  "start_serving", windowBody, ticketAtWindow("serving"), a),
                     *a);
    }
    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(
            commands, "finish", "finish serving the window's ticket", "finish",
            [](const OperationArgs& args) {
                json body{{"window", args.window}};
                if (!args.outcome.empty()) body["outcome"] = args.outcome;
                if (!args.note.empty()) body["note"] = args.note;
                return body;
            },
            ticketAtWindow("done"), a);
        addWindowArg(sub, *a);
        sub->add_option(
            "--outcome", a->outcome,
            "how the visit ended, one of the hall's finish_outcomes (default: the first, "
            "completed)");
        sub->add_option("--note", a->note, "the clerk's note on the outcome");
    }
    {
        auto a = std::make_shared<OperationArgs>();
        // The hall may give a no-show another chance (no_show_requeue_minutes, docs/engine.md):
        // the ticket is then waiting again rather than ended.
        addWindowArg(
            addOperation(
                commands, "no-show", "the called ticket did not come", "mark_no_show", windowBody,
                [](const json& result, const OperationArgs& args) {
                    const auto it = result.find("ticket");
                    const bool requeued = it != result.end() && it->value("state", "") == "waiting";
                    return ticketNumber(result) + " did not come to window " +
                           std::to_string(args.window) +
                           (requeued ? ": it queues again after the hall's delay" : ": no-show");
                },
                a),
            *a);
    }
    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(
            commands, "transfer", "send the window's ticket to another service and/or window",
            "transfer",
            [](const OperationArgs& args) {
                json body{{"window", args.window}};
                if (!args.service.empty()) body["to_service"] = args.service;
                if (args.toWindow) body["to_window"] = *args.toWindow;
                if (!args.note.empty()) body["note"] = args.note;
                if (args.returnHere) body["return_here"] = true;
                return body;
            },
            [](const json& result, const OperationArgs& args) {
                std::string out = ticketNumber(result) + " transferred";
                if (const auto it = result.find("ticket"); it != result.end())
                    out += " to " + it->value("service", std::string());
                if (args.toWindow) out += ", for window " + std::to_string(*args.toWindow);
                if (args.returnHere)
                    out += "; it comes back to window " + std::to_string(args.window) +
                           " when that window finishes";
                return out;
            },
            a);
        addWindowArg(sub, *a);
        sub->add_option("SERVICE", a->service,
                        "the service it goes to (default: it keeps its service)");
        sub->add_option("--to-window", a->toWindow,
                        "the window that is to call it (default: any serving the service)")
            ->check(kWindowRange);
        sub->add_option("--note", a->note, "a short note for the window it goes to");
        sub->add_flag("--return-here", a->returnHere,
                      "bring it back to this window once the other window finishes it");
        // The protocol allows neither, but a transfer that changes nothing is a typing mistake.
        sub->callback([a] {
            if (a->service.empty() && !a->toWindow)
                throw CLI::ValidationError("transfer", "name a SERVICE, --to-window, or both");
        });
    }
    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(
            commands, "park",
            "park the window's ticket (挂起): it waits for this window while the citizen fetches "
            "a paper",
            "park",
            [](const OperationArgs& args) {
                json body{{"window", args.window}};
                if (args.minutes) body["minutes"] = args.minutes;
                return body;
            },
            [](const json& result, const OperationArgs& args) {
                return ticketNumber(result) + " parked: window " + std::to_string(args.window) +
                       " calls it next once its time is up (or call it by number before)";
            },
            a);
        addWindowArg(sub, *a);
        sub->add_option("--minutes", a->minutes,
                        "when it comes back (default: the hall's park_return_minutes)")
            ->check(CLI::Range(1, 240));
    }
    {
        auto a = std::make_shared<OperationArgs>();
        addWindowArg(addOperation(
                         commands, "undo", "undo the window's last call: the ticket waits again",
                         "undo_call", windowBody,
                         [](const json& result, const OperationArgs& args) {
                             return ticketNumber(result) + " waiting again (call at window " +
                                    std::to_string(args.window) + " undone)";
                         },
                         a),
                     *a);
    }
    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(
            commands, "cancel", "cancel a ticket", "cancel_ticket",
            [](const OperationArgs& args) {
                json body{{"ticket", args.ticket}};
                if (!args.reason.empty()) body["reason"] = args.reason;
                return body;
            },
            [](const json& result, const OperationArgs&) {
                return ticketNumber(result) + " cancelled";
            },
            a);
        sub->add_option("TICKET", a->ticket, "the ticket id (hallctl issue prints it)")
            ->required()
            ->check(CLI::PositiveNumber);
        sub->add_option("--reason", a->reason, "citizen (default) or staff")
            ->check(CLI::IsMember({"citizen", "staff"}));
    }
    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(
            commands, "sign-in", "sign a staff member in at a window", "sign_in",
            [](const OperationArgs& args) {
                return json{{"window", args.window}, {"staff", args.staff}};
            },
            [](const json&, const OperationArgs& args) {
                return args.staff + " signed in at window " + std::to_string(args.window);
            },
            a);
        addWindowArg(sub, *a);
        sub->add_option("STAFF", a->staff, "staff id (hallctl config lists them)")->required();
    }
    {
        auto a = std::make_shared<OperationArgs>();
        addWindowArg(addOperation(
                         commands, "sign-out", "sign the window's staff member out", "sign_out",
                         windowBody,
                         [](const json&, const OperationArgs& args) {
                             return "window " + std::to_string(args.window) + " signed out";
                         },
                         a),
                     *a);
    }
    {
        auto a = std::make_shared<OperationArgs>();
        auto* sub = addOperation(
            commands, "pause", "pause a window: it calls nobody until resumed", "pause_window",
            [](const OperationArgs& args) {
                json body{{"window", args.window}};
                if (!args.reason.empty()) body["reason"] = args.reason;
                return body;
            },
            [](const json&, const OperationArgs& args) {
                return "window " + std::to_string(args.window) + " paused";
            },
            a);
        addWindowArg(sub, *a);
        sub->add_option("--reason", a->reason, "shown on the window's displays");
    }
    {
        auto a = std::make_shared<OperationArgs>();
        addWindowArg(addOperation(
                         commands, "resume", "resume a paused window", "resume_window", windowBody,
                         [](const json&, const OperationArgs& args) {
                             return "window " + std::to_string(args.window) + " resumed";
                         },
                         a),
                     *a);
    }
}

} // namespace hall::hallctl
