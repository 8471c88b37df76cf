#include "windowpad/clerk_desk.h"

#include "shared/protocol/hall_view.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <algorithm>

namespace hall::windowpad {

namespace {

Q_LOGGING_CATEGORY(lcClerk, "hall.windowpad.clerk")

QDateTime timeOf(const std::optional<core::Timestamp>& at) {
    if (!at) return {};
    return QDateTime::fromMSecsSinceEpoch(at->time_since_epoch().count());
}

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

ClerkDesk::ClerkDesk(QObject* parent) : QObject(parent) {
    callLock_.setSingleShot(true);
    callLock_.setInterval(kCallLockMs);
    connect(&callLock_, &QTimer::timeout, this, &ClerkDesk::busyChanged);
    ratingWait_.setInterval(1000);
    connect(&ratingWait_, &QTimer::timeout, this, [this] {
        if (ratingWaitLeft_ > 0) --ratingWaitLeft_;
        if (ratingWaitLeft_ > 0) return Q_EMIT ratingWaitChanged();
        callNow(); // the rating time is up: the hall's unrated policy takes it from here
    });
    connect(this, &ClerkDesk::stateChanged, this, &ClerkDesk::followRating);
}

void ClerkDesk::setBackend(client::Backend* backend) {
    if (backend_ == backend) return;
    if (backend_) disconnect(backend_, nullptr, this, nullptr);
    backend_ = backend;
    if (backend_) {
        connect(backend_, &client::Backend::snapshotReplaced, this, &ClerkDesk::refresh);
        connect(backend_, &client::Backend::pushApplied, this, &ClerkDesk::refresh);
        connect(backend_, &client::Backend::identityChanged, this, &ClerkDesk::refresh);
        connect(backend_, &client::Backend::connectionStateChanged, this, &ClerkDesk::refresh);
        connect(backend_, &client::Backend::durableAnswered, this, &ClerkDesk::onDurableAnswered);
    }
    Q_EMIT backendChanged();
    refresh();
}

void ClerkDesk::setIdentification(client::IdentificationService* identification) {
    if (identification_) disconnect(identification_, nullptr, this, nullptr);
    identification_ = identification;
    if (identification_)
        connect(identification_, &client::IdentificationService::personIdentified, this,
                &ClerkDesk::cardRead);
}

void ClerkDesk::cardRead(const client::IdentifiedPerson& person) {
    const auto secret = backend_ ? backend_->personKeySecret() : std::nullopt;
    const QString key =
        secret && person.hasPersonKey ? identification_->personKey(*secret) : QString();
    // Only the key goes on, and only for this one action: the card's record is not kept.
    identification_->wipeSession();
    if (key.isEmpty())
        return say(secret ? tr("This card cannot be used here: it carries no ID number.")
                          : tr("Cards can be read once the hall's server has been reached."));
    if (!signedIn()) return signInWithCard(key);
    if (!hasTicket()) return say(tr("There is no visit at the window to attach the card to."));
    identifyVisit(key, {{QStringLiteral("name"), person.name},
                        {QStringLiteral("idNumber"), person.idNumber}});
}

void ClerkDesk::identifyVisit(const QString& personKey, const QVariantMap& maskedCitizen) {
    const quint64 visit = view() && view()->current ? view()->current->id : 0;
    act(core::IdentifyVisit{window(), personKey.toStdString()}, false,
        [this, visit, maskedCitizen](const protocol::Response&) {
            citizen_ = maskedCitizen;
            citizenVisit_ = visit;
            Q_EMIT citizenChanged();
        });
}

void ClerkDesk::setStaffPhotos(client::StaffPhotos* photos) {
    if (photos_) disconnect(photos_, nullptr, this, nullptr);
    photos_ = photos;
    if (photos_)
        connect(photos_, &client::StaffPhotos::photosChanged, this, &ClerkDesk::photoChanged);
    Q_EMIT photoChanged();
}

void ClerkDesk::refresh() {
    // Another visit at the window (or none): the last citizen's masked identity goes.
    const quint64 visit = view() && view()->current ? view()->current->id : 0;
    if (!citizen_.isEmpty() && visit != citizenVisit_) {
        citizen_.clear();
        citizenVisit_ = 0;
        Q_EMIT citizenChanged();
    }
    Q_EMIT stateChanged();
    if (auto now = queues(); now != queuesShown_) {
        queuesShown_ = std::move(now);
        Q_EMIT queuesChanged();
    }
    // The photo follows who is signed in, not only the files that arrive.
    if (const QString staff = signedIn() ? text(view()->staffId) : QString();
        staff != photoStaff_) {
        photoStaff_ = staff;
        Q_EMIT photoChanged();
    }
    if (auto now = held(); now != heldShown_) {
        heldShown_ = std::move(now);
        Q_EMIT heldChanged();
    }
    const QVariantList hall{outcomes(), pauseReasons(),          transferTargets(),
                            staff(),    callNumberNeedsReason(), numberPrefixes()};
    if (hall != hallShown_) {
        hallShown_ = hall;
        Q_EMIT hallChanged();
    }
}

// --- what the screen shows -----------------------------------------------------------------

int ClerkDesk::window() const {
    return backend_ ? backend_->window() : 0;
}

const protocol::WindowView* ClerkDesk::view() const {
    if (!backend_) return nullptr;
    return protocol::findWindow(backend_->state().snapshot().windows, window());
}

QString ClerkDesk::windowName() const {
    if (!backend_) return {};
    for (const auto& w : backend_->state().snapshot().hall.windows)
        if (w.number == window()) return text(w.name);
    return {};
}

QString ClerkDesk::staffName() const {
    if (!signedIn()) return {};
    for (const auto& s : backend_->state().snapshot().hall.staff)
        if (s.id == view()->staffId) return text(s.name);
    return text(view()->staffId);
}

QString ClerkDesk::staffNumber() const {
    if (!signedIn()) return {};
    for (const auto& s : backend_->state().snapshot().hall.staff)
        if (s.id == view()->staffId) return text(s.number);
    return {};
}

QUrl ClerkDesk::staffPhoto() const {
    return signedIn() && photos_ ? photos_->photoOf(view()->staffId) : QUrl();
}

QVariantMap ClerkDesk::staffRating() const {
    if (!signedIn() || !view()->staffRating) return {};
    const auto& r = *view()->staffRating;
    return {{QStringLiteral("visits"), r.visits},
            {QStringLiteral("average"), r.averageTenths / 10.0}};
}

QVariantList ClerkDesk::held() const {
    QVariantList out;
    if (const auto* w = view())
        for (const auto& t : w->held)
            out.push_back(
                QVariantMap{{QStringLiteral("number"), text(t.number)},
                            {QStringLiteral("service"), backend_->serviceName(t.serviceId)},
                            {QStringLiteral("parkedUntil"), timeOf(t.parkedUntil)},
                            {QStringLiteral("note"), text(t.transferNote)}});
    return out;
}

bool ClerkDesk::callNumberNeedsReason() const {
    return backend_ && backend_->state().snapshot().hall.callNumberNeedsReason;
}

QStringList ClerkDesk::numberPrefixes() const {
    QStringList out;
    if (!backend_) return out;
    const auto& hall = backend_->state().snapshot().hall;
    const auto info =
        std::ranges::find_if(hall.windows, [&](const auto& w) { return w.number == window(); });
    if (info == hall.windows.end()) return out;
    for (const auto& id : info->services)
        for (const auto& s : hall.services)
            if (s.id == id && !s.prefix.empty() && !out.contains(text(s.prefix)))
                out << text(s.prefix);
    return out;
}

QString ClerkDesk::pauseReason() const {
    return view() ? text(view()->pauseReason) : QString();
}

QVariantMap ClerkDesk::ticket() const {
    const auto* w = view();
    if (!w || !w->current) return {};
    const auto& t = *w->current;
    QVariantMap m{
        {QStringLiteral("id"), QVariant::fromValue<quint64>(t.id)},
        {QStringLiteral("number"), text(t.number)},
        {QStringLiteral("serviceId"), text(t.serviceId)},
        {QStringLiteral("service"), backend_->serviceName(t.serviceId)},
        {QStringLiteral("state"), text(std::string(core::stateName(t.state)))},
        {QStringLiteral("priority"), text(std::string(core::priorityName(t.priority)))},
        {QStringLiteral("greenCategory"), text(t.greenCategory)},
        {QStringLiteral("issuedAt"), timeOf(t.issuedAt)},
        {QStringLiteral("calledAt"), timeOf(t.calledAt)},
        {QStringLiteral("servingSince"), timeOf(t.servingSince)},
        {QStringLiteral("appointmentSlot"), timeOf(t.appointmentSlot)},
        {QStringLiteral("transferNote"), text(t.transferNote)},
        {QStringLiteral("returnWindow"), t.returnWindow.value_or(0)},
        {QStringLiteral("identified"), t.identified},
    };
    return m;
}

QVariantList ClerkDesk::queues() const {
    QVariantList out;
    if (!backend_) return out;
    const auto& snapshot = backend_->state().snapshot();
    const auto info = std::ranges::find_if(snapshot.hall.windows,
                                           [&](const auto& w) { return w.number == window(); });
    if (info == snapshot.hall.windows.end()) return out;
    // In the window's routing order: what it calls first comes first.
    for (const auto& id : info->services) {
        const auto q = std::ranges::find_if(snapshot.queues.services,
                                            [&](const auto& s) { return s.serviceId == id; });
        if (q == snapshot.queues.services.end()) continue;
        QVariantMap m{
            {QStringLiteral("id"), text(q->serviceId)},
            {QStringLiteral("name"), backend_->serviceName(q->serviceId)},
            {QStringLiteral("waiting"), q->waiting},
            {QStringLiteral("waitingSince"),
             q->waitingSinceMs ? QDateTime::fromMSecsSinceEpoch(*q->waitingSinceMs) : QDateTime()}};
        out.push_back(m);
    }
    return out;
}

int ClerkDesk::waiting() const {
    if (!backend_) return 0;
    const auto& snapshot = backend_->state().snapshot();
    const auto info = std::ranges::find_if(snapshot.hall.windows,
                                           [&](const auto& w) { return w.number == window(); });
    if (info == snapshot.hall.windows.end()) return 0;
    int n = 0;
    for (const auto& q : snapshot.queues.services)
        if (std::ranges::find(info->services, q.serviceId) != info->services.end()) n += q.waiting;
    return n;
}

int ClerkDesk::typicalServiceMinutes() const {
    const auto* w = view();
    if (!w || !w->typicalServiceMs) return 0;
    return static_cast<int>((*w->typicalServiceMs + 30'000) / 60'000);
}

QStringList ClerkDesk::outcomes() const {
    QStringList out;
    if (backend_)
        for (const auto& o : backend_->state().snapshot().hall.finishOutcomes)
            out << text(o);
    return out;
}

QStringList ClerkDesk::pauseReasons() const {
    QStringList out;
    if (backend_)
        for (const auto& r : backend_->state().snapshot().hall.pauseReasons)
            out << text(r);
    return out;
}

QVariantList ClerkDesk::transferTargets() const {
    QVariantList out;
    if (!backend_) return out;
    const auto& hall = backend_->state().snapshot().hall;
    for (const auto& s : hall.services)
        out.push_back(QVariantMap{{QStringLiteral("service"), text(s.id)},
                                  {QStringLiteral("window"), 0},
                                  {QStringLiteral("name"), text(s.nameZh)}});
    for (const auto& w : hall.windows)
        if (w.number != window())
            out.push_back(QVariantMap{{QStringLiteral("service"), QString()},
                                      {QStringLiteral("window"), w.number},
                                      {QStringLiteral("name"), text(w.name)}});
    return out;
}

QVariantList ClerkDesk::staff() const {
    QVariantList out;
    if (!backend_) return out;
    for (const auto& s : backend_->state().snapshot().hall.staff)
        out.push_back(QVariantMap{{QStringLiteral("name"), text(s.name)},
                                  {QStringLiteral("number"), text(s.number)}});
    return out;
}

// --- actions -------------------------------------------------------------------------------

void ClerkDesk::signIn(const QString& staffNumber, const QString& pin) {
    act(protocol::StaffSignInRequest{window(),
                                     {staffNumber.trimmed().toStdString(), pin.toStdString(), {}}},
        false);
}

void ClerkDesk::signInWithCard(const QString& personKey) {
    act(protocol::StaffSignInRequest{window(), {{}, {}, personKey.toStdString()}}, false);
}

void ClerkDesk::signOut() {
    actDurably(core::SignOut{window()});
}

void ClerkDesk::callNext(bool silent) {
    stopRatingWait();
    act(core::CallNext{window(), silent}, true);
}

void ClerkDesk::callNumber(const QString& number, const QString& reason) {
    core::CallNumber c{window(), number.trimmed().toUpper().toStdString(), false};
    c.reason = reason.trimmed().toStdString();
    act(std::move(c), true);
}

void ClerkDesk::recall(bool silent) {
    act(core::Recall{window(), silent}, true);
}

void ClerkDesk::start() {
    act(core::StartServing{window()}, false);
}

void ClerkDesk::finish(const QString& outcome, const QString& note) {
    core::Finish f{window(), outcome.toStdString(), note.trimmed().toStdString()};
    if (!online()) return actDurably(std::move(f));
    act(std::move(f), false, [this](const protocol::Response& r) { announceFinished(r); });
}

void ClerkDesk::finishAndCallNext(const QString& outcome, const QString& note) {
    if (!online())
        return say(tr("Offline: finish is kept and sent later; calling needs the "
                      "hall's server."));
    core::Finish f{window(), outcome.toStdString(), note.trimmed().toStdString()};
    act(std::move(f), false, [this](const protocol::Response& r) {
        announceFinished(r);
        const auto& result = std::get<protocol::ResponseResult>(r.outcome);
        const auto* done = std::get_if<protocol::CommandResult>(&result);
        if (paused()) return;
        if (done && done->ticket && done->ticket->state == core::TicketState::Done)
            callAfterRating(done->ticket->id);
        else
            callNext(); // it went back to the window that sent it: nobody here to rate
    });
}

void ClerkDesk::callAfterRating(quint64 ticket) {
    ratingWaitFor_ = ticket;
    ratingWaitLeft_ = backend_ ? backend_->state().snapshot().hall.ratingSeconds : 30;
    ratingWait_.start();
    Q_EMIT ratingWaitChanged();
    followRating(); // it may be rated already
}

void ClerkDesk::followRating() {
    if (ratingWaitFor_ == 0) return;
    const auto* w = view();
    if (!w) return;
    if (w->current || w->paused) return stopRatingWait(); // called or paused another way
    if (w->finished && w->finished->id == ratingWaitFor_ && w->finished->rated) callNow();
}

void ClerkDesk::callNow() {
    if (ratingWaitFor_ == 0 || busy_) return; // busy: the next change of the view tries again
    stopRatingWait();
    callLock_.stop(); // not a second tap: the call the clerk asked for with the finish
    callNext();
}

void ClerkDesk::stopRatingWait() {
    if (ratingWaitFor_ == 0) return;
    ratingWaitFor_ = 0;
    ratingWaitLeft_ = 0;
    ratingWait_.stop();
    Q_EMIT ratingWaitChanged();
}

void ClerkDesk::noShow() {
    actDurably(core::MarkNoShow{window()});
}

void ClerkDesk::park(int minutes) {
    act(core::Park{window(), minutes}, false);
}

void ClerkDesk::transfer(const QString& serviceId, int toWindow, const QString& note,
                         bool returnHere) {
    core::Transfer t;
    t.window = window();
    if (!serviceId.isEmpty()) t.toService = serviceId.toStdString();
    if (toWindow > 0) t.toWindow = toWindow;
    t.note = note.trimmed().toStdString();
    t.returnHere = returnHere;
    act(std::move(t), false);
}

void ClerkDesk::pause(const QString& reason) {
    actDurably(core::PauseWindow{window(), reason.toStdString()});
}

void ClerkDesk::resume() {
    actDurably(core::ResumeWindow{window()});
}

void ClerkDesk::undo() {
    act(core::UndoCall{window()}, false);
}

void ClerkDesk::clearMessage() {
    say({});
}

bool ClerkDesk::keypadKey(const QString& key, const QString& number) {
    const bool typed = !number.isEmpty();
    if (key == QLatin1String("call_next") || (key == QLatin1String("enter") && typed))
        typed ? callNumber(number, {}) : callNext();
    else if (key == QLatin1String("transfer") && typed)
        transfer({}, number.toInt(), {}, false);
    else if (key == QLatin1String("recall"))
        recall();
    else if (key == QLatin1String("start"))
        start();
    else if (key == QLatin1String("finish"))
        finish();
    else if (key == QLatin1String("no_show"))
        noShow();
    else if (key == QLatin1String("pause"))
        paused() ? resume() : pause(pauseReasons().value(0));
    else
        return false;
    return true;
}

void ClerkDesk::act(protocol::RequestBody body, bool call,
                    std::function<void(const protocol::Response&)> after) {
    if (!backend_) return;
    if (busy_) return say(tr("One moment: the last action is still on its way."));
    if (call && callLock_.isActive()) return; // a second tap of the same call
    if (!online()) return say(tr("This needs the hall's server, which cannot be reached now."));
    busy_ = true;
    if (call) callLock_.start();
    Q_EMIT busyChanged();
    say({});
    backend_->send(std::move(body),
                   [this, call, after = std::move(after)](const protocol::Response& response) {
                       busy_ = false;
                       const auto* error = std::get_if<protocol::Error>(&response.outcome);
                       if (error && call) callLock_.stop(); // nothing was called: try again
                       Q_EMIT busyChanged(); // after the lock: the call buttons read both
                       if (error) return say(refusalText(*error));
                       if (after) after(response);
                   });
}

void ClerkDesk::actDurably(protocol::RequestBody body) {
    if (!backend_) return;
    if (online()) return act(std::move(body), false);
    try {
        pending_.insert(backend_->sendDurable(std::move(body)));
        say(tr("Offline: kept on this pad and sent when the server is back."));
    } catch (const std::exception& e) {
        qCWarning(lcClerk) << "an action could not be kept:" << e.what();
        say(tr("This pad could not keep the action: %1").arg(QString::fromUtf8(e.what())));
    }
    Q_EMIT pendingChanged();
}

void ClerkDesk::onDurableAnswered(const QString& id, bool ok, const QString& code,
                                  const QString& text_) {
    if (pending_.erase(id.toStdString()) == 0) return; // another part of the app's request
    Q_EMIT pendingChanged();
    if (!ok) say(refusalText(protocol::Error{code.toStdString(), text_.toStdString()}));
}

void ClerkDesk::announceFinished(const protocol::Response& response) {
    const auto& result = std::get<protocol::ResponseResult>(response.outcome);
    const auto* r = std::get_if<protocol::CommandResult>(&result);
    if (!r || !r->ticket) return;
    const auto& t = *r->ticket;
    if (t.state == core::TicketState::Waiting && t.window.value_or(0) != window())
        say(tr("%1 goes back to the window that sent it.").arg(text(t.number)));
}

void ClerkDesk::say(const QString& message) {
    if (message_ == message) return;
    message_ = message;
    Q_EMIT messageChanged();
}

// The controller's refusals in the words a clerk uses; its own message for the rest.
QString ClerkDesk::refusalText(const protocol::Error& error) const {
    const auto& c = error.code;
    if (c == "nothing_to_call") return tr("Nobody is waiting for this window.");
    if (c == "window_paused") return tr("The window is paused: resume service first.");
    if (c == "window_busy")
        return tr("Finish, transfer or park the current ticket before calling the next.");
    if (c == "window_idle") return tr("There is no ticket at this window.");
    if (c == "no_staff_signed_in") return tr("Sign in first.");
    if (c == "wrong_pin" || c == "unknown_staff")
        return tr("Staff number or PIN not accepted. %1").arg(text(error.message));
    if (c == "staff_locked") return tr("Too many wrong PINs: %1").arg(text(error.message));
    if (c == "staff_busy_elsewhere") return tr("This clerk is signed in at another window.");
    if (c == "reason_required") return tr("A call out of turn needs a reason in this hall.");
    if (c == "unknown_ticket") return tr("There is no such ticket today.");
    if (c == "duplicate_person")
        return tr("This citizen already holds %1 for this service today.")
            .arg(error.ticket ? text(error.ticket->number) : text(error.message));
    if (c == "too_early") return tr("Too soon for a no-show: %1").arg(text(error.message));
    if (c == "nothing_to_undo") return tr("There is no call to undo.");
    if (c == "invalid_state") return tr("Not possible now: %1").arg(text(error.message));
    if (c == "forbidden") return tr("Not allowed from this pad: %1").arg(text(error.message));
    if (c == "timeout" || c == "offline") return tr("The hall's server did not answer. Try again.");
    return text(error.message);
}

} // namespace hall::windowpad
