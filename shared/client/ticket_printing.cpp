#include "shared/client/ticket_printing.h"

#include <QTimer>

namespace hall::client {

namespace {

using drivers::DeviceEventType;

QString codeFor(TicketPrinting::State state) {
    switch (state) {
    case TicketPrinting::State::None: return QStringLiteral("no_printer");
    case TicketPrinting::State::PaperOut: return QStringLiteral("paper_out");
    case TicketPrinting::State::CoverOpen: return QStringLiteral("cover_open");
    case TicketPrinting::State::Fault: return QStringLiteral("printer_fault");
    case TicketPrinting::State::Lost: return QStringLiteral("lost");
    default: return QStringLiteral("not_ready");
    }
}

} // namespace

TicketPrinting::TicketPrinting(QObject* parent)
    : QObject(parent), relay_(std::make_shared<qt::ThreadRelay<TicketPrinting>>(this)),
      layout_(drivers::printer::TicketLayoutSettings{}) {}

TicketPrinting::~TicketPrinting() {
    relay_->detach();
    if (device_) device_->stop(); // its queued jobs fail into the detached relay
}

drivers::DeviceEventSink TicketPrinting::eventSink() const {
    return [relay = relay_](const drivers::DeviceEvent& event) {
        relay->post([event](TicketPrinting* self) { self->onEvent(event); });
    };
}

drivers::printer::JobSink TicketPrinting::jobSink() const {
    return [relay = relay_](const drivers::printer::JobResult& result) {
        relay->post([result](TicketPrinting* self) { self->onResult(result); });
    };
}

void TicketPrinting::setDevice(std::unique_ptr<drivers::Device> device) {
    if (device_) {
        device_->stop();
        device_.reset();
        printer_ = nullptr;
    }
    // Jobs of the old printer will not be answered by it any more.
    for (auto& [id, done] : pending_) answerLater(std::move(done), false, QStringLiteral("lost"));
    pending_.clear();
    printer_ = dynamic_cast<drivers::printer::TicketPrinterDevice*>(device.get());
    if (!printer_) {
        setState(State::None);
        return;
    }
    device_ = std::move(device);
    setState(State::Starting);
    device_->start();
}

void TicketPrinting::setLayout(drivers::printer::TicketLayoutSettings settings) {
    layout_ = drivers::printer::TicketLayout(std::move(settings));
}

bool TicketPrinting::canPrint() const {
    return printer_ && (state_ == State::Ready || state_ == State::PaperLow ||
                        state_ == State::Starting);
}

void TicketPrinting::print(const drivers::printer::Ticket& ticket, Done done) {
    if (!canPrint()) return answerLater(std::move(done), false, codeFor(state_));
    drivers::printer::TicketBytes bytes;
    try {
        bytes = layout_.render(ticket);
    } catch (const std::invalid_argument&) {
        return answerLater(std::move(done), false, QStringLiteral("cannot_lay_out"));
    }
    const auto submission = printer_->print(std::move(bytes.bytes));
    if (!submission.accepted())
        return answerLater(std::move(done), false,
                           QString::fromStdString(submission.refused->code));
    pending_[submission.id] = std::move(done);
}

void TicketPrinting::answerLater(Done done, bool printed, QString code) {
    if (!done) return;
    QTimer::singleShot(0, this, [done = std::move(done), printed, code = std::move(code)] {
        done(printed, code);
    });
}

void TicketPrinting::onResult(const drivers::printer::JobResult& result) {
    auto it = pending_.find(result.id);
    if (it == pending_.end()) return;
    Done done = std::move(it->second);
    pending_.erase(it);
    if (done)
        done(result.printed,
             result.printed || !result.error ? QString() : QString::fromStdString(result.error->code));
}

void TicketPrinting::onEvent(const drivers::DeviceEvent& event) {
    const QString problem =
        event.error ? QString::fromStdString(event.error->message) : QString();
    switch (event.type) {
    case DeviceEventType::Opened:
    case DeviceEventType::Back:
    case DeviceEventType::PrinterOk: setState(State::Ready); break;
    case DeviceEventType::Lost: setState(State::Lost, problem); break;
    case DeviceEventType::PaperLow: setState(State::PaperLow, problem); break;
    case DeviceEventType::PaperOut: setState(State::PaperOut, problem); break;
    case DeviceEventType::CoverOpen: setState(State::CoverOpen, problem); break;
    case DeviceEventType::PrinterFault: setState(State::Fault, problem); break;
    default: break;
    }
}

void TicketPrinting::setState(State state, const QString& problem) {
    if (state == state_ && problem == problem_) return;
    const QStringList before = faults();
    state_ = state;
    problem_ = problem;
    Q_EMIT stateChanged();
    if (faults() != before) Q_EMIT faultsChanged();
}

QStringList TicketPrinting::faults() const {
    switch (state_) {
    case State::PaperLow: return {QStringLiteral("paper_low")};
    case State::PaperOut: return {QStringLiteral("paper_out")};
    case State::CoverOpen:
    case State::Fault:
    case State::Lost: return {QStringLiteral("printer_error")};
    default: return {};
    }
}

} // namespace hall::client
