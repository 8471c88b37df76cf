#pragma once
// The ticket machine's flow, one citizen at a time:
//
//   Choosing ──choose()──▶ [Identifying] ──card──▶ [Confirming] ──confirm()──▶ Issuing
//      ▲                     (identify services:     (many waiting: "前面还有 37 人,   │ answered
//      │                      "请刷身份证")            约 55 分钟, 仍要取号吗?")          ▼
//      └─────────── finish()/timer/cancel() ──────────────────── Showing (the number, people
//                                                                ahead, wait, offline or not)
//                                                                Refused (why, in plain words;
//                                                                what to do)
//
// A service the hall marks `identify` is issued only to a person identified at the machine (ID
// card, social-security card; the identification service merges the readers): the ticket
// carries the person key, never the number, and the session is wiped once the ticket is
// issued or refused. One ticket per person and service a day is the controller's rule: its
// refusal names the number the person already holds, and the machine shows it.
//
// A ticket shown is printed at once. When it cannot be (no paper, a fault, no printer), the
// screen keeps the ticket large with its QR code for a phone photo and says so, and stays
// longer; the printer's fault reaches the controller with the heartbeat (TicketPrinting).
// "Reprint my last ticket" works for reprintMinutes after issuing.
//
// After idleSeconds (30) at the services with nobody touching the screen, the machine is idle:
// the screen shows the attract layer (the hall, its notices) until the next touch().
//
// The green channel (绿色通道) is the staff's: "工作人员" opens it; the staff member picks the
// citizen's category (the hall's list) and the service, and proves who they are with their own
// ID card on the reader or their staff number and PIN. The controller checks the credential
// and issues the ticket ahead of the ordinary ones; it is shown and printed as any other. A
// wrong PIN keeps the stage open with the choices made; the credential is sent once and then
// forgotten (green_channel.cpp).
//
// askFromWaiting, reprintMinutes and idleSeconds are the hall's (its ticket_machine settings,
// with every snapshot). The screens only show the stage and call these; what is asked, issued
// and said is decided here. A ticket stays on screen for showSeconds (the countdown is visible), a
// refusal for refusedSeconds; then the machine is back at the services for the next citizen.

#include "shared/client/hall_clock.h"
#include "shared/client/identification_service.h"
#include "shared/client/ticket_issuer.h"
#include "shared/client/ticket_printing.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace hall::callstation {

class TicketMachine : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(hall::client::TicketIssuer* issuer READ issuer WRITE setIssuer NOTIFY issuerChanged)
    Q_PROPERTY(hall::client::TicketPrinting* printing READ printing WRITE setPrinting NOTIFY
                   printingChanged)
    Q_PROPERTY(hall::client::IdentificationService* identification READ identification WRITE
                   setIdentification NOTIFY identificationChanged)
    // The time printed on the ticket and the reprint window are the hall's (Terminal.clock);
    // without one, the box's.
    Q_PROPERTY(hall::client::HallClock* clock MEMBER clock_ NOTIFY settingsChanged)
    // Identifying: a read that failed, in the citizen's words ("请重新放置身份证"); empty
    // otherwise.
    Q_PROPERTY(QString identifyProblem READ identifyProblem NOTIFY ticketChanged)
    // Refused duplicate_person: the number the person already holds today.
    Q_PROPERTY(QString heldNumber READ heldNumber NOTIFY ticketChanged)
    Q_PROPERTY(PrintState printState READ printState NOTIFY printStateChanged)
    Q_PROPERTY(bool canReprint READ canReprint NOTIFY printStateChanged)
    Q_PROPERTY(int reprintMinutes MEMBER reprintMinutes_ NOTIFY settingsChanged)
    Q_PROPERTY(Stage stage READ stage NOTIFY stageChanged)
    // Ask before issuing when this many or more are waiting for the service.
    Q_PROPERTY(int askFromWaiting MEMBER askFromWaiting_ NOTIFY settingsChanged)
    Q_PROPERTY(int showSeconds MEMBER showSeconds_ NOTIFY settingsChanged)
    Q_PROPERTY(int refusedSeconds MEMBER refusedSeconds_ NOTIFY settingsChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(int idleSeconds READ idleSeconds WRITE setIdleSeconds NOTIFY settingsChanged)
    Q_PROPERTY(bool idle READ idle NOTIFY idleChanged)
    // The service chosen (Confirming, Issuing, Showing, Refused).
    Q_PROPERTY(QString serviceId READ serviceId NOTIFY ticketChanged)
    Q_PROPERTY(QString serviceName READ serviceName NOTIFY ticketChanged)
    Q_PROPERTY(QString serviceNameEn READ serviceNameEn NOTIFY ticketChanged)
    Q_PROPERTY(int waiting READ waiting NOTIFY ticketChanged)         // Confirming
    Q_PROPERTY(int waitMinutes READ waitMinutes NOTIFY ticketChanged) // -1: unknown
    // The ticket (Showing).
    Q_PROPERTY(QString number READ number NOTIFY ticketChanged)
    Q_PROPERTY(int ahead READ ahead NOTIFY ticketChanged) // -1: unknown (issued offline)
    Q_PROPERTY(bool offline READ offline NOTIFY ticketChanged)
    Q_PROPERTY(QDateTime issuedAt READ issuedAt NOTIFY ticketChanged)
    // What a phone or a window scans to find this ticket: "hall-ticket:<id>" online,
    // "hall-ticket:<device>/<service>/<number>" for a number issued offline.
    Q_PROPERTY(QString ticketCode READ ticketCode NOTIFY ticketChanged)
    // Refused: what happened and what to do, for the citizen.
    Q_PROPERTY(QString refusal READ refusal NOTIFY ticketChanged)
    Q_PROPERTY(QString refusalAdvice READ refusalAdvice NOTIFY ticketChanged)
    Q_PROPERTY(QString refusalCode READ refusalCode NOTIFY ticketChanged)
    // GreenChannel: the hall's categories (ids), whether a staff card has been read, and why the
    // last staff credential was refused (in the staff's words; empty otherwise).
    Q_PROPERTY(QStringList greenCategories READ greenCategories NOTIFY settingsChanged)
    Q_PROPERTY(bool staffCardRead READ staffCardRead NOTIFY ticketChanged)
    Q_PROPERTY(QString staffProblem READ staffProblem NOTIFY ticketChanged)

public:
    // CheckingIn: waiting for a booking's QR or the booker's ID card. GreenChannel: a staff
    // member issuing a green-channel ticket.
    enum class Stage {
        Choosing,
        Identifying,
        Confirming,
        Issuing,
        Showing,
        Refused,
        CheckingIn,
        GreenChannel
    };
    Q_ENUM(Stage)
    // Of the ticket shown: NotPrinted covers no paper, a fault and no printer alike: the
    // citizen's next step is the same (photograph the screen); the cause goes to staff.
    enum class PrintState { Idle, Printing, Printed, NotPrinted };
    Q_ENUM(PrintState)

    explicit TicketMachine(QObject* parent = nullptr);

    client::TicketIssuer* issuer() const { return issuer_; }
    void setIssuer(client::TicketIssuer* issuer);

    client::TicketPrinting* printing() const { return printing_; }
    client::IdentificationService* identification() const { return identification_; }
    void setIdentification(client::IdentificationService* identification);
    QString identifyProblem() const { return identifyProblem_; }
    QString heldNumber() const { return heldNumber_; }
    void setPrinting(client::TicketPrinting* printing);
    PrintState printState() const { return printState_; }
    bool canReprint() const;

    Stage stage() const { return stage_; }
    int idleSeconds() const { return idleSeconds_; }
    void setIdleSeconds(int seconds);
    bool idle() const { return idle_; }
    int secondsLeft() const { return secondsLeft_; }
    QString serviceId() const { return serviceId_; }
    QString serviceName() const { return serviceName_; }
    QString serviceNameEn() const { return serviceNameEn_; }
    int waiting() const { return waiting_; }
    int waitMinutes() const { return waitMinutes_; }
    QString number() const { return number_; }
    int ahead() const { return ahead_; }
    bool offline() const { return offline_; }
    QDateTime issuedAt() const { return issuedAt_; }
    QString ticketCode() const { return ticketCode_; }
    QString refusal() const { return refusal_; }
    QString refusalAdvice() const { return refusalAdvice_; }
    QString refusalCode() const { return refusalCode_; }
    QStringList greenCategories() const;
    bool staffCardRead() const { return !staffCardKey_.empty(); }
    QString staffProblem() const { return staffProblem_; }

    // A service button: asks first when many are waiting, else issues at once; a service that
    // is not issuing now (closed, numbers gone) is explained at once. Ignored unless Choosing
    // (a second touch while a ticket is being issued takes no second ticket).
    Q_INVOKABLE void choose(const QString& serviceId);
    Q_INVOKABLE void confirm(); // Confirming → Issuing
    Q_INVOKABLE void cancel();  // Confirming, Identifying or CheckingIn → Choosing
    // "预约签到": the machine asks for the booking's QR code or the booker's ID card (one already
    // read counts), then checks in — an appointment ticket, shown and printed as any other. A
    // booking QR scanned at the services checks in at once.
    Q_INVOKABLE void startCheckIn();
    // A booking code typed in rather than scanned: checked in as its QR would be.
    Q_INVOKABLE void checkInCode(const QString& booking);
    // The citizen is still at it (typing a code): the waiting stage's countdown starts again.
    Q_INVOKABLE void stillHere();
    // "工作人员": the green channel's stage (from Choosing), for the staff; it stays open for
    // kGreenChannelSeconds after the last touch.
    static constexpr int kGreenChannelSeconds = 90;
    Q_INVOKABLE void startGreenChannel();
    // Issues a green-channel ticket with the staff card read in this stage, else the staff
    // number and PIN given.
    Q_INVOKABLE void issueGreen(const QString& serviceId, const QString& category,
                                const QString& staffNumber, const QString& pin);
    // The words for a category id ("elderly" → 老年人); an id the app does not know, as it is.
    Q_INVOKABLE static QString greenCategoryName(const QString& category);
    Q_INVOKABLE void finish(); // Showing or Refused → Choosing (the citizen is done)
    // The last ticket again, on paper, within reprintMinutes of issuing (Choosing only).
    Q_INVOKABLE void reprintLast();
    // Somebody touched the screen (or presented a card): not idle, and the idle time restarts.
    Q_INVOKABLE void touch();

    // The citizen's words for an issue refused with `code` (the controller's or the issuer's).
    static QString refusalFor(const QString& code);
    static QString adviceFor(const QString& code);

Q_SIGNALS:
    void issuerChanged();
    void printingChanged();
    void identificationChanged();
    void printStateChanged();
    void stageChanged();
    void settingsChanged();
    void secondsLeftChanged();
    void ticketChanged();
    void idleChanged();

private:
    QDateTime now() const { return clock_ ? clock_->now() : QDateTime::currentDateTime(); }
    void setStage(Stage stage);
    void issue();
    void refuse(const QString& code);
    void showFor(int seconds);
    void tick();
    void clearTicket();
    void printTicket();
    drivers::printer::Ticket paperTicket() const; // the ticket on screen, as printed
    void setPrintState(PrintState state);
    bool identifies(const QString& serviceId) const; // the hall marks it `identify`
    void identified();
    void checkInWith(const client::IdentifiedPerson& person);
    void staffCardPresented(); // GreenChannel: the card on the reader is the staff member's
    void forgetStaff();
    // The ticket answered for: shown, printed, kept for a reprint.
    void show(const client::IssueOutcome& outcome,
              const QString& device); // a person while Identifying: go on
    void askOrIssue();                // Confirming when many wait, else issue()
    // The hall's ticket_machine settings (with every snapshot): when to ask, how long a
    // reprint is offered, when the attract screen comes. QML or a test may set them after.
    void applyHallSettings();

    QPointer<client::TicketIssuer> issuer_;
    QMetaObject::Connection snapshots_;
    QPointer<client::TicketPrinting> printing_;
    QPointer<client::IdentificationService> identification_;
    QPointer<client::HallClock> clock_;
    QMetaObject::Connection identified_, identifyFailed_;
    std::string personKey_; // of the citizen being served (an identify service); then cleared
    QString identifyProblem_;
    QString heldNumber_;
    PrintState printState_ = PrintState::Idle;
    int reprintMinutes_ = 5;
    drivers::printer::Ticket lastPrinted_; // the last ticket shown, for a reprint
    QDateTime lastIssuedAt_;
    Stage stage_ = Stage::Choosing;
    int askFromWaiting_ = 30;
    int showSeconds_ = 20;
    int refusedSeconds_ = 15;
    int secondsLeft_ = 0;
    QTimer countdown_;
    QTimer idleTimer_;
    int idleSeconds_ = 30;
    bool idle_ = false;
    quint64 attempt_ = 0; // an answer for an earlier attempt (after a cancel) is dropped

    QString serviceId_;
    QString serviceName_;
    QString serviceNameEn_;
    int waiting_ = 0;
    int waitMinutes_ = -1;
    QString number_;
    int ahead_ = -1;
    bool offline_ = false;
    QDateTime issuedAt_;
    QString ticketCode_;
    QString refusal_;
    QString refusalAdvice_;
    QString refusalCode_;
    std::string staffCardKey_; // GreenChannel: the person key of the staff card read
    QString staffProblem_;
};

} // namespace hall::callstation
