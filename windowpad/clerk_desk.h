#pragma once
// The clerk's side of a window (呼叫器): who is signed in, the ticket in front of them, the
// window's queues, and every window action as one call — the screen, the keyboard shortcuts and
// a hardware caller keypad all land here.
//
//   signed out ──signIn(number, PIN) / card──▶ signed in ──callNext()──▶ a ticket called
//        ▲                                         ▲  │                     │ start(), recall()
//        └──────────────── signOut() ──────────────┘  pause()/resume()      ▼
//                                                  ◀── finish / noShow / park / transfer ──
//
// Rules the controller keeps are the controller's (a no-show too soon, a call out of turn
// without a reason, …): its refusals are shown in the clerk's words (`message`). Two are kept
// here because only the pad sees the hand: the call actions are locked for kCallLockMs after a
// call, so a double tap never calls twice, and one action runs at a time (`busy`).
//
// While the link is down, the actions that must not be lost — finish, no-show, pause, resume,
// sign-out — go through the outbox and are shown as pending until the controller answers; the
// others (calls, transfers, park, sign-in) need the controller now and say so.
//
// "Finish and call next" calls once the citizen has rated the visit (the window's view says so)
// or the hall's rating time is up, whichever comes first: the citizen at the counter is not
// cut off mid-rating by the next call, and the clerk can call at once with callNow().
//
// The current ticket is the controller's view of it (protocol::TicketView): number, service,
// wait, serving time, priority, appointment, the note a transfer brought. The ID card on the
// pad's reader: while nobody is signed in it is the clerk's own (their sign-in); while a visit
// is at the window it is the citizen's, whose person key is attached to the visit
// (identify_visit) — the controller keeps the key only, and the pad shows the masked name and
// number (`citizen`, on both faces) until the next ticket is called. The card's record itself
// is wiped from the reader's session as soon as the key is made.

#include "shared/client/backend.h"
#include "shared/client/hall_clock.h"
#include "shared/client/identification_service.h"
#include "shared/client/staff_photos.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <set>

namespace hall::windowpad {

class ClerkDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(hall::client::Backend* backend READ backend WRITE setBackend NOTIFY backendChanged)
    Q_PROPERTY(int window READ window NOTIFY stateChanged)
    Q_PROPERTY(QString windowName READ windowName NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY stateChanged)
    Q_PROPERTY(QString staffName READ staffName NOTIFY stateChanged)
    Q_PROPERTY(QString staffNumber READ staffNumber NOTIFY stateChanged)
    // The clerk's photo (a local file; empty until it is here) and how citizens rated them over
    // the last 30 days: {visits, average (1.0 … 5.0)}, empty before anyone rated them.
    Q_PROPERTY(QUrl staffPhoto READ staffPhoto NOTIFY photoChanged)
    Q_PROPERTY(QVariantMap staffRating READ staffRating NOTIFY stateChanged)
    Q_PROPERTY(bool paused READ paused NOTIFY stateChanged)
    Q_PROPERTY(QString pauseReason READ pauseReason NOTIFY stateChanged)
    // {number, service, state ("called", "serving"), priority, greenCategory, issuedAt,
    //  calledAt, servingSince, appointmentSlot, transferNote, returnWindow, identified};
    // empty when the window has no ticket.
    Q_PROPERTY(QVariantMap ticket READ ticket NOTIFY stateChanged)
    Q_PROPERTY(bool hasTicket READ hasTicket NOTIFY stateChanged)
    // The window's services: [{id, name, waiting, waitingSince (QDateTime, invalid: nobody)}].
    // Lists the screens repeat over change only when their content does: a Repeater rebuilds
    // its items at every change of its model, and a push comes several times a minute.
    Q_PROPERTY(QVariantList queues READ queues NOTIFY queuesChanged)
    Q_PROPERTY(int waiting READ waiting NOTIFY stateChanged)
    // The tickets only this window may call — parked here (挂起) or transferred here — first in
    // line first: [{number, service, parkedUntil (QDateTime; invalid: transferred), note}].
    Q_PROPERTY(QVariantList held READ held NOTIFY heldChanged)
    Q_PROPERTY(int servedToday READ servedToday NOTIFY stateChanged)
    Q_PROPERTY(int typicalServiceMinutes READ typicalServiceMinutes NOTIFY stateChanged)
    Q_PROPERTY(QStringList outcomes READ outcomes NOTIFY hallChanged)
    Q_PROPERTY(QStringList pauseReasons READ pauseReasons NOTIFY hallChanged)
    Q_PROPERTY(QVariantList transferTargets READ transferTargets NOTIFY hallChanged)
    Q_PROPERTY(QVariantList staff READ staff NOTIFY hallChanged) // [{name, number}]: sign-in
    // The hall asks for a reason to call a given number (queue.call_number_needs_reason); a
    // ticket in `held` is called back without one.
    Q_PROPERTY(bool callNumberNeedsReason READ callNumberNeedsReason NOTIFY hallChanged)
    // The letters of the window's ticket numbers, in its routing order ("A", "B"): a number
    // called by hand is one of them and digits.
    Q_PROPERTY(QStringList numberPrefixes READ numberPrefixes NOTIFY hallChanged)
    Q_PROPERTY(bool online READ online NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool callLocked READ callLocked NOTIFY busyChanged)
    Q_PROPERTY(int pending READ pending NOTIFY pendingChanged)
    // "Finish and call next" waits for the citizen's rating: seconds left until it calls anyway.
    Q_PROPERTY(int ratingWaitSeconds READ ratingWaitSeconds NOTIFY ratingWaitChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    // The citizen who identified at this window for this visit: {name, idNumber}, both masked;
    // empty when nobody did (or the visit is another's).
    Q_PROPERTY(QVariantMap citizen READ citizen NOTIFY citizenChanged)

public:
    static constexpr int kCallLockMs = 3000;

    explicit ClerkDesk(QObject* parent = nullptr);

    client::Backend* backend() const { return backend_; }
    void setBackend(client::Backend* backend);
    // The pad's ID-card reader (and other identifying devices): see the head of this file.
    void setIdentification(client::IdentificationService* identification);
    void setStaffPhotos(client::StaffPhotos* photos);
    QVariantMap citizen() const { return citizen_; }

    int window() const;
    QString windowName() const;
    bool signedIn() const { return view() && !view()->staffId.empty(); }
    QString staffName() const;
    QString staffNumber() const;
    QUrl staffPhoto() const;
    QVariantMap staffRating() const;
    QVariantList held() const;
    bool callNumberNeedsReason() const;
    QStringList numberPrefixes() const;
    bool paused() const { return view() && view()->paused; }
    QString pauseReason() const;
    QVariantMap ticket() const;
    bool hasTicket() const { return view() && view()->current.has_value(); }
    QVariantList queues() const;
    int waiting() const;
    int servedToday() const { return view() ? view()->servedToday : 0; }
    int typicalServiceMinutes() const;
    QStringList outcomes() const;
    QStringList pauseReasons() const;
    QVariantList transferTargets() const; // [{service, name}] then [{window, name}]
    QVariantList staff() const;
    bool online() const { return backend_ && backend_->online(); }
    bool busy() const { return busy_; }
    bool callLocked() const { return callLock_.isActive(); }
    int pending() const { return static_cast<int>(pending_.size()); }
    int ratingWaitSeconds() const { return ratingWaitLeft_; }
    QString message() const { return message_; }

    Q_INVOKABLE void signIn(const QString& staffNumber, const QString& pin);
    Q_INVOKABLE void signInWithCard(const QString& personKey); // the card on the pad's reader
    // The citizen's ID card read at the window: their person key attached to the visit.
    void identifyVisit(const QString& personKey, const QVariantMap& maskedCitizen);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void callNext(bool silent = false);
    Q_INVOKABLE void callNumber(const QString& number, const QString& reason);
    Q_INVOKABLE void recall(bool silent = false);
    Q_INVOKABLE void start();
    Q_INVOKABLE void finish(const QString& outcome = {}, const QString& note = {});
    // The next sensible action as one touch: finish this visit, then call the next citizen.
    Q_INVOKABLE void finishAndCallNext(const QString& outcome = {}, const QString& note = {});
    Q_INVOKABLE void callNow(); // while waiting for the rating: call the next citizen now
    Q_INVOKABLE void noShow();
    Q_INVOKABLE void park(int minutes = 0);
    Q_INVOKABLE void transfer(const QString& serviceId, int toWindow, const QString& note,
                              bool returnHere);
    Q_INVOKABLE void pause(const QString& reason);
    Q_INVOKABLE void resume();
    Q_INVOKABLE void undo();
    Q_INVOKABLE void clearMessage();
    // A key of the hardware caller keypad or a keyboard shortcut, by the keypad's names
    // (drivers/keypad/keys.h: call_next, recall, no_show, transfer, pause, finish, enter; and
    // start, which only the keyboard has), with the number typed before it: "12 call_next"
    // calls A012's number as typed, "3 transfer" sends the citizen to window 3. False for a key
    // that does nothing here.
    Q_INVOKABLE bool keypadKey(const QString& key, const QString& number = {});

Q_SIGNALS:
    void backendChanged();
    void stateChanged();
    void busyChanged();
    void pendingChanged();
    void messageChanged();
    void ratingWaitChanged();
    void queuesChanged();
    void citizenChanged();
    void hallChanged(); // the hall's configuration in a new snapshot, or another window
    void heldChanged();
    void photoChanged();

private:
    const protocol::WindowView* view() const;
    // Sends an action now; `after` runs with the response when it was accepted.
    void act(protocol::RequestBody body, bool call,
             std::function<void(const protocol::Response&)> after = {});
    // An action that must not be lost: sent now when online, else put in the outbox.
    void actDurably(protocol::RequestBody body);
    void say(const QString& message);
    QString refusalText(const protocol::Error& error) const;
    void onDurableAnswered(const QString& id, bool ok, const QString& code, const QString& text);
    void announceFinished(const protocol::Response& response);
    // After a finish-and-call-next: call once the visit is rated or the rating time is up.
    void callAfterRating(quint64 ticket);
    void followRating(); // on every change of the window's view
    void stopRatingWait();
    void refresh(); // a push, a snapshot, the link or the identity changed
    void cardRead(const client::IdentifiedPerson& person);

    QPointer<client::Backend> backend_;
    bool busy_ = false;
    QTimer callLock_;
    std::set<std::string> pending_; // outbox request ids not answered yet
    QString message_;
    quint64 ratingWaitFor_ = 0; // the finished ticket whose rating the next call waits for
    int ratingWaitLeft_ = 0;
    QTimer ratingWait_; // 1 s ticks
    QPointer<client::IdentificationService> identification_;
    QVariantMap citizen_;
    quint64 citizenVisit_ = 0; // the ticket `citizen_` identified
    QVariantList queuesShown_; // as last announced
    QVariantList hallShown_;   // outcomes, reasons, targets and staff as last announced
    QVariantList heldShown_;
    QPointer<client::StaffPhotos> photos_;
    QString photoStaff_; // the staff member whose photo was last announced
};

} // namespace hall::windowpad
