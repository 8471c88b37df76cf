#pragma once
// The citizen's side of a window (评价器): who serves them, and the five-level rating
// (好差评) when the visit ends.
//
//   Idle ──visit finished here──▶ Rating ──good level──────────────▶ Thanks ──▶ Idle
//    ▲                              │  └─bad level──▶ Reasons ──submit()──┘
//    └──── the hall's rating time, nothing chosen (its unrated policy applies at the controller)
//
// Which visit to rate is the controller's word, not the clerk face's: the window's view names the
// visit that ended there last (`finished`), so a citizen face on a box of its own rates the same
// visit as one beside the clerk's, and a visit rated elsewhere (or by the unrated policy) ends
// the question here. A ticket called to the window ends it too: the next citizen is coming.
//
// One rating per visit, through the outbox: written to the pad's disk before the thank-you is
// shown, so a rating is never lost to a dropped link or a controller restart, and sent once
// (the outbox retries under one request id, which the controller answers from its memory).
// 不满意 and 非常不满意 need at least one of the hall's reasons and may carry a comment.
// A press within kGuardMs of the rating screen appearing is ignored: the clerk's hand that
// just pressed "finish" must not rate. A five-key evaluator on the bus presses the same levels.
// On the thank-you the citizen may change their mind once ("Change my rating"): the levels again
// for the same visit, sent as its supplementary rating (追评), which the reports count apart.
// When the next ticket is called, nothing of this citizen (level, reasons, comment) is kept.

#include "shared/client/backend.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace hall::windowpad {

class EvaluationDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(hall::client::Backend* backend READ backend WRITE setBackend NOTIFY backendChanged)
    Q_PROPERTY(Stage stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QString number READ number NOTIFY stageChanged)
    Q_PROPERTY(int level READ level NOTIFY stageChanged)
    Q_PROPERTY(QStringList reasons READ reasons NOTIFY reasonListChanged) // the hall's list
    Q_PROPERTY(QStringList chosenReasons READ chosenReasons NOTIFY reasonsChanged)
    Q_PROPERTY(QString comment READ comment WRITE setComment NOTIFY reasonsChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(QString message READ message NOTIFY stageChanged)
    // Presses this soon after the levels appear are ignored (kGuardMs; a demo may set 0).
    Q_PROPERTY(int guardMs MEMBER guardMs_ NOTIFY guardChanged)
    Q_PROPERTY(bool canRateAgain READ canRateAgain NOTIFY stageChanged)

public:
    enum class Stage { Idle, Rating, Reasons, Thanks };
    Q_ENUM(Stage)
    static constexpr int kGuardMs = 1000;
    static constexpr int kThanksSeconds = 5;

    explicit EvaluationDesk(QObject* parent = nullptr);

    client::Backend* backend() const { return backend_; }
    void setBackend(client::Backend* backend);
    Stage stage() const { return stage_; }
    QString number() const { return number_; }
    int level() const { return level_; }
    QStringList reasons() const;
    QStringList chosenReasons() const { return chosen_; }
    QString comment() const { return comment_; }
    void setComment(const QString& comment);
    int secondsLeft() const { return secondsLeft_; }
    QString message() const { return message_; }

    // The visit of ticket `id` ("A012") ended at this window: ask for its rating. The window's
    // view starts it by itself; screenshots start it by hand.
    Q_INVOKABLE void beginRating(quint64 id, const QString& number);
    int ratingSeconds() const; // the hall's evaluation.rating_seconds
    // 1 非常不满意 … 5 非常满意 (the engine's levels). False when the press was ignored.
    Q_INVOKABLE bool choose(int level);
    Q_INVOKABLE void toggleReason(const QString& reason);
    // Sends the bad rating with its reasons; false (and a message) without a reason.
    Q_INVOKABLE bool submit();
    Q_INVOKABLE void back(); // from the reasons to the five levels
    // On the thank-you: the citizen changes their mind — the five levels again for the same
    // visit, sent as its supplementary rating (追评; the engine takes one per visit, within the
    // hall's period). False when there is nothing to change.
    Q_INVOKABLE bool rateAgain();
    bool canRateAgain() const { return stage_ == Stage::Thanks && rated_ != 0 && !supplementing_; }
    // The next citizen is called: forget this one.
    Q_INVOKABLE void forget();

Q_SIGNALS:
    void backendChanged();
    void stageChanged();
    void reasonsChanged();    // chosen, comment
    void reasonListChanged(); // the hall's list (a new snapshot)
    void secondsLeftChanged();
    void rated(int level); // written to the outbox
    void guardChanged();

private:
    void setStage(Stage stage, int seconds);
    void send();
    void tick();
    // A push or snapshot: a visit that just ended here, one rated elsewhere, a new call.
    void followWindow();

    QPointer<client::Backend> backend_;
    Stage stage_ = Stage::Idle;
    // The window's last finished visit and called ticket as last seen: only a change starts or
    // ends a rating (a pad that starts up does not ask about a visit that ended before it).
    bool looked_ = false;
    bool sending_ = false;
    std::optional<quint64> seenFinished_;
    std::optional<quint64> seenCurrent_;
    quint64 ticket_ = 0;
    QString number_;
    quint64 rated_ = 0; // on the thank-you: the visit just rated here, and its number
    QString ratedNumber_;
    bool supplementing_ = false; // the levels asked again for it: the 追评
    int level_ = 0;
    QStringList chosen_;
    QString comment_;
    QString message_;
    int secondsLeft_ = 0;
    QTimer countdown_;
    QElapsedTimer shown_;
    int guardMs_ = kGuardMs;
};

} // namespace hall::windowpad
