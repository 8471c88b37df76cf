#include "windowpad/evaluation_desk.h"

#include "shared/core/evaluation.h"
#include "shared/protocol/hall_view.h"

#include <QLoggingCategory>

namespace hall::windowpad {

namespace {

Q_LOGGING_CATEGORY(lcEvaluation, "hall.windowpad.evaluation")

} // namespace

EvaluationDesk::EvaluationDesk(QObject* parent) : QObject(parent) {
    countdown_.setInterval(1000);
    connect(&countdown_, &QTimer::timeout, this, &EvaluationDesk::tick);
}

void EvaluationDesk::setBackend(client::Backend* backend) {
    if (backend_ == backend) return;
    if (backend_) disconnect(backend_, nullptr, this, nullptr);
    backend_ = backend;
    looked_ = false;
    seenFinished_.reset();
    seenCurrent_.reset();
    if (backend_) {
        connect(backend_, &client::Backend::snapshotReplaced, this,
                &EvaluationDesk::reasonListChanged);
        connect(backend_, &client::Backend::snapshotReplaced, this, &EvaluationDesk::followWindow);
        connect(backend_, &client::Backend::pushApplied, this, &EvaluationDesk::followWindow);
        connect(backend_, &client::Backend::identityChanged, this, &EvaluationDesk::followWindow);
        followWindow();
    }
    Q_EMIT backendChanged();
    Q_EMIT reasonListChanged();
}

int EvaluationDesk::ratingSeconds() const {
    return backend_ ? backend_->state().snapshot().hall.ratingSeconds : 30;
}

void EvaluationDesk::followWindow() {
    if (!backend_) return;
    const auto* view =
        protocol::findWindow(backend_->state().snapshot().windows, backend_->window());
    if (!view) return;
    const auto finished =
        view->finished ? std::optional<quint64>(view->finished->id) : std::nullopt;
    const auto current = view->current ? std::optional<quint64>(view->current->id) : std::nullopt;
    const bool firstLook = !looked_;
    looked_ = true;
    const bool newVisitEnded = finished && finished != seenFinished_ && !view->finished->rated;
    const bool newCall = current && current != seenCurrent_;
    seenFinished_ = finished;
    seenCurrent_ = current;
    const bool asking = stage_ == Stage::Rating || stage_ == Stage::Reasons;
    if (newCall && asking) return forget(); // the next citizen is coming to the counter
    if (newVisitEnded && !firstLook)
        return beginRating(view->finished->id, QString::fromStdString(view->finished->number));
    // Rated by the unrated policy or another input while the question was open here (a 追评
    // asks about a visit rated already, by this very citizen).
    if (asking && !sending_ && !supplementing_ && view->finished && view->finished->id == ticket_ &&
        view->finished->rated)
        forget();
}

QStringList EvaluationDesk::reasons() const {
    QStringList out;
    if (backend_)
        for (const auto& r : backend_->state().snapshot().hall.ratingReasons)
            out << QString::fromStdString(r);
    return out;
}

void EvaluationDesk::setComment(const QString& comment) {
    if (comment_ == comment) return;
    comment_ = comment;
    Q_EMIT reasonsChanged();
}

void EvaluationDesk::beginRating(quint64 id, const QString& number) {
    forget();
    ticket_ = id;
    number_ = number;
    shown_.start();
    setStage(Stage::Rating, ratingSeconds());
}

bool EvaluationDesk::choose(int level) {
    if (stage_ != Stage::Rating || level < 1 || level > core::kRatingLevels) return false;
    if (shown_.isValid() && shown_.elapsed() < guardMs_) return false; // the clerk's hand
    level_ = level;
    if (core::isBadRating(static_cast<core::RatingLevel>(level))) {
        message_.clear();
        setStage(Stage::Reasons, ratingSeconds() * 2); // time to pick, and perhaps to type
        return true;
    }
    send();
    return true;
}

void EvaluationDesk::toggleReason(const QString& reason) {
    if (stage_ != Stage::Reasons || !reasons().contains(reason)) return;
    if (!chosen_.removeOne(reason)) chosen_ << reason;
    message_.clear();
    secondsLeft_ = ratingSeconds() * 2; // the citizen is still at it
    Q_EMIT reasonsChanged();
    Q_EMIT stageChanged();
}

bool EvaluationDesk::submit() {
    if (stage_ != Stage::Reasons) return false;
    if (chosen_.isEmpty()) {
        message_ = tr("Please choose at least one reason.");
        Q_EMIT stageChanged();
        return false;
    }
    send();
    return true;
}

void EvaluationDesk::back() {
    if (stage_ != Stage::Reasons) return;
    level_ = 0;
    chosen_.clear();
    comment_.clear();
    Q_EMIT reasonsChanged();
    setStage(Stage::Rating, ratingSeconds());
}

bool EvaluationDesk::rateAgain() {
    if (!canRateAgain()) return false;
    const quint64 ticket = rated_;
    const QString number = ratedNumber_;
    beginRating(ticket, number);
    supplementing_ = true;
    Q_EMIT stageChanged();
    return true;
}

void EvaluationDesk::forget() {
    rated_ = 0;
    ratedNumber_.clear();
    supplementing_ = false;
    ticket_ = 0;
    number_.clear();
    level_ = 0;
    chosen_.clear();
    comment_.fill(QChar(u' ')); // the comment is the citizen's words: overwrite before letting go
    comment_.clear();
    message_.clear();
    Q_EMIT reasonsChanged();
    setStage(Stage::Idle, 0);
}

void EvaluationDesk::send() {
    core::Rate rate;
    rate.ticket = ticket_;
    rate.level = static_cast<core::RatingLevel>(level_);
    for (const auto& r : chosen_)
        rate.reasons.push_back(r.toStdString());
    rate.comment = comment_.trimmed().toStdString();
    rate.window = backend_ ? backend_->window() : 0;
    try {
        // The answer to this very rating may come back while it is sent: it is ours, not one
        // from elsewhere.
        sending_ = true;
        if (backend_) backend_->sendDurable(std::move(rate));
        sending_ = false;
    } catch (const std::exception& e) {
        // The rating could not be kept on this pad: say so rather than thank for nothing.
        sending_ = false;
        qCWarning(lcEvaluation) << "a rating could not be written to the outbox:" << e.what();
        message_ = tr("Your rating could not be saved. Please tell the clerk.");
        Q_EMIT stageChanged();
        return;
    }
    Q_EMIT rated(level_);
    const int level = level_;
    const quint64 ticket = ticket_;
    const QString number = number_;
    const bool supplemented = supplementing_;
    forget();
    level_ = level;      // the thank-you may say which face was pressed
    if (!supplemented) { // one change of mind: a 追评 is not asked again
        rated_ = ticket;
        ratedNumber_ = number;
    }
    setStage(Stage::Thanks, kThanksSeconds);
}

void EvaluationDesk::setStage(Stage stage, int seconds) {
    stage_ = stage;
    secondsLeft_ = seconds;
    if (seconds > 0)
        countdown_.start();
    else
        countdown_.stop();
    Q_EMIT stageChanged();
    Q_EMIT secondsLeftChanged();
}

void EvaluationDesk::tick() {
    if (--secondsLeft_ > 0) return Q_EMIT secondsLeftChanged();
    // Nothing chosen in time: no rating from here (the hall's unrated policy applies).
    forget();
}

} // namespace hall::windowpad
