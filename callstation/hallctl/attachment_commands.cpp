// attachments list, get and delete: the signatures and scans window pads hand in for a ticket
// (/api/v1/attachments). They are a citizen's personal data: `list` shows what is held, never
// the content; `get` writes one to a file of its own (0600, never over an existing file) or to
// stdout, and the controller audits every read and delete under this admin's name.

#include "callstation/hallctl/commands.h"
#include "callstation/hallctl/failure.h"
#include "callstation/hallctl/output.h"
#include "callstation/hallctl/session.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace hall::hallctl {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

// An attachment's id as list shows it: 32 lowercase hex digits.
const CLI::Validator kAttachmentId(
    [](std::string& s) {
        const bool id = s.size() == 32 && std::all_of(s.begin(), s.end(), [](char c) {
                            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                        });
        return id ? std::string() : "an attachment's id, 32 lowercase hex digits";
    },
    "ID");

std::string attachmentTarget(const std::string& id) {
    return "/api/v1/attachments/" + id;
}

void printList(const json& answer) {
    const auto& attachments = answer.at("attachments");
    if (attachments.empty()) {
        std::cout << "No attachments for ticket " << cell(answer, "ticket") << ".\n";
        return;
    }
    Table table({"ID", "TICKET", "KIND", "TYPE", "SIZE", "STORED", "DEVICE"}, {4});
    for (const auto& a : attachments)
        table.add({cell(a, "id"), cell(a, "number"), cell(a, "kind"), cell(a, "type"),
                   cell(a, "size"), cell(a, "stored_at"), cell(a, "device")});
    table.print(std::cout);
}

// Created 0600 and never over an existing file: a citizen's signature does not replace
// something else, nor end up readable by everyone on the host.
void writeNewFile(const fs::path& file, const std::string& bytes) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Failure(ExitCode::Usage,
                      "cannot create " + file.string() + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool written = done == bytes.size() && ::close(fd) == 0;
    if (!written) {
        std::error_code ignored;
        fs::remove(file, ignored);
        throw Failure(ExitCode::Usage, "cannot write " + file.string());
    }
}

} // namespace

void addAttachmentCommands(Commands& commands) {
    CLI::App* attachments =
        commands.group(commands.app(), "attachments",
                       "signatures and scans handed in for a ticket (a citizen's personal data)");

    auto ticket = std::make_shared<std::uint64_t>(0);
    CLI::App* list = commands.add(
        *attachments, "list", "what is held for a ticket: ids, kinds, sizes, never the content",
        [ticket](Session& session) {
            const json answer =
                session.get("/api/v1/attachments?ticket=" + std::to_string(*ticket));
            session.jsonOutput() ? printJson(answer) : printList(answer);
        });
    list->add_option("TICKET", *ticket, "the ticket's id (as issue and the operations answer it)")
        ->required()
        ->check(CLI::PositiveNumber);

    struct GetArgs {
        std::string id;
        std::string out;
    };
    auto g = std::make_shared<GetArgs>();
    CLI::App* get = commands.add(
        *attachments, "get", "one attachment's bytes, to a new file (or - for stdout); audited",
        [g](Session& session) {
            const bool toStdout = g->out == "-";
            // Before anything is read (and audited): the file must not be there already.
            if (!toStdout && fs::exists(fs::symlink_status(g->out)))
                throw Failure(ExitCode::Usage, g->out + " exists; hallctl does not write over it");
            const auto reply = session.getRaw(attachmentTarget(g->id));
            if (toStdout) {
                std::cout.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
                std::cout.flush();
                return;
            }
            writeNewFile(g->out, reply.body);
            if (session.jsonOutput())
                return printJson(json{{"id", g->id},
                                      {"type", reply.contentType},
                                      {"size", reply.body.size()},
                                      {"out", g->out}});
            std::cout << "Wrote " << reply.body.size() << " bytes (" << reply.contentType << ") to "
                      << g->out << ".\n";
        });
    get->add_option("ID", g->id, "the attachment's id, as list shows it")
        ->required()
        ->check(kAttachmentId);
    get->add_option("--out", g->out, "the file to create (mode 0600), or - for stdout")->required();

    auto removeId = std::make_shared<std::string>();
    CLI::App* remove = commands.add(
        *attachments, "delete", "delete an attachment (the case system has it, or it is wrong)",
        [removeId](Session& session) {
            const json answer = session.remove(attachmentTarget(*removeId));
            if (session.jsonOutput()) return printJson(answer);
            std::cout << "Attachment " << text(answer, "removed") << " deleted.\n";
        });
    remove->add_option("ID", *removeId, "the attachment's id")->required()->check(kAttachmentId);
}

} // namespace hall::hallctl
