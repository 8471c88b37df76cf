#pragma once
// One request of every type, with every optional field set, for round trips and role checks.

#include "shared/protocol/messages.h"

#include <string>
#include <vector>

namespace hall::protocol::testing {

inline const std::string kPersonKey(64, 'a'); // shape of the controller's keyed hash

inline std::vector<Request> everyRequest() {
    core::IssueTicket issue;
    issue.serviceId = "tax";
    issue.priority = core::PriorityClass::Appointment;
    issue.appointment = core::Appointment{"apt-9", core::Timestamp(core::Millis(1'700'000'000'000))};
    issue.greenCategory = "elderly";
    issue.personKey = kPersonKey;
    core::Transfer transfer;
    transfer.window = 3;
    transfer.toService = "social";
    transfer.toWindow = 7;
    transfer.note = "请核对户口簿原件";
    transfer.returnHere = true;
    core::Rate rate;
    rate.ticket = 20'400'000'017;
    rate.level = core::RatingLevel::Dissatisfied;
    rate.reasons = {"slow", "rude"};
    rate.comment = "等了很久";
    core::IssueLeasedTicket leased;
    leased.lease = 20'780'000'003;
    leased.number = "A101";
    leased.issuedAt = core::Timestamp(core::Millis(1'795'396'500'000));
    leased.priority = core::PriorityClass::GreenChannel;
    leased.greenCategory = "elderly";
    leased.personKey = kPersonKey;
    std::vector<RequestBody> bodies{
        Hello{"tok-123", {1, 2}},
        Enroll{"ENR-4711"},
        Heartbeat{{DeviceFault::PaperLow, DeviceFault::ReaderUnplugged}},
        GetSnapshot{},
        issue,
        core::SignIn{3, "staff-07"},
        core::SignOut{3},
        core::PauseWindow{3, "lunch"},
        core::ResumeWindow{3},
        core::CallNext{3, true},
        core::CallNumber{3, "A017", true, "预约改期，已核实"},
        core::Recall{3, true},
        core::StartServing{3},
        core::Finish{3, "needs_documents", "缺户口簿原件"},
        core::MarkNoShow{3},
        transfer,
        core::UndoCall{3},
        core::CancelTicket{20'400'000'017, core::CancelReason::Staff},
        rate,
        core::LeaseNumbers{"tax", 50, ""},
        leased,
        TechnicianAudit{TechnicianAction::SettingChanged, "printer port ttyS1",
                        core::Timestamp(core::Millis(1'795'396'500'123))},
        CheckInRequest{"K7QW2M9XHT", ""},
        GreenTicketRequest{"tax", "elderly", StaffCredential{"1024", "246810", ""}},
        StaffSignInRequest{3, StaffCredential{"", "", std::string(64, 'b')}},
        core::Park{3, 20},
        core::IdentifyVisit{3, kPersonKey},
    };
    std::vector<Request> out;
    for (std::size_t i = 0; i < bodies.size(); ++i)
        out.push_back(Request{"req-" + std::to_string(i), bodies[i]});
    return out;
}

} // namespace hall::protocol::testing
