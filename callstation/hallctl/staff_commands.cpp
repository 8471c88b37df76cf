// staff list, set-pin, set-card and forget: the credentials the hall's staff (the configuration's
// [[staff]]) prove themselves with at a ticket machine or kiosk, e.g. to let someone ahead on the
// green channel (/api/v1/staff). A PIN and an ID number are read from standard input, never from
// the command line, and sent once; hallctl prints neither, and the controller keeps only a hash
// of the PIN and the person key of the number.

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/output.h"
#include "callstation/hallctl/request_id.h"
#include "callstation/hallctl/secret_input.h"
#include "callstation/hallctl/session.h"

#include <iostream>
#include <memory>

namespace hall::hallctl {

namespace http = boost::beast::http;
using json = nlohmann::ordered_json;

namespace {

// Staff ids follow the request-id rule (1–64 of [A-Za-z0-9_-]), checked here because the id goes
// into the request's path: a '/' or '?' would make it another request.
const CLI::Validator kStaffId(
    [](std::string& id) {
        return isValidRequestId(id) ? std::string() : "1–64 characters of A–Z a–z 0–9 _ -";
    },
    "ID");

std::string yesOrDash(const json& member, const char* key) {
    return member.value(key, false) ? "yes" : "—";
}

void printStaff(const json& answer) {
    const auto& staff = answer.at("staff");
    if (staff.empty()) {
        std::cout << "No staff in the hall configuration.\n";
        return;
    }
    Table table({"ID", "NUMBER", "NAME", "PIN", "CARD", "LOCKED"});
    for (const auto& s : staff)
        table.add({cell(s, "id"), cell(s, "staff_number"), cell(s, "name"), yesOrDash(s, "pin"),
                   yesOrDash(s, "card"), yesOrDash(s, "locked")});
    table.print(std::cout);
}

// The new PIN as one line. From a terminal it is asked for twice, and the two must match: nobody
// sees what they typed. Whether it is a good PIN is the controller's to say (its rules, named in
// its refusal).
std::string readPin(const std::string& id) {
    std::string pin = readHiddenLine("New PIN for " + id + " (not shown): ");
    if (pin.empty()) throw Failure(ExitCode::Usage, "set-pin: no PIN on standard input");
    if (stdinIsTerminal()) {
        std::string again = readHiddenLine("The same PIN again: ");
        const bool same = again == pin;
        wipe(again);
        if (!same) {
            wipe(pin);
            throw Failure(ExitCode::Usage, "set-pin: the two PINs differ; nothing was sent");
        }
    }
    return pin;
}

// PUT /api/v1/staff/ID/credentials with the one secret read, wiped afterwards however it ends.
json setCredential(Session& session, const std::string& id, const char* key, std::string secret) {
    json body{{key, secret}};
    wipe(secret);
    const WipeOnExit wiped(body, key);
    return session.send(http::verb::put, "/api/v1/staff/" + id + "/credentials", body);
}

} // namespace

void addStaffCommands(Commands& commands) {
    CLI::App* staff =
        commands.group(commands.app(), "staff", "the hall's staff and their credentials");

    commands.add(*staff, "list", "the configuration's staff and which credentials each has",
                 [](Session& session) {
                     const json answer = session.get("/api/v1/staff");
                     session.jsonOutput() ? printJson(answer) : printStaff(answer);
                 });

    auto pinId = std::make_shared<std::string>();
    CLI::App* setPin = commands.add(
        *staff, "set-pin", "set a staff member's PIN, read from standard input (ends a lockout)",
        [pinId](Session& session) {
            // Read before anything is sent, so an empty line or a mistyped PIN sends nothing.
            const json answer = setCredential(session, *pinId, "pin", readPin(*pinId));
            if (session.jsonOutput()) return printJson(answer);
            std::cout << "PIN set for " << text(answer, "id") << ".\n";
        });
    setPin->add_option("ID", *pinId, "the staff member's id, as staff list shows it")
        ->required()
        ->check(kStaffId);

    auto cardId = std::make_shared<std::string>();
    CLI::App* setCard =
        commands.add(*staff, "set-card",
                     "set a staff member's card: their ID number (15 or 18 characters), read from "
                     "standard input",
                     [cardId](Session& session) {
                         const json answer =
                             setCredential(session, *cardId, "id_number", readIdNumber("set-card"));
                         if (session.jsonOutput()) return printJson(answer);
                         std::cout << "Card set for " << text(answer, "id") << ".\n";
                     });
    setCard->add_option("ID", *cardId, "the staff member's id, as staff list shows it")
        ->required()
        ->check(kStaffId);

    auto forgetId = std::make_shared<std::string>();
    CLI::App* forget = commands.add(
        *staff, "forget", "forget a staff member's PIN and card", [forgetId](Session& session) {
            const json answer = session.remove("/api/v1/staff/" + *forgetId + "/credentials");
            if (session.jsonOutput()) return printJson(answer);
            std::cout << "Credentials of " << text(answer, "forgotten") << " forgotten.\n";
        });
    forget->add_option("ID", *forgetId, "the staff member's id, as staff list shows it")
        ->required()
        ->check(kStaffId);
}

} // namespace hall::hallctl
