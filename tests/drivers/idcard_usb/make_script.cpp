// Writes the ioctl script of one emulated SAM reader scenario for umockdev-run, built from the
// real frame codec (encodeRequest / encodeResponse / encodeReadReply) and a fictitious person of
// drivers/devsim/people.json, so that the 1,295-byte read reply is exact by construction.
//
//   idcard_usb_make_script PEOPLE.json PERSON-KEY SCENARIO OUT.ioctl
//
// How umockdev replays such a script (its ioctl tree, as read in umockdev's ioctl_tree.c and
// umockdev-ioctl.vala), which the scenarios below are designed around:
//  - The lines form a tree: an OUT line at the top level, the IN lines indented under it as its
//    children. Replay walks that tree in file order (a line, its children, the next line).
//  - Every opened file descriptor keeps a cursor, the line it matched last, starting before the
//    first line. A submitted transfer is matched against the lines after the cursor, in order,
//    wrapping round to the top of the file: an OUT transfer to the first OUT line with exactly
//    its bytes, an IN transfer to the first IN line asking for as many bytes. The match becomes
//    the cursor; reaping the transfer gives the matched line's status and data.
//  - So a script is a tape as long as the host asks what the script expects: repeated identical
//    requests (the reader polls "find card" every pollInterval) get the answers of successive
//    lines, 9F on one line and 80 on a later one. Past the last line, the search wraps round:
//    a polling reader replays the script as a loop. The card scenario is written as one cycle
//    of that loop (card placed, read, lying there, removed), so the wrap-round is simply the
//    same card placed again. After a loss the driver opens the device file anew: the new
//    descriptor has a cursor of its own, and its first ioctl (the capabilities query) matches
//    the top line, so the replay starts over from the top of the script.
//
// Scenarios:
//   card_cycle          SAM status 90; find 9F; select 90; read 30 01 90 + the person; find 9F
//                       (the card still lies there: not read again); find 80; find 80 (gone).
//   unplug_mid_read     status, find, select as above; the read's reply stops after its first
//                       600 bytes (a short packet ends that transfer, as on a real bus) and the
//                       next transfer fails with ESHUTDOWN: the reader vanished mid-reply.
//   unplug_before_read  status, find, select as above; the read request itself fails with
//                       ENODEV: the reader vanished between select and read.
#include "drivers/base/secure_wipe.h"
#include "drivers/devsim/people.h"
#include "drivers/idcard/id_card_record.h"
#include "drivers/idcard/sam_frame.h"
#include "drivers/idcard/sam_status.h"
#include "drivers/transport/usb_bulk_stream.h"
#include "tests/drivers/idcard_usb/ioctl_script.h"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

using hall::drivers::idcard::SamCommand;
using hall::drivers::idcard::SamStatus;

constexpr int kEShutdown = -108; // the URB was pending when the device went away
constexpr int kENoDev = -19;     // the device is gone
// How much of the read reply arrives before the unplug: 9 full 64-byte packets and a short one.
constexpr std::size_t kPartialReply = 600;

std::uint8_t sw(SamStatus s) {
    return static_cast<std::uint8_t>(s);
}

class Script {
public:
    Script() {
        text_ = "@DEV " + std::string(idcard_usb::kDeviceNode) + "\n" +
                std::string(idcard_usb::kCapabilitiesLine) + "\n";
    }
    ~Script() { hall::drivers::secureWipe(text_); }

    void request(SamCommand command, int status = 0) {
        const auto frame = hall::drivers::idcard::encodeRequest(command);
        line({false, status, static_cast<int>(frame.size()), frame});
    }
    void answer(std::vector<std::uint8_t> bytes, int status = 0) {
        line({true, status, static_cast<int>(hall::drivers::UsbBulkStream::kReadChunk),
              std::move(bytes)});
    }
    void answer(std::uint8_t sw3, const std::vector<std::uint8_t>& data = {}) {
        answer(hall::drivers::idcard::encodeResponse(sw3, data));
    }
    const std::string& text() const { return text_; }

private:
    void line(idcard_usb::UrbLine u) {
        text_ += idcard_usb::formatUrbLine(u) + "\n";
        hall::drivers::secureWipe(u.data);
    }
    std::string text_;
};

// Status, find, select: the opening every scenario shares.
void cardPlaced(Script& s) {
    s.request(SamCommand::SamStatus);
    s.answer(sw(SamStatus::Ok));
    s.request(SamCommand::FindCard);
    s.answer(sw(SamStatus::CardFound));
    s.request(SamCommand::SelectCard);
    // Select answers 90 with 8 bytes the SAM reports about the card (its serial); fictitious here.
    s.answer(sw(SamStatus::Ok), {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08});
}

Script scenario(const std::string& name, const hall::drivers::idcard::IdCardRecord& person) {
    Script s;
    cardPlaced(s);
    if (name == "unplug_before_read") {
        s.request(SamCommand::ReadTextPhoto, kENoDev);
        return s;
    }
    s.request(SamCommand::ReadTextPhoto);
    auto data = hall::drivers::idcard::encodeReadReply(person, SamCommand::ReadTextPhoto);
    auto reply = hall::drivers::idcard::encodeResponse(sw(SamStatus::Ok), data.bytes());
    if (name == "card_cycle") {
        s.answer(std::move(reply));
        s.request(SamCommand::FindCard);
        s.answer(sw(SamStatus::CardFound));
        for (int i = 0; i < 2; ++i) {
            s.request(SamCommand::FindCard);
            s.answer(sw(SamStatus::FindFailed));
        }
        return s;
    }
    if (name == "unplug_mid_read") {
        s.answer(std::vector<std::uint8_t>(reply.begin(), reply.begin() + kPartialReply));
        hall::drivers::secureWipe(reply);
        s.answer(std::vector<std::uint8_t>{}, kEShutdown);
        return s;
    }
    hall::drivers::secureWipe(reply);
    throw std::invalid_argument("unknown scenario '" + name +
                                "' (card_cycle, unplug_mid_read, unplug_before_read)");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: " << argv[0] << " PEOPLE.json PERSON-KEY SCENARIO OUT.ioctl\n";
        return 2;
    }
    try {
        const auto people = hall::devsim::PeopleFixture::load(argv[1]);
        const auto person = people.idCard(argv[2]);
        const auto script = scenario(argv[3], person);

        // Written beside the target and renamed over it, so a failed run never leaves half a script
        // (which umockdev would replay as far as it goes, without a word).
        const std::filesystem::path out = argv[4];
        auto partial = out;
        partial += ".partial";
        {
            std::ofstream f(partial, std::ios::binary | std::ios::trunc);
            f << script.text();
            f.close();
            if (!f) throw std::runtime_error("cannot write " + partial.string());
        }
        std::filesystem::rename(partial, out);
    } catch (const std::exception& e) {
        std::cerr << argv[0] << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}
