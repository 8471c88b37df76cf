#include "windowpad/document_camera.h"

#include "drivers/doccam/page_crop.h"
#include "shared/ui/app/app_spec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJSEngine>
#include <QQmlApplicationEngine>
#include <QQuickImageProvider>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <utility>

namespace hall::windowpad {

namespace doccam_detail {

// What the image provider hands to QML; written by the camera's thread (the preview) and the
// GUI thread (the thumbnails), read on whichever thread QML loads images on.
struct ImageStore {
    mutable std::mutex mutex;
    QImage preview;
    std::vector<QImage> thumbnails; // index-aligned with the pages
};

// One capture, from the cropping thread back to the GUI thread.
struct CaptureResult {
    quint64 session = 0;
    quint64 epoch = 0;
    std::chrono::steady_clock::time_point started;
    drivers::doccam::Frame page;
    drivers::doccam::JpegPage jpeg;
    QImage thumbnail;
    bool cropped = false;
    QString code; // set when there is no page
    QString problem;
};

} // namespace doccam_detail

namespace {

using doccam_detail::CaptureResult;
using doccam_detail::ImageStore;
using drivers::doccam::Frame;
using drivers::doccam::FrameSourceSpec;
using drivers::doccam::GstFrameSource;
using drivers::doccam::ImageView;
using Relay = qt::ThreadRelay<DocumentCamera>;

const QString kSourceOption = QStringLiteral("document-camera");
constexpr int kDefaultWidth = 1600;
constexpr int kDefaultHeight = 1200;

// A blank frame whose rows start on four-byte boundaries, as QImage wants them.
Frame alignedFrame(int width, int height) {
    Frame frame;
    frame.width = width;
    frame.height = height;
    frame.stride = (width * drivers::doccam::kBytesPerPixel + 3) / 4 * 4;
    frame.bytes = drivers::SecureBytes(
        std::vector<std::uint8_t>(std::size_t(frame.stride) * std::size_t(height)));
    return frame;
}

cv::Mat matOver(const ImageView& image) {
    return cv::Mat(image.height, image.width, CV_8UC3,
                   const_cast<std::uint8_t*>(image.bytes.data()), std::size_t(image.stride));
}

cv::Mat matOver(Frame& frame) {
    return cv::Mat(frame.height, frame.width, CV_8UC3, frame.bytes.bytes().data(),
                   std::size_t(frame.stride));
}

// The image no larger than maxSide either way, into a buffer of our own (so it is wiped with
// the frame): OpenCV writes into a destination of the right size in place.
Frame scaledCopy(const ImageView& image, int maxSide, int interpolation) {
    drivers::doccam::validate(image);
    const double scale = std::min(1.0, double(maxSide) / std::max(image.width, image.height));
    const int width = std::max(1, int(std::lround(image.width * scale)));
    const int height = std::max(1, int(std::lround(image.height * scale)));
    Frame scaled = alignedFrame(width, height);
    cv::Mat into = matOver(scaled);
    if (width == image.width && height == image.height)
        matOver(image).copyTo(into);
    else
        cv::resize(matOver(image), into, into.size(), 0, 0, interpolation);
    return scaled;
}

// A QImage over the frame's own buffer, read-only (a write would detach into a copy); the
// frame, and with it the wipe, goes when the last QImage sharing it does.
QImage imageOf(Frame frame) {
    auto* owned = new Frame(std::move(frame));
    return QImage(
        static_cast<const uchar*>(owned->bytes.bytes().data()), owned->width, owned->height,
        owned->stride, QImage::Format_BGR888,
        [](void* owner) { delete static_cast<Frame*>(owner); }, owned);
}

class DocumentCameraImages : public QQuickImageProvider {
public:
    explicit DocumentCameraImages(std::shared_ptr<const ImageStore> images)
        : QQuickImageProvider(QQuickImageProvider::Image), images_(std::move(images)) {}

    // "preview/<n>" or "page/<i>/<n>"; <n> only makes the URL new when the picture is. The
    // requested size is left to the Image to scale to.
    QImage requestImage(const QString& id, QSize* size, const QSize&) override {
        const QStringList parts = id.split(QLatin1Char('/'));
        QImage image;
        {
            const std::lock_guard lock(images_->mutex);
            if (parts.value(0) == QLatin1String("preview")) {
                image = images_->preview;
            } else if (parts.value(0) == QLatin1String("page")) {
                bool ok = false;
                const int index = parts.value(1).toInt(&ok);
                if (ok && index >= 0 && std::size_t(index) < images_->thumbnails.size())
                    image = images_->thumbnails[std::size_t(index)];
            }
        }
        if (size != nullptr) *size = image.size();
        return image;
    }

private:
    std::shared_ptr<const ImageStore> images_;
};

} // namespace

DocumentCamera::DocumentCamera(QObject* parent)
    : QObject(parent), relay_(std::make_shared<Relay>(this)),
      images_(std::make_shared<ImageStore>()) {
    cropper_.setMaxThreadCount(1);
}

DocumentCamera::~DocumentCamera() {
    // Nothing QML binds to hears from a camera being destroyed.
    blockSignals(true);
    relay_->detach();
    stopSession();
    cropper_.waitForDone(); // a capture in flight posts into the detached relay
    const std::lock_guard lock(images_->mutex);
    images_->thumbnails.clear();
}

std::optional<FrameSourceSpec> DocumentCamera::sourceSpec(const QString& source, QString& problem) {
    QString text = source.trimmed();
    const QString folderPrefix = QStringLiteral("folder:");
    if (text.startsWith(folderPrefix)) {
        const QString folder = text.mid(folderPrefix.size());
        if (folder.isEmpty()) {
            problem = QStringLiteral("folder: needs the image folder's path (folder:/srv/twin)");
            return std::nullopt;
        }
        return FrameSourceSpec::imageFolder(folder.toStdString());
    }
    int width = kDefaultWidth;
    int height = kDefaultHeight;
    static const QRegularExpression sized(QStringLiteral("^(.+)@([0-9]{1,5})x([0-9]{1,5})$"));
    if (const auto match = sized.match(text); match.hasMatch()) {
        text = match.captured(1);
        width = match.captured(2).toInt();
        height = match.captured(3).toInt();
    }
    if (text == QLatin1String("test-pattern")) return FrameSourceSpec::testPattern(width, height);
    if (text.startsWith(QLatin1String("/dev/")))
        return FrameSourceSpec::camera(text.toStdString(), width, height);
    problem = QStringLiteral("unknown document camera source \"%1\": use /dev/videoN, "
                             "test-pattern or folder:<dir> (optionally @WIDTHxHEIGHT)")
                  .arg(source);
    return std::nullopt;
}

DocumentCamera* DocumentCamera::install(QQmlEngine& engine) {
    if (auto* camera = of(engine)) return camera;
    auto* camera = new DocumentCamera(&engine);
    QJSEngine::setObjectOwnership(camera, QJSEngine::CppOwnership);
    engine.addImageProvider(QString::fromLatin1(kProviderId), camera->createImageProvider());
    return camera;
}

DocumentCamera* DocumentCamera::of(QQmlEngine& engine) {
    return engine.findChild<DocumentCamera*>(QString(), Qt::FindDirectChildrenOnly);
}

void DocumentCamera::addOptions(QCommandLineParser& parser) {
    parser.addOption({kSourceOption,
                      QStringLiteral("The document camera: /dev/videoN, test-pattern or "
                                     "folder:<dir> (the camera twin), optionally @WIDTHxHEIGHT."),
                      QStringLiteral("SOURCE")});
}

DocumentCamera* DocumentCamera::setUp(ui::AppContext& app) {
    auto* camera = install(app.engine);
    // optionNames() lists only what was given, so this never asks about an option not added.
    if (app.commandLine.optionNames().contains(kSourceOption))
        camera->open(app.commandLine.value(kSourceOption));
    return camera;
}

QQuickImageProvider* DocumentCamera::createImageProvider() const {
    return new DocumentCameraImages(images_);
}

QUrl DocumentCamera::previewSource() const {
    if (!hasPreview_) return {};
    return QUrl(QStringLiteral("image://%1/preview/%2")
                    .arg(QString::fromLatin1(kProviderId))
                    .arg(previewGeneration_));
}

QStringList DocumentCamera::pageSources() const {
    QStringList sources;
    for (std::size_t i = 0; i < pages_.size(); ++i)
        sources.append(QStringLiteral("image://%1/page/%2/%3")
                           .arg(QString::fromLatin1(kProviderId))
                           .arg(i)
                           .arg(pagesGeneration_));
    return sources;
}

void DocumentCamera::open(const QString& source) {
    stopSession();
    if (source.trimmed() != source_) {
        source_ = source.trimmed();
        Q_EMIT sourceChanged();
    }
    QString problem;
    const auto spec = sourceSpec(source_, problem);
    if (!spec) return setState(State::Failed, QStringLiteral("bad_source"), problem);
    try {
        camera_ = std::make_shared<GstFrameSource>(*spec);
    } catch (const std::invalid_argument& error) {
        return setState(State::Failed, QStringLiteral("bad_source"),
                        QString::fromStdString(error.what()));
    }
    const quint64 session = ++session_;
    setState(State::Opening);
    frames_ = std::jthread(&DocumentCamera::feedPreview, camera_, images_, relay_, session);
}

void DocumentCamera::close() {
    stopSession();
    setState(State::Closed);
}

void DocumentCamera::feedPreview(std::stop_token stop, std::shared_ptr<GstFrameSource> camera,
                                 std::shared_ptr<ImageStore> images, std::shared_ptr<Relay> relay,
                                 quint64 session) {
    const auto fail = [&](const std::string& code, const std::string& message) {
        relay->post([session, code = QString::fromStdString(code),
                     message = QString::fromStdString(message)](DocumentCamera* self) {
            self->onFailed(session, code, message);
        });
    };
    try {
        camera->start();
        std::uint64_t seen = 0;
        auto lastFrame = std::chrono::steady_clock::now();
        std::mutex pacing;
        std::condition_variable_any paced;
        while (!stop.stop_requested()) {
            std::optional<Frame> frame = camera->waitFrame(std::chrono::seconds(1), seen, stop);
            const auto now = std::chrono::steady_clock::now();
            if (!frame) {
                if (!stop.stop_requested() && now - lastFrame > kFrameTimeout)
                    return fail("no_frames", describe(camera->spec()) + " sent no frame for " +
                                                 std::to_string(kFrameTimeout.count() / 1000) +
                                                 " s: check its cable, then open it again");
                continue;
            }
            seen = frame->sequence;
            lastFrame = now;
            // Linear is enough for a picture seen for a tenth of a second, and cheaper than
            // area averaging on every frame.
            QImage preview = imageOf(scaledCopy(frame->view(), kPreviewMaxSide, cv::INTER_LINEAR));
            frame.reset();
            {
                const std::lock_guard lock(images->mutex);
                std::swap(images->preview, preview);
            }
            preview = QImage(); // the previous one, wiped outside the lock
            relay->post([session](DocumentCamera* self) { self->onPreview(session); });

            // The next preview no sooner than the interval after this frame came, whatever
            // the scaling took; the newest frame by then is the one shown.
            std::unique_lock lock(pacing);
            paced.wait_until(lock, stop, now + std::chrono::milliseconds(kPreviewIntervalMs),
                             [] { return false; });
        }
    } catch (const drivers::DeviceFailure& failure) {
        fail(failure.error().code, failure.error().message);
    } catch (const std::exception& error) {
        // Nothing may escape this thread: a frame the preview cannot be made of fails the
        // camera, not the app.
        fail("stream_error", describe(camera->spec()) + ": the preview failed: " + error.what());
    }
}

void DocumentCamera::stopSession() {
    ++session_; // whatever the old session still has queued is stale
    if (frames_.joinable()) {
        frames_.request_stop();
        frames_.join();
    }
    if (camera_) {
        camera_->stop(); // a capture still holding it finds no frame
        camera_.reset();
    }
    QImage preview;
    {
        const std::lock_guard lock(images_->mutex);
        std::swap(images_->preview, preview);
    }
    if (hasPreview_) {
        hasPreview_ = false;
        Q_EMIT previewChanged();
    }
}

void DocumentCamera::onPreview(quint64 session) {
    if (session != session_) return;
    ++previewGeneration_;
    hasPreview_ = true;
    if (state_ == State::Opening) setState(State::Live);
    Q_EMIT previewChanged();
}

void DocumentCamera::onFailed(quint64 session, const QString& code, const QString& problem) {
    if (session != session_) return;
    stopSession(); // lets the camera go, for the technician's tools or another try
    setState(State::Failed, code, problem);
}

bool DocumentCamera::settle(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        // Only this camera's own queued results: nothing else of the app runs meanwhile.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
        if (state_ != State::Opening && !busy_) return true;
        if (deadline.hasExpired()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

bool DocumentCamera::capture() {
    if (state_ != State::Live || busy_ || !camera_) return false;
    setBusy(true);
    auto result = std::make_shared<CaptureResult>();
    result->session = session_;
    result->epoch = pagesEpoch_;
    result->started = std::chrono::steady_clock::now();
    cropper_.start([camera = camera_, relay = relay_, result] {
        try {
            std::optional<Frame> frame = camera->latestFrame();
            if (!frame) {
                result->code = QStringLiteral("no_frames");
            } else {
                drivers::doccam::PageCrop crop = drivers::doccam::cropPage(frame->view());
                frame.reset();
                result->cropped = crop.found();
                result->jpeg = drivers::doccam::encodeJpeg(crop.page.view(), kJpegQuality);
                // Area averaging: a thumbnail is a fifth of the page or less, read closely.
                result->thumbnail =
                    imageOf(scaledCopy(crop.page.view(), kThumbnailMaxSide, cv::INTER_AREA));
                result->page = std::move(crop.page);
            }
        } catch (const drivers::DeviceFailure& failure) {
            result->code = QString::fromStdString(failure.error().code);
            result->problem = QString::fromStdString(failure.error().message);
        } catch (const std::exception& error) {
            result->code = QStringLiteral("capture_failed");
            result->problem = QString::fromStdString(error.what());
        }
        relay->post([result](DocumentCamera* self) { self->onCaptured(*result); });
    });
    return true;
}

void DocumentCamera::onCaptured(CaptureResult& result) {
    const bool current = result.epoch == pagesEpoch_ && !result.page.empty();
    int index = -1;
    if (current) {
        index = pageCount();
        pages_.push_back(std::move(result.page));
        jpegs_.push_back(std::move(result.jpeg));
        {
            const std::lock_guard lock(images_->mutex);
            images_->thumbnails.push_back(std::move(result.thumbnail));
        }
        ++pagesGeneration_;
        lastCaptureCropped_ = result.cropped;
    }
    // The camera failed under the capture: the same as the preview finding it so.
    if (!result.problem.isEmpty() && result.session == session_ && state_ == State::Live)
        onFailed(result.session, result.code, result.problem);
    setBusy(false);
    if (!current) return; // cleared meanwhile (the page goes with the others), or no frame
    Q_EMIT pagesChanged();
    Q_EMIT captured(index, std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - result.started)
                               .count());
}

void DocumentCamera::removePage(int index) {
    if (index < 0 || index >= pageCount()) return;
    pages_.erase(pages_.begin() + index);
    jpegs_.erase(jpegs_.begin() + index);
    QImage thumbnail;
    {
        const std::lock_guard lock(images_->mutex);
        auto& thumbnails = images_->thumbnails;
        thumbnail = std::move(thumbnails[std::size_t(index)]);
        thumbnails.erase(thumbnails.begin() + index);
    }
    ++pagesGeneration_; // the indices behind the later pages moved
    Q_EMIT pagesChanged();
}

void DocumentCamera::clearPages() {
    ++pagesEpoch_;
    const bool had = !pages_.empty();
    pages_.clear();
    jpegs_.clear();
    std::vector<QImage> thumbnails;
    {
        const std::lock_guard lock(images_->mutex);
        std::swap(images_->thumbnails, thumbnails);
    }
    thumbnails.clear();
    lastCaptureCropped_ = true;
    if (had) {
        ++pagesGeneration_;
        Q_EMIT pagesChanged();
    }
}

QByteArray DocumentCamera::pagesPdf() const {
    if (jpegs_.empty()) return {};
    try {
        const drivers::SecureBytes pdf = drivers::doccam::writePdf(jpegs_);
        return QByteArray(reinterpret_cast<const char*>(pdf.bytes().data()), qsizetype(pdf.size()));
    } catch (const std::exception&) {
        // Only libharu running out of memory gets here: the pages were JPEGs it took before.
        return {};
    }
}

QImage DocumentCamera::previewImage() const {
    const std::lock_guard lock(images_->mutex);
    return images_->preview;
}

QImage DocumentCamera::pageImage(int index) const {
    if (index < 0 || index >= pageCount()) return {};
    const Frame& page = pages_[std::size_t(index)];
    return imageOf(scaledCopy(page.view(), std::max(page.width, page.height), cv::INTER_AREA));
}

void DocumentCamera::setState(State state, const QString& code, const QString& problem) {
    if (state == state_ && code == problemCode_ && problem == problem_) return;
    state_ = state;
    problemCode_ = code;
    problem_ = problem;
    Q_EMIT stateChanged();
}

void DocumentCamera::setBusy(bool busy) {
    if (busy == busy_) return;
    busy_ = busy;
    Q_EMIT busyChanged();
}

} // namespace hall::windowpad
