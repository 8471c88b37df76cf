#include "windowpad/confirmation_desk.h"

#include "shared/protocol/hall_view.h"

#include <QDateTime>

namespace hall::windowpad {

namespace {

// Personal data leaves memory overwritten, not just released. Only a buffer this object alone
// holds is overwritten: fill() on one still shared (with a request in flight) would copy it
// first and zero the copy, leaving the shared bytes to their other holder, which releases them.
void wipe(QByteArray& bytes) {
    if (bytes.isDetached()) bytes.fill('\0');
    bytes.clear();
    bytes.squeeze();
}

} // namespace

ConfirmationDesk::ConfirmationDesk(QObject* parent) : QObject(parent) {
    done_.setSingleShot(true);
    done_.setInterval(kSignedSeconds * 1000);
    connect(&done_, &QTimer::timeout, this, &ConfirmationDesk::forget);
}

ConfirmationDesk::~ConfirmationDesk() {
    wipe(scan_);
}

void ConfirmationDesk::setBackend(client::Backend* backend) {
    if (backend_) disconnect(backend_, nullptr, this, nullptr);
    backend_ = backend;
    if (!backend_) return;
    connect(backend_, &client::Backend::pushApplied, this, &ConfirmationDesk::followWindow);
    connect(backend_, &client::Backend::snapshotReplaced, this, &ConfirmationDesk::followWindow);
}

void ConfirmationDesk::setStrokes(ui::SignatureStrokes* strokes) {
    if (strokes_ == strokes) return;
    strokes_ = strokes;
    Q_EMIT strokesChanged();
}

bool ConfirmationDesk::askToSign(QByteArray scan, int pages) {
    const auto* view =
        backend_ ? protocol::findWindow(backend_->state().snapshot().windows, backend_->window())
                 : nullptr;
    if (!view || !view->current) {
        wipe(scan);
        message_ = tr("There is no visit at the window to confirm.");
        Q_EMIT stageChanged();
        return false;
    }
    forget();
    const auto& t = *view->current;
    ticket_ = t.id;
    number_ = QString::fromStdString(t.number);
    scan_ = std::move(scan);
    pages_ = scan_.isEmpty() ? 0 : pages;
    summary_ = {
        tr("Matter: %1").arg(backend_->serviceName(t.serviceId)), tr("Ticket: %1").arg(number_),
        tr("Date: %1").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd")))};
    if (pages_ > 0) summary_ << tr("Documents scanned: %n page(s)", "", pages_);
    if (strokes_) strokes_->clear();
    setStage(Stage::Signing);
    return true;
}

bool ConfirmationDesk::sign() {
    if (stage_ != Stage::Signing || !strokes_ || !strokes_->isAcceptable()) return false;
    if (!backend_ || !backend_->online()) {
        message_ = tr("The hall's server cannot be reached: please sign again in a moment.");
        Q_EMIT stageChanged();
        return false;
    }
    QByteArray png = strokes_->toPng();
    message_.clear();
    setStage(Stage::Sending);
    auto signature = [this, png = std::move(png)]() mutable {
        upload(QStringLiteral("signature"), QStringLiteral("image/png"), std::move(png), [this] {
            if (strokes_) strokes_->clear();
            wipe(scan_);
            setStage(Stage::Signed);
            done_.start();
        });
    };
    if (scan_.isEmpty()) {
        signature();
    } else {
        upload(QStringLiteral("scan"), QStringLiteral("application/pdf"), scan_,
               std::move(signature));
    }
    return true;
}

void ConfirmationDesk::upload(const QString& kind, const QString& type, QByteArray bytes,
                              std::function<void()> next) {
    backend_->uploadAttachment(ticket_, kind, type, bytes,
                               [this, guard = QPointer<ConfirmationDesk>(this),
                                next = std::move(next)](bool stored, const QString& code) {
                                   if (!guard || stage_ != Stage::Sending)
                                       return; // cancelled meanwhile
                                   stored ? next() : refused(code);
                               });
    wipe(bytes);
}

void ConfirmationDesk::refused(const QString& code) {
    message_ = code == QLatin1String("offline") || code == QLatin1String("network")
                   ? tr("The hall's server cannot be reached: please sign again in a moment.")
                   : tr("The signature was not accepted (%1). Please tell the clerk.").arg(code);
    setStage(Stage::Signing); // the strokes are still there: sign() again sends them again
}

void ConfirmationDesk::cancel() {
    forget();
}

void ConfirmationDesk::forget() {
    done_.stop();
    ticket_ = 0;
    number_.clear();
    summary_.clear();
    pages_ = 0;
    wipe(scan_);
    message_.clear();
    if (strokes_) strokes_->clear();
    setStage(Stage::Idle);
}

void ConfirmationDesk::followWindow() {
    if (!backend_) return;
    const auto* view =
        protocol::findWindow(backend_->state().snapshot().windows, backend_->window());
    if (!view) return;
    const auto current = view->current ? std::optional<quint64>(view->current->id) : std::nullopt;
    const bool newCall = current && current != seenCurrent_;
    seenCurrent_ = current;
    if (!newCall) return;
    Q_EMIT nextVisit();
    if (stage_ != Stage::Idle && *current != ticket_) forget();
}

void ConfirmationDesk::setStage(Stage stage) {
    stage_ = stage;
    Q_EMIT stageChanged();
}

} // namespace hall::windowpad
