// hallctl — the command-line client of callstationd's REST API (docs/hallctl.md).

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/global_options.h"
#include "callstation/hallctl/session.h"

#include <iostream>

int main(int argc, char** argv) {
    using namespace hall::hallctl;
    CLI::App app{"hallctl — the command-line client of the hall controller callstationd",
                 "hallctl"};
    // Global options may also follow the command ("hallctl status --json"); subcommands inherit
    // this setting when they are created, so it comes first.
    app.fallthrough();
    app.require_subcommand(1);
    app.footer("Exit codes: 0 done, 1 the hall refused, 2 usage error, 3 cannot reach callstationd "
               "(or it failed), 4 no or wrong admin credential. See docs/hallctl.md.");
    GlobalOptions options;
    addGlobalOptions(app, options);
    Commands commands(app);
    addHallCommands(commands);
    addOperationCommands(commands);
    addDeviceCommands(commands);
    addReportCommands(commands);
    addSignageCommands(commands);
    addBookingCommands(commands);
    addStaffCommands(commands);
    addFollowUpCommands(commands);
    addAttachmentCommands(commands);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e); // --help
        // CLI11 reports a mistyped command as "a subcommand is required"; name it instead.
        if (app.get_subcommands().empty() && !app.remaining().empty()) {
            std::cerr << "hallctl: unknown command '" << app.remaining().front()
                      << "' (hallctl --help lists the commands)\n";
            return static_cast<int>(ExitCode::Usage);
        }
        // The same within a group of commands ("content lsit", or "content" alone).
        for (CLI::App* group : app.get_subcommands()) {
            if (group->get_require_subcommand_min() == 0 || !group->get_subcommands().empty())
                continue;
            std::string names;
            for (const CLI::App* sub : group->get_subcommands([](CLI::App*) { return true; }))
                names += (names.empty() ? "" : ", ") + sub->get_name();
            const auto rest = app.remaining();
            std::string problem = " needs a command";
            if (!rest.empty())
                problem = std::string(rest.front().starts_with("-") ? ": unknown option '"
                                                                    : ": unknown command '") +
                          rest.front() + "'";
            std::cerr << "hallctl: " << group->get_name() << problem << " (" << names
                      << "; hallctl " << group->get_name() << " --help)\n";
            return static_cast<int>(ExitCode::Usage);
        }
        // Our own exit code, not CLI11's: scripts tell a usage error by 2.
        std::cerr << "hallctl: " << e.what() << " (hallctl --help lists commands and options)\n";
        return static_cast<int>(ExitCode::Usage);
    }
    const Action* action = commands.selected();
    if (action == nullptr) {
        std::cerr << "hallctl: no command given (hallctl --help lists them)\n";
        return static_cast<int>(ExitCode::Usage);
    }
    try {
        Session session(resolveEndpoint(options), options.json);
        (*action)(session);
        return static_cast<int>(ExitCode::Ok);
    } catch (const Failure& failure) {
        std::cerr << "hallctl: " << failure.what() << '\n';
        return static_cast<int>(failure.code());
    } catch (const std::exception& e) {
        // An answer of a shape hallctl does not know: the server is not the one it was built for.
        std::cerr << "hallctl: unexpected answer from callstationd: " << e.what() << '\n';
        return static_cast<int>(ExitCode::Unreachable);
    }
}
