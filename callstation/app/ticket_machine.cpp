#include "callstation/app/ticket_machine.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

namespace hall::callstation {

namespace {

// A ticket answered online carries its id; one issued from a leased number is known by the
// device, service and number until the controller has placed it.
QString codeFor(const client::IssueOutcome& outcome, const QString& device) {
    if (outcome.ticketId) return QStringLiteral("hall-ticket:%1").arg(*outcome.ticketId);
    return QStringLiteral("hall-ticket:%1/%2/%3")
        .arg(device, QString::fromStdString(outcome.serviceId),
             QString::fromStdString(outcome.number));
}

int minutesOf(std::optional<std::int64_t> ms) {
    if (!ms) return -1;
    return static_cast<int>(std::ceil(static_cast<double>(*ms) / 60'000.0));
}

} // namespace

TicketMachine::TicketMachine(QObject* parent) : QObject(parent) {
    countdown_.setInterval(1000);
    connect(&countdown_, &QTimer::timeout, this, &TicketMachine::tick);
    idleTimer_.setSingleShot(true);
    idleTimer_.setInterval(std::chrono::seconds(idleSeconds_));
    connect(&idleTimer_, &QTimer::timeout, this, [this] {
        if (stage_ != Stage::Choosing || idle_) return;
        idle_ = true;
        Q_EMIT idleChanged();
    });
    idleTimer_.start();
}

void TicketMachine::setIdleSeconds(int seconds) {
    seconds = std::max(5, seconds);
    if (seconds == idleSeconds_) return;
    idleSeconds_ = seconds;
    idleTimer_.setInterval(std::chrono::seconds(seconds));
    Q_EMIT settingsChanged();
    touch();
}

void TicketMachine::touch() {
    idleTimer_.start();
    if (!idle_) return;
    idle_ = false;
    Q_EMIT idleChanged();
}

void TicketMachine::setIssuer(client::TicketIssuer* issuer) {
    if (issuer_ == issuer) return;
    disconnect(snapshots_);
    issuer_ = issuer;
    if (issuer_ && issuer_->client()) {
        snapshots_ = connect(issuer_->client(), &client::Backend::snapshotReplaced, this,
                             &TicketMachine::applyHallSettings);
        applyHallSettings();
    }
    Q_EMIT issuerChanged();
}

void TicketMachine::applyHallSettings() {
    const client::Backend* backend = issuer_ ? issuer_->client() : nullptr;
    if (!backend || !backend->state().hasSnapshot()) return;
    const auto& policy = backend->state().snapshot().hall.ticketMachine;
    askFromWaiting_ = policy.confirmFromWaiting;
    reprintMinutes_ = policy.reprintMinutes;
    setIdleSeconds(policy.attractAfterSeconds);
    Q_EMIT settingsChanged();
}

void TicketMachine::setIdentification(client::IdentificationService* identification) {
    if (identification_ == identification) return;
    disconnect(identified_);
    disconnect(identifyFailed_);
    identification_ = identification;
    if (identification_) {
        identified_ = connect(
            identification_, &client::IdentificationService::personIdentified, this,
            [this](const client::IdentifiedPerson& person) {
                touch(); // a card wakes the machine too
                const bool bookingCode = person.codeKind == QLatin1String("appointment");
                if (stage_ == Stage::Identifying)
                    identified();
                else if (stage_ == Stage::GreenChannel)
                    staffCardPresented();
                else if (stage_ == Stage::CheckingIn || (stage_ == Stage::Choosing && bookingCode))
                    checkInWith(person);
            });
        identifyFailed_ =
            connect(identification_, &client::IdentificationService::identificationFailed, this,
                    [this](const QString&, const QString&, const QString& citizenMessage) {
                        if (stage_ != Stage::Identifying && stage_ != Stage::CheckingIn &&
                            stage_ != Stage::GreenChannel)
                            return;
                        identifyProblem_ = citizenMessage;
                        Q_EMIT ticketChanged();
                    });
    }
    Q_EMIT identificationChanged();
}

bool TicketMachine::identifies(const QString& serviceId) const {
    if (!issuer_ || !issuer_->client()) return false;
    for (const auto& service : issuer_->client()->state().snapshot().hall.services)
        if (service.id == serviceId.toStdString()) return service.identify;
    return false;
}

void TicketMachine::identified() {
    const client::Backend* backend = issuer_ ? issuer_->client() : nullptr;
    const auto secret = backend ? backend->personKeySecret() : std::nullopt;
    personKey_ = identification_ && secret ? identification_->personKey(*secret).toStdString()
                                           : std::string();
    identifyProblem_.clear();
    if (personKey_.empty()) {
        // A scanned code, or no key from the hall yet: this service needs the card itself.
        if (identification_) identification_->wipeSession();
        refuse(QStringLiteral("identity_required"));
        return;
    }
    askOrIssue();
}

void TicketMachine::askOrIssue() {
    if (askFromWaiting_ > 0 && waiting_ >= askFromWaiting_) {
        setStage(Stage::Confirming);
        showFor(refusedSeconds_); // an unanswered question goes away like a refusal
        return;
    }
    issue();
}

void TicketMachine::setPrinting(client::TicketPrinting* printing) {
    if (printing_ == printing) return;
    printing_ = printing;
    Q_EMIT printingChanged();
}

void TicketMachine::setPrintState(PrintState state) {
    if (printState_ == state) return;
    printState_ = state;
    Q_EMIT printStateChanged();
}

bool TicketMachine::canReprint() const {
    return printing_ && lastIssuedAt_.isValid() && printState_ != PrintState::Printing &&
           lastIssuedAt_.secsTo(now()) < reprintMinutes_ * 60;
}

void TicketMachine::printTicket() {
    if (!printing_) return setPrintState(PrintState::NotPrinted);
    setPrintState(PrintState::Printing);
    // The screen (and this machine) may be gone when the printer answers.
    QPointer<TicketMachine> self(this);
    printing_->print(lastPrinted_, [this, self, attempt = attempt_](bool printed, const QString&) {
        if (!self || attempt != attempt_) return; // a later ticket is on screen now
        setPrintState(printed ? PrintState::Printed : PrintState::NotPrinted);
        // Unprinted, the screen is the citizen's ticket: it stays up for the photo.
        if (!printed && stage_ == Stage::Showing) showFor(showSeconds_ * 3);
    });
}

void TicketMachine::reprintLast() {
    if (stage_ != Stage::Choosing || !canReprint()) return;
    printTicket();
}

void TicketMachine::setStage(Stage stage) {
    if (stage_ == stage) return;
    const bool wasAsking = stage_ == Stage::Identifying || stage_ == Stage::Confirming;
    stage_ = stage;
    Q_EMIT stageChanged();
    if (stage_ != Stage::GreenChannel) forgetStaff();
    if (stage_ != Stage::Choosing) return;
    // Back at the services, the idle time starts from here; a citizen who walked away from
    // the question leaves nothing of themselves behind.
    idleTimer_.start();
    if (wasAsking) {
        personKey_.clear();
        if (identification_) identification_->wipeSession();
    }
}

void TicketMachine::clearTicket() {
    setPrintState(PrintState::Idle);
    number_.clear();
    ahead_ = -1;
    offline_ = false;
    issuedAt_ = {};
    ticketCode_.clear();
    refusal_.clear();
    refusalAdvice_.clear();
    refusalCode_.clear();
    identifyProblem_.clear();
    heldNumber_.clear();
    personKey_.clear();
}

void TicketMachine::choose(const QString& serviceId) {
    touch();
    if (stage_ != Stage::Choosing || !issuer_ || !issuer_->client()) return;
    const client::Backend& backend = *issuer_->client();
    clearTicket();
    serviceId_ = serviceId;
    serviceName_ = backend.serviceName(serviceId.toStdString());
    if (serviceName_.isEmpty()) serviceName_ = serviceId;
    serviceNameEn_ = backend.serviceName(serviceId.toStdString(), true);
    if (serviceNameEn_.isEmpty()) serviceNameEn_ = serviceName_;
    waiting_ = 0;
    waitMinutes_ = -1;
    const protocol::ServiceQueue* queue = nullptr;
    for (const auto& q : backend.state().snapshot().queues.services)
        if (q.serviceId == serviceId.toStdString()) queue = &q;
    if (queue) {
        waiting_ = queue->waiting;
        waitMinutes_ = minutesOf(queue->estimatedWaitMs);
    }
    Q_EMIT ticketChanged();
    // A service the hall says is not issuing now is explained at once, without asking: the
    // controller would refuse for the same reason (its own rules decide when it is asked).
    if (queue && !queue->issuing) {
        refuse(queue->remaining == 0 ? QStringLiteral("quota_reached")
                                     : QStringLiteral("service_closed"));
        return;
    }
    if (identifies(serviceId)) {
        // Who is taking the number, first: a card already read at this machine counts.
        if (identification_ && identification_->hasPerson()) return identified();
        setStage(Stage::Identifying);
        showFor(refusedSeconds_ * 2); // time to find the card; then back to the services
        return;
    }
    askOrIssue();
}

void TicketMachine::startCheckIn() {
    touch();
    if (stage_ != Stage::Choosing || !issuer_ || !issuer_->client()) return;
    clearTicket();
    if (identification_ && identification_->hasPerson())
        return checkInWith(identification_->person());
    setStage(Stage::CheckingIn);
    showFor(refusedSeconds_ * 2); // time to find the code or the card; then back to the services
}

void TicketMachine::stillHere() {
    touch();
    if (stage_ == Stage::CheckingIn || stage_ == Stage::Identifying) showFor(refusedSeconds_ * 2);
    if (stage_ == Stage::GreenChannel) showFor(kGreenChannelSeconds);
}

void TicketMachine::checkInCode(const QString& booking) {
    touch();
    if ((stage_ != Stage::Choosing && stage_ != Stage::CheckingIn) || !issuer_ ||
        !issuer_->client())
        return;
    clearTicket();
    client::IdentifiedPerson code;
    code.source = QStringLiteral("qr_code");
    code.codeKind = QStringLiteral("appointment");
    code.bookingId = booking.trimmed();
    checkInWith(code);
}

// A booking's QR names the booking; an ID card names the person, whose booking due now the
// controller finds. Either way only the code or the key leaves the machine.
void TicketMachine::checkInWith(const client::IdentifiedPerson& person) {
    std::string booking, personKey;
    if (person.codeKind == QLatin1String("appointment")) {
        booking = person.bookingId.toStdString();
    } else {
        const auto secret = issuer_->client()->personKeySecret();
        if (identification_ && secret)
            personKey = identification_->personKey(*secret).toStdString();
    }
    if (identification_) identification_->wipeSession();
    identifyProblem_.clear();
    if (booking.empty() && personKey.empty()) return refuse(QStringLiteral("unknown_booking"));
    countdown_.stop();
    setStage(Stage::Issuing);
    const quint64 attempt = ++attempt_;
    const QString device = issuer_->client()->deviceName();
    QPointer<TicketMachine> self(this);
    issuer_->checkIn(booking, personKey,
                     [this, self, attempt, device](const client::IssueOutcome& outcome) {
                         if (!self || attempt != attempt_ || stage_ != Stage::Issuing) return;
                         if (!outcome.ok) {
                             heldNumber_ = QString::fromStdString(outcome.heldNumber);
                             return refuse(QString::fromStdString(outcome.errorCode));
                         }
                         const client::Backend& backend = *issuer_->client();
                         serviceId_ = QString::fromStdString(outcome.serviceId);
                         serviceName_ = backend.serviceName(outcome.serviceId);
                         if (serviceName_.isEmpty()) serviceName_ = serviceId_;
                         serviceNameEn_ = backend.serviceName(outcome.serviceId, true);
                         if (serviceNameEn_.isEmpty()) serviceNameEn_ = serviceName_;
                         show(outcome, device);
                     });
}

void TicketMachine::confirm() {
    if (stage_ == Stage::Confirming) issue();
}

void TicketMachine::cancel() {
    if (stage_ != Stage::Confirming && stage_ != Stage::Identifying &&
        stage_ != Stage::CheckingIn && stage_ != Stage::GreenChannel)
        return;
    countdown_.stop();
    setStage(Stage::Choosing);
}

void TicketMachine::finish() {
    if (stage_ != Stage::Showing && stage_ != Stage::Refused && stage_ != Stage::Confirming) return;
    countdown_.stop();
    secondsLeft_ = 0;
    Q_EMIT secondsLeftChanged();
    setStage(Stage::Choosing);
}

void TicketMachine::issue() {
    countdown_.stop();
    setStage(Stage::Issuing);
    const quint64 attempt = ++attempt_;
    const QString device = issuer_->client()->deviceName();
    QPointer<TicketMachine> self(this);
    client::LeasedIssueOptions options;
    options.personKey = std::exchange(personKey_, {});
    // The person is needed no longer: only the key goes with the ticket.
    if (!options.personKey.empty() && identification_) identification_->wipeSession();
    issuer_->issue(serviceId_.toStdString(), options,
                   [this, self, attempt, device](const client::IssueOutcome& outcome) {
                       if (!self || attempt != attempt_ || stage_ != Stage::Issuing) return;
                       if (outcome.ok) return show(outcome, device);
                       heldNumber_ = QString::fromStdString(outcome.heldNumber);
                       refuse(QString::fromStdString(outcome.errorCode));
                   });
}

void TicketMachine::show(const client::IssueOutcome& outcome, const QString& device) {
    number_ = QString::fromStdString(outcome.number);
    ahead_ = outcome.ahead.value_or(-1);
    offline_ = outcome.offline;
    if (outcome.estimatedWaitMs)
        waitMinutes_ = minutesOf(outcome.estimatedWaitMs);
    else if (outcome.offline)
        waitMinutes_ = -1;
    issuedAt_ = now();
    ticketCode_ = codeFor(outcome, device);
    Q_EMIT ticketChanged();
    setStage(Stage::Showing);
    showFor(showSeconds_);
    lastPrinted_ = paperTicket();
    lastIssuedAt_ = issuedAt_;
    // canReprint turns false when the time is up: say so then.
    QTimer::singleShot(std::chrono::minutes(reprintMinutes_), this,
                       [this] { Q_EMIT printStateChanged(); });
    printTicket();
}

void TicketMachine::refuse(const QString& code) {
    refusalCode_ = code;
    refusal_ = refusalFor(code);
    refusalAdvice_ = adviceFor(code);
    Q_EMIT ticketChanged();
    setStage(Stage::Refused);
    showFor(refusedSeconds_);
}

drivers::printer::Ticket TicketMachine::paperTicket() const {
    drivers::printer::Ticket t;
    t.hallName = issuer_ && issuer_->client() ? issuer_->client()->hallName().toStdString() : "";
    t.number = number_.toStdString();
    t.serviceName = serviceName_.toStdString();
    t.peopleAhead = std::max(0, ahead_);
    if (waitMinutes_ > 0) t.waitMinutes = waitMinutes_;
    const QDate d = issuedAt_.date();
    const QTime time = issuedAt_.time();
    t.issuedAt = {d.year(), d.month(), d.day(), time.hour(), time.minute()};
    t.followUrl = ticketCode_.toStdString();
    return t;
}

void TicketMachine::showFor(int seconds) {
    secondsLeft_ = std::max(1, seconds);
    Q_EMIT secondsLeftChanged();
    countdown_.start();
}

void TicketMachine::tick() {
    if (--secondsLeft_ > 0) {
        Q_EMIT secondsLeftChanged();
        return;
    }
    secondsLeft_ = 0;
    Q_EMIT secondsLeftChanged();
    countdown_.stop();
    setStage(Stage::Choosing);
}

QString TicketMachine::refusalFor(const QString& code) {
    if (code == QLatin1String("service_closed"))
        return tr("This service is not taking numbers at this time.");
    if (code == QLatin1String("quota_reached"))
        return tr("Today's numbers for this service have all been given out.");
    if (code == QLatin1String("duplicate_person"))
        return tr("You already have a number for this service today.");
    if (code == QLatin1String("identity_required")) return tr("This service needs your ID card.");
    if (code == QLatin1String("unknown_booking")) return tr("No booking for today was found.");
    if (code == QLatin1String("booking_not_today")) return tr("Your booking is for another day.");
    if (code == QLatin1String("too_early"))
        return tr("It is too early to check in for your booking.");
    if (code == QLatin1String("too_late"))
        return tr("The check-in time for your booking has passed.");
    if (code == QLatin1String("already_checked_in"))
        return tr("This booking is already checked in.");
    if (code == QLatin1String("check_in_offline"))
        return tr("Bookings cannot be checked in just now.");
    if (code == QLatin1String("no_leased_numbers") || code == QLatin1String("offline") ||
        code == QLatin1String("connection_lost") || code == QLatin1String("timeout"))
        return tr("This machine cannot give out numbers for this service just now.");
    return tr("No number could be given out.");
}

QString TicketMachine::adviceFor(const QString& code) {
    if (code == QLatin1String("service_closed"))
        return tr("Numbers for it are given out in the hours shown on its button.");
    if (code == QLatin1String("quota_reached"))
        return tr("Please come back on another working day, or book an appointment.");
    if (code == QLatin1String("duplicate_person"))
        return tr("Please wait for your number to be called.");
    if (code == QLatin1String("identity_required"))
        return tr("Please place your ID card or social-security card on the reader and try again.");
    if (code == QLatin1String("unknown_booking"))
        return tr("Please check the booking's QR code or the ID card it was made with, or take an "
                  "ordinary number.");
    if (code == QLatin1String("booking_not_today") || code == QLatin1String("too_late") ||
        code == QLatin1String("check_in_offline"))
        return tr("Please take an ordinary number; the staff can see your booking at the window.");
    if (code == QLatin1String("too_early"))
        return tr("Check-in opens shortly before your booked time. Please come back then.");
    if (code == QLatin1String("already_checked_in"))
        return tr("Please wait for your number to be called.");
    return tr("Please try another ticket machine or ask at the information desk.");
}

} // namespace hall::callstation
