#pragma once
// The document camera (高拍仪) at a service window, as the clerk's screen sees it: a live
// preview, pages captured one at a time (each cut to the sheet and straightened), the pages as
// thumbnails, and the pages as one PDF for the ticket.
//
//   Closed ──open(source)──▶ Opening ──first frame──▶ Live ──camera error──▶ Failed
//     ▲                         └──────────── cannot start ─────────────────▶ │
//     └───────────────── close() ◀──── open(source) again, from any state ────┘
//
// The source is what the terminal's settings or the command line name (sourceSpec()):
// "/dev/videoN" (a V4L2 camera, or a /dev/v4l/by-id link), "test-pattern", or
// "folder:<dir>" for the camera twin, an image folder; a camera or the test pattern may end in
// "@WxH" for another resolution than 1600x1200.
//
// The camera runs on a thread of its own (drivers/doccam's GstFrameSource, started there, so a
// slow camera never holds up the screen). That thread publishes the preview, scaled down, at
// most every kPreviewIntervalMs — the pad shows the sheet being laid down, it does not need the
// camera's full rate, and every preview costs a copy and a scale of a full frame. capture()
// cuts the newest full frame off the GUI thread; the page, its JPEG and its thumbnail come back
// through the relay. A capture in flight when the pages are cleared is dropped with them.
//
// Images reach QML through the image provider "doccam" (install()): `previewSource` and
// `pageSources` are its URLs, changed whenever the picture behind them does, so an Image
// with `cache: false` reloads.
//
// The pages are a citizen's papers: this object never logs them or writes them anywhere, keeps
// them (frames, pages, JPEGs, thumbnails, the preview) in buffers wiped when they are dropped
// (removePage, clearPages, close), and hands out copies (pageImage, pagesPdf) that are then
// the caller's to drop. What the scene graph makes of a picture on the GPU is Qt's.
// `problem` is for the technician (the driver's words); the panel words it for the clerk by
// `problemCode`.

#include "drivers/doccam/gst_frame_source.h"
#include "drivers/doccam/pdf_pages.h"
#include "shared/qt/thread_relay.h"

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <chrono>
#include <memory>
#include <optional>
#include <stop_token>
#include <thread>
#include <vector>

class QCommandLineParser;
class QJSEngine;
class QQmlEngine;
class QQuickImageProvider;

namespace hall::ui {
struct AppContext;
}

namespace hall::windowpad {

namespace doccam_detail {
struct ImageStore;
struct CaptureResult;
} // namespace doccam_detail

class DocumentCamera : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the pad owns the document camera: Pad.camera")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString source READ source NOTIFY sourceChanged)
    // Why the camera failed, for the technician; empty unless Failed.
    Q_PROPERTY(QString problem READ problem NOTIFY stateChanged)
    // The driver's code (not_found, permission_denied, busy, unplugged, unsupported_format,
    // missing_plugin, stream_ended, stream_error) or bad_source, no_frames; empty unless Failed.
    Q_PROPERTY(QString problemCode READ problemCode NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QUrl previewSource READ previewSource NOTIFY previewChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY pagesChanged)
    Q_PROPERTY(QStringList pageSources READ pageSources NOTIFY pagesChanged)
    // The last capture found the sheet's edges; false: no sheet, the whole picture was kept.
    Q_PROPERTY(bool lastCaptureCropped READ lastCaptureCropped NOTIFY pagesChanged)

public:
    enum class State { Closed, Opening, Live, Failed };
    Q_ENUM(State)

    static constexpr auto kProviderId = "doccam";
    static constexpr int kPreviewIntervalMs = 100; // at most 10 preview frames a second
    static constexpr int kPreviewMaxSide = 1024;   // the preview fills at most this on the pad
    static constexpr int kThumbnailMaxSide = 240;
    static constexpr int kJpegQuality = 85;
    // A camera that started but sends nothing this long is failed (no_frames).
    static constexpr std::chrono::milliseconds kFrameTimeout{10000};

    explicit DocumentCamera(QObject* parent = nullptr);
    ~DocumentCamera() override;

    // The source as a frame source spec; nullopt and `problem` set when it names none.
    static std::optional<drivers::doccam::FrameSourceSpec> sourceSpec(const QString& source,
                                                                      QString& problem);

    // The app's camera: made once per engine, a child of it, with the image provider "doccam"
    // registered on it. of() is null before install().
    static DocumentCamera* install(QQmlEngine& engine);
    static DocumentCamera* of(QQmlEngine& engine);
    // --document-camera SOURCE; setUp() installs the camera and opens what the option names
    // (nothing named: it stays Closed until open()).
    static void addOptions(QCommandLineParser& parser);
    static DocumentCamera* setUp(ui::AppContext& app);

    // An image provider over this camera's pictures ("preview/<n>", "page/<i>/<n>"); the
    // caller (an engine) owns it. It may outlive the camera: it then gives null images.
    QQuickImageProvider* createImageProvider() const;

    State state() const { return state_; }
    QString source() const { return source_; }
    QString problem() const { return problem_; }
    QString problemCode() const { return problemCode_; }
    bool busy() const { return busy_; }
    QUrl previewSource() const;
    int pageCount() const { return static_cast<int>(pages_.size()); }
    QStringList pageSources() const;
    bool lastCaptureCropped() const { return lastCaptureCropped_; }

    // Starts the camera `source` names (a running one is closed first). The outcome comes as a
    // state change: Live at the first frame, or Failed with the problem.
    Q_INVOKABLE void open(const QString& source);
    Q_INVOKABLE void close();
    // Cuts the page out of the newest frame; false (nothing started) when not Live or busy.
    // The page arrives with captured().
    Q_INVOKABLE bool capture();
    // Blocks until the camera is no longer Opening and no capture is in flight, delivering
    // only this camera's own results; false when `timeoutMs` ran out first. For screenshots
    // and demo scripts, which picture one moment: never on a clerk's screen, which must not
    // stop for a camera.
    Q_INVOKABLE bool settle(int timeoutMs);
    Q_INVOKABLE void removePage(int index);
    Q_INVOKABLE void clearPages();
    // Every page, in order, as one PDF (A4 pages, each page's JPEG as captured); empty without
    // pages.
    Q_INVOKABLE QByteArray pagesPdf() const;

    // The newest preview frame (shared: it is wiped when its last holder drops it) and a copy
    // of page `index` at full resolution; null when there is none.
    QImage previewImage() const;
    QImage pageImage(int index) const;

Q_SIGNALS:
    void stateChanged();
    void sourceChanged();
    void busyChanged();
    void previewChanged();
    void pagesChanged();
    // Page `index` was added; `milliseconds` from the press (the newest frame taken) to the
    // cropped page in the list.
    void captured(int index, qint64 milliseconds);

private:
    // The camera's thread: starts it, then publishes the preview until stopped or failed.
    static void feedPreview(std::stop_token stop,
                            std::shared_ptr<drivers::doccam::GstFrameSource> camera,
                            std::shared_ptr<doccam_detail::ImageStore> images,
                            std::shared_ptr<qt::ThreadRelay<DocumentCamera>> relay,
                            quint64 session);
    void setState(State state, const QString& code = {}, const QString& problem = {});
    void setBusy(bool busy);
    void stopSession();
    void onPreview(quint64 session);
    void onFailed(quint64 session, const QString& code, const QString& problem);
    void onCaptured(doccam_detail::CaptureResult& result);

    std::shared_ptr<qt::ThreadRelay<DocumentCamera>> relay_;
    std::shared_ptr<doccam_detail::ImageStore> images_;
    State state_ = State::Closed;
    QString source_;
    QString problem_;
    QString problemCode_;
    bool busy_ = false;
    bool lastCaptureCropped_ = true;

    quint64 session_ = 0; // posts of an older session are dropped
    std::shared_ptr<drivers::doccam::GstFrameSource> camera_;
    std::jthread frames_; // starts the camera, then feeds the preview
    quint64 previewGeneration_ = 0;
    bool hasPreview_ = false;

    // Index-aligned: each page upright (packed rows) and its JPEG for the PDF. The thumbnails
    // are in images_, for the image provider.
    std::vector<drivers::doccam::Frame> pages_;
    std::vector<drivers::doccam::JpegPage> jpegs_;
    quint64 pagesGeneration_ = 0;
    quint64 pagesEpoch_ = 0; // clearPages() drops the captures still in flight
    QThreadPool cropper_;    // one capture at a time, joined before the camera goes
};

} // namespace hall::windowpad
