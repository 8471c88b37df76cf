#pragma once
// hallctl's subcommands: each command group registers its own in its file, with the action to
// run once the command line has been parsed (actions never run during parsing, so a parse error
// never leaves half an operation done).

#include <CLI/CLI.hpp>
#include <cctype>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace hall::hallctl {

class Session;

// YYYY-MM-DD (report, playlist add, bookings list); whether the date exists is the server's to
// judge (it answers 400).
inline const CLI::Validator kDate(
    [](std::string& text) {
        const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                            std::isdigit(static_cast<unsigned char>(text[0])) &&
                            std::isdigit(static_cast<unsigned char>(text[1])) &&
                            std::isdigit(static_cast<unsigned char>(text[2])) &&
                            std::isdigit(static_cast<unsigned char>(text[3])) &&
                            std::isdigit(static_cast<unsigned char>(text[5])) &&
                            std::isdigit(static_cast<unsigned char>(text[6])) &&
                            std::isdigit(static_cast<unsigned char>(text[8])) &&
                            std::isdigit(static_cast<unsigned char>(text[9]));
        return shaped ? std::string() : "a date, YYYY-MM-DD";
    },
    "YYYY-MM-DD");

using Action = std::function<void(Session&)>;

class Commands {
public:
    explicit Commands(CLI::App& app) : app_(app) {}

    CLI::App& app() { return app_; }
    // A subcommand of `parent` (the app or another command added here) running `action`.
    // Register a command before its own subcommands.
    CLI::App* add(CLI::App& parent, const std::string& name, const std::string& description,
                  Action action) {
        CLI::App* sub = parent.add_subcommand(name, description);
        entries_.emplace_back(sub, std::move(action));
        return sub;
    }
    // A command that only groups others ("content add", "content list"): one of them must
    // follow, so it has no action of its own.
    CLI::App* group(CLI::App& parent, const std::string& name, const std::string& description) {
        CLI::App* sub = parent.add_subcommand(name, description);
        sub->require_subcommand(1);
        return sub;
    }
    // After parsing: the action of the deepest command given ("notices set" rather than
    // "notices"), or nullptr.
    const Action* selected() const {
        const Action* found = nullptr;
        for (const auto& [sub, action] : entries_)
            if (sub->parsed()) found = &action;
        return found;
    }

private:
    CLI::App& app_;
    std::vector<std::pair<CLI::App*, Action>> entries_;
};

void addHallCommands(Commands& commands);       // status, config, notices
void addOperationCommands(Commands& commands);  // issue, call-next, …, cancel
void addDeviceCommands(Commands& commands);     // devices, enroll, redeem, revoke
void addReportCommands(Commands& commands);     // report, audit, health
void addSignageCommands(Commands& commands);    // content, playlist, emergency
void addBookingCommands(Commands& commands);    // bookings add, list, cancel
void addStaffCommands(Commands& commands);      // staff list, set-pin, set-card, forget
void addFollowUpCommands(Commands& commands);   // followups list, show, assign, close
void addAttachmentCommands(Commands& commands); // attachments list, get, delete

} // namespace hall::hallctl
