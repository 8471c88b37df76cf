// bookings add, list and cancel: the hall's appointments (预约) as the staff enter them when the
// booking system cannot (/api/v1/bookings). A citizen's ID number is read from standard input,
// never from the command line, where ps and the shell's history would show it; it is sent once
// and neither printed nor written anywhere (the controller keeps only its person key).

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/output.h"
#include "callstation/hallctl/secret_input.h"
#include "callstation/hallctl/session.h"
#include "drivers/scanner/booking_code.h"
#include "shared/protocol/signage.h"

#include <iostream>
#include <memory>

namespace hall::hallctl {

namespace http = boost::beast::http;
using json = nlohmann::ordered_json;

namespace {

// "2026-12-07T10:30", read with the protocol's own functions as the controller reads it, so a
// typo is refused before anything is sent; whether the day is over is the controller's to say.
const CLI::Validator kSlot(
    [](std::string& s) {
        const bool ok = s.size() == 16 && s[10] == 'T' && protocol::parseDay(s.substr(0, 10)) &&
                        protocol::parseMinute(s.substr(11));
        return ok ? std::string() : "a slot in the hall's time, YYYY-MM-DDTHH:MM";
    },
    "YYYY-MM-DDTHH:MM");

// The booking-code rule the controller keeps codes by. Checked here too because `cancel` puts
// the code in the request's path: a '/' or '?' would make it another request.
const CLI::Validator kBookingId(
    [](std::string& s) {
        return drivers::scanner::normalBookingId(s) ? std::string()
                                                    : "a booking code, 6–32 letters or digits";
    },
    "ID");

// "2026-12-07T10:30" → "10:30": the list is of one day already.
std::string timeOfSlot(const json& booking) {
    const std::string slot = text(booking, "slot");
    return slot.size() == 16 ? slot.substr(11) : orDash(slot);
}

void printBooking(const json& b) {
    std::cout << "Booking " << text(b, "id") << " added\n"
              << "QR code:  " << text(b, "code") << '\n'
              << "service:  " << text(b, "service") << '\n'
              << "slot:     " << text(b, "slot") << '\n'
              << "person:   "
              << (b.value("person", false) ? "yes (the citizen's ID card checks it in too)" : "no")
              << '\n';
}

} // namespace

void addBookingCommands(Commands& commands) {
    CLI::App* bookings =
        commands.group(commands.app(), "bookings", "the hall's appointments (预约)");

    struct AddArgs {
        std::string service{}, slot{}, id{};
        bool idNumberStdin = false;
    };
    auto a = std::make_shared<AddArgs>();
    CLI::App* add =
        commands.add(*bookings, "add", "book a slot for a service", [a](Session& session) {
            json body{{"service", a->service}, {"slot", a->slot}};
            if (!a->id.empty()) body["id"] = a->id;
            // Read before anything is sent, so an empty line sends nothing.
            if (a->idNumberStdin) body["id_number"] = readIdNumber("--id-number-stdin");
            // Our copy of the number does not outlive the request, whether or not it succeeds.
            const WipeOnExit wiped(body, "id_number");
            const json booking = session.send(http::verb::post, "/api/v1/bookings", body);
            if (session.jsonOutput()) return printJson(booking);
            printBooking(booking);
        });
    add->add_option("--service", a->service, "service id (hallctl config lists them)")->required();
    add->add_option("--slot", a->slot, "when, in the hall's time: YYYY-MM-DDTHH:MM, today or later")
        ->required()
        ->check(kSlot);
    add->add_option("--id", a->id,
                    "the booking's code, 6–32 letters or digits (default: the hall makes one)")
        ->check(kBookingId);
    add->add_flag(
        "--id-number-stdin", a->idNumberStdin,
        "read the citizen's ID number (15 or 18 characters) as one line from standard input, so "
        "the ID card checks the booking in too");

    auto day = std::make_shared<std::string>();
    CLI::App* list =
        commands.add(*bookings, "list", "a day's bookings, by slot", [day](Session& session) {
            const json answer =
                session.get("/api/v1/bookings" + (day->empty() ? "" : "?day=" + *day));
            if (session.jsonOutput()) return printJson(answer);
            const auto& all = answer.at("bookings");
            if (all.empty()) {
                std::cout << "No bookings on " << text(answer, "day") << ".\n";
                return;
            }
            std::cout << "Bookings on " << text(answer, "day") << ": " << all.size() << "\n\n";
            Table table({"SLOT", "ID", "SERVICE", "PERSON", "TICKET"});
            for (const auto& b : all)
                table.add({timeOfSlot(b), cell(b, "id"), cell(b, "service"),
                           b.value("person", false) ? "yes" : "no", cell(b, "ticket")});
            table.print(std::cout);
        });
    list->add_option("--day", *day, "the day, in the hall's time (default: today)")->check(kDate);

    auto id = std::make_shared<std::string>();
    CLI::App* cancel =
        commands.add(*bookings, "cancel", "cancel a booking", [id](Session& session) {
            const json answer = session.remove("/api/v1/bookings/" + *id);
            if (session.jsonOutput()) return printJson(answer);
            std::cout << "Booking " << text(answer, "cancelled") << " cancelled.\n";
        });
    cancel->add_option("ID", *id, "the booking's code, as bookings list shows it")
        ->required()
        ->check(kBookingId);
}

} // namespace hall::hallctl
