#pragma once
// The terminal's ticket printer as the screens see it: its state (ready, paper low, paper out,
// cover open, fault, lost, none configured), and print(ticket) with one result per ticket,
// printed or not and why. The ticket is laid out here (drivers/printer/ticket_layout.h) with
// the hall's name and advice, so every app prints the same ticket.
//
// A printer that cannot print is never silent: print() answers "not printed" at once when the
// printer is known to be down (no citizen waits for paper that is not there), the screen then
// shows the ticket large with its QR code, and faults() — paper_low, paper_out, printer_error in
// the heartbeat's names — go to the controller with the next heartbeat (the app root reports
// them with Backend::setFaultsOf).
//
// The device's events and job results arrive on its worker thread and are carried here over a
// ThreadRelay; results of a device that was replaced are dropped with it.

#include "drivers/base/device.h"
#include "drivers/printer/ticket_layout.h"
#include "drivers/printer/ticket_printer_device.h"
#include "shared/qt/thread_relay.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <map>
#include <memory>

namespace hall::client {

class TicketPrinting : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the app root owns the printer: Terminal.printing")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // For staff and the technician (the driver's words); never shown to citizens.
    Q_PROPERTY(QString problem READ problem NOTIFY stateChanged)

public:
    enum class State { None, Starting, Ready, PaperLow, PaperOut, CoverOpen, Fault, Lost };
    Q_ENUM(State)

    // printed, or the code of why not: paper_out, cover_open, printer_fault, lost, no_printer,
    // queue_full, or the driver's own code.
    using Done = std::function<void(bool printed, const QString& code)>;

    explicit TicketPrinting(QObject* parent = nullptr);
    ~TicketPrinting() override;

    // The printer to drive (made with eventSink() and jobSink()); it is started here. Null, or
    // a device of another kind, removes the printer (state None).
    void setDevice(std::unique_ptr<drivers::Device> device);
    drivers::DeviceEventSink eventSink() const;
    drivers::printer::JobSink jobSink() const;

    void setLayout(drivers::printer::TicketLayoutSettings settings); // throws invalid_argument
    // Lays the ticket out and sends it; `done` is called once, on this thread, never from
    // inside print().
    void print(const drivers::printer::Ticket& ticket, Done done);

    State state() const { return state_; }
    QString problem() const { return problem_; }
    bool canPrint() const;
    QStringList faults() const; // the heartbeat's names of what is wrong now

Q_SIGNALS:
    void stateChanged();
    void faultsChanged();

private:
    void onEvent(const drivers::DeviceEvent& event);
    void onResult(const drivers::printer::JobResult& result);
    void setState(State state, const QString& problem = {});
    void answerLater(Done done, bool printed, QString code);

    std::shared_ptr<qt::ThreadRelay<TicketPrinting>> relay_;
    std::unique_ptr<drivers::Device> device_;
    drivers::printer::TicketPrinterDevice* printer_ = nullptr; // device_, as a printer
    drivers::printer::TicketLayout layout_;
    std::map<drivers::printer::JobId, Done> pending_;
    State state_ = State::None;
    QString problem_;
};

} // namespace hall::client
