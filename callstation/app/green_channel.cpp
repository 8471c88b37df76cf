// The ticket machine's green channel (ticket_machine.h): the staff's stage, the staff card, the
// request and the staff's words for its refusals.

#include "callstation/app/ticket_machine.h"

namespace hall::callstation {

namespace {

// A refusal the staff can put right at the machine (another PIN, another card), as opposed to
// the citizen's (service closed, numbers gone), which is shown as any refusal.
QString staffWords(const QString& code) {
    if (code == QLatin1String("unknown_staff"))
        return TicketMachine::tr(
            "This staff number, or this card, is not registered for the green channel.");
    if (code == QLatin1String("wrong_pin"))
        return TicketMachine::tr("Wrong staff number or PIN. Please try again.");
    if (code == QLatin1String("staff_locked"))
        return TicketMachine::tr("Too many wrong PINs: this staff number is locked for a while. "
                                 "Please use your ID card or ask the hall manager.");
    if (code == QLatin1String("green_channel_offline") || code == QLatin1String("offline") ||
        code == QLatin1String("connection_lost") || code == QLatin1String("timeout"))
        return TicketMachine::tr("The green channel needs the hall's server, which cannot be "
                                 "reached just now. An ordinary number can still be taken.");
    if (code == QLatin1String("priority_not_allowed"))
        return TicketMachine::tr("The hall does not have this green-channel category.");
    return {};
}

} // namespace

QStringList TicketMachine::greenCategories() const {
    QStringList ids;
    const client::Backend* backend = issuer_ ? issuer_->client() : nullptr;
    if (!backend || !backend->state().hasSnapshot()) return ids;
    for (const auto& c : backend->state().snapshot().hall.greenCategories)
        ids << QString::fromStdString(c);
    return ids;
}

QString TicketMachine::greenCategoryName(const QString& category) {
    if (category == QLatin1String("elderly")) return tr("Elderly");
    if (category == QLatin1String("disabled")) return tr("Disabled");
    if (category == QLatin1String("pregnant")) return tr("Pregnant");
    if (category == QLatin1String("military")) return tr("Military");
    return category;
}

void TicketMachine::startGreenChannel() {
    touch();
    if (stage_ != Stage::Choosing || !issuer_ || !issuer_->client()) return;
    clearTicket();
    forgetStaff();
    setStage(Stage::GreenChannel);
    showFor(kGreenChannelSeconds);
}

void TicketMachine::staffCardPresented() {
    const client::Backend* backend = issuer_ ? issuer_->client() : nullptr;
    const auto secret = backend ? backend->personKeySecret() : std::nullopt;
    staffCardKey_ = identification_ && secret ? identification_->personKey(*secret).toStdString()
                                              : std::string();
    // Only the key is kept, for this stage: the card's holder is not the citizen.
    if (identification_) identification_->wipeSession();
    staffProblem_ =
        staffCardKey_.empty()
            ? tr("This card cannot be used here. Please enter your staff number and PIN.")
            : QString();
    showFor(kGreenChannelSeconds);
    Q_EMIT ticketChanged();
}

void TicketMachine::forgetStaff() {
    if (staffCardKey_.empty() && staffProblem_.isEmpty()) return;
    staffCardKey_.clear();
    staffProblem_.clear();
    Q_EMIT ticketChanged();
}

void TicketMachine::issueGreen(const QString& serviceId, const QString& category,
                               const QString& staffNumber, const QString& pin) {
    touch();
    if (stage_ != Stage::GreenChannel || !issuer_ || !issuer_->client()) return;
    protocol::StaffCredential staff;
    if (!staffCardKey_.empty()) {
        staff.personKey = staffCardKey_;
    } else {
        staff.number = staffNumber.trimmed().toStdString();
        staff.pin = pin.toStdString();
    }
    if (serviceId.isEmpty() || category.isEmpty() ||
        (staff.personKey.empty() && (staff.number.empty() || staff.pin.empty())))
        return;
    serviceId_ = serviceId;
    const client::Backend& backend = *issuer_->client();
    serviceName_ = backend.serviceName(serviceId.toStdString());
    if (serviceName_.isEmpty()) serviceName_ = serviceId_;
    serviceNameEn_ = backend.serviceName(serviceId.toStdString(), true);
    if (serviceNameEn_.isEmpty()) serviceNameEn_ = serviceName_;
    countdown_.stop();
    setStage(Stage::Issuing);
    const quint64 attempt = ++attempt_;
    const QString device = backend.deviceName();
    QPointer<TicketMachine> self(this);
    issuer_->issueGreen(serviceId.toStdString(), category.toStdString(), std::move(staff),
                        [this, self, attempt, device](const client::IssueOutcome& outcome) {
                            if (!self || attempt != attempt_ || stage_ != Stage::Issuing) return;
                            if (outcome.ok) {
                                forgetStaff();
                                return show(outcome, device);
                            }
                            const QString code = QString::fromStdString(outcome.errorCode);
                            const QString words = staffWords(code);
                            if (words.isEmpty()) {
                                forgetStaff();
                                heldNumber_ = QString::fromStdString(outcome.heldNumber);
                                return refuse(code);
                            }
                            // Back to the stage with the choices made, to put it right there.
                            staffProblem_ = words;
                            setStage(Stage::GreenChannel);
                            showFor(kGreenChannelSeconds);
                            Q_EMIT ticketChanged();
                        });
}

} // namespace hall::callstation
