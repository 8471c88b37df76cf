// The document camera on the pad, through real GStreamer pipelines: the camera twin (an image
// folder) plays the doccam tests' drawn photograph of a page at an angle; the camera opens Live,
// the image provider hands out preview frames (ten a second at most), two captures give two
// pages cut to the sheet and upright, a removed page goes, the PDF holds the page left, and
// cleared pages leave nothing behind, their buffers wiped. A camera that is not there fails
// with a problem and the camera opens again afterwards.

#include "drivers/base/secure_wipe.h"
#include "tests/drivers/doccam/synthetic_page.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/temp_dir.h"
#include "windowpad/document_camera.h"

#include <QFile>
#include <QProcess>
#include <QQmlEngine>
#include <QQuickImageProvider>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <atomic>
#include <cmath>
#include <doctest/doctest.h>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using hall::testing::PhotographedPage;
using hall::testing::TempDir;
using hall::testing::waitUntil;
using hall::windowpad::DocumentCamera;
using namespace std::chrono_literals;

namespace {

using State = DocumentCamera::State;

// What QML asks the provider for: the URL after "image://doccam/".
QImage request(QQuickImageProvider& images, const QString& url) {
    const QString prefix = QStringLiteral("image://doccam/");
    REQUIRE(url.startsWith(prefix));
    QSize size;
    const QImage image = images.requestImage(url.mid(prefix.size()), &size, {});
    CHECK(size == image.size());
    return image;
}

cv::Mat greyOf(const QImage& page) {
    REQUIRE(page.format() == QImage::Format_BGR888);
    const cv::Mat bgr(page.height(), page.width(), CV_8UC3, const_cast<uchar*>(page.constBits()),
                      std::size_t(page.bytesPerLine()));
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    return grey;
}

// The centre of darkness, by rows, of a column range within a band: the same at both ends of
// a bar that lies level.
double darkCentre(const cv::Mat& grey, int x0, int x1, int y0, int y1) {
    double weight = 0;
    double sum = 0;
    for (int y = std::max(0, y0); y < std::min(grey.rows, y1); ++y) {
        const double ink =
            std::max(0.0, 200 - cv::mean(grey(cv::Range(y, y + 1), cv::Range(x0, x1)))[0]);
        weight += ink;
        sum += ink * y;
    }
    return weight > 0 ? sum / weight : -1;
}

// The page is the sheet cut out and straightened: the sheet's shape and height in the frame,
// paper (not desk) in all four corners, and the sheet's bars dark where they belong and level.
void checkStraightPage(const QImage& page, const PhotographedPage& shot) {
    REQUIRE_FALSE(page.isNull());
    CHECK(double(page.width()) / page.height() ==
          doctest::Approx(double(shot.sheet.width) / shot.sheet.height).epsilon(0.02));
    CHECK(page.height() == doctest::Approx(980).epsilon(0.03)); // the Shot's sheetHeight

    const cv::Mat grey = greyOf(page);
    const double paper = 0.114 * shot.paper[0] + 0.587 * shot.paper[1] + 0.299 * shot.paper[2];
    for (const cv::Point corner :
         {cv::Point(2, 2), cv::Point(grey.cols - 8, 2), cv::Point(grey.cols - 8, grey.rows - 8),
          cv::Point(2, grey.rows - 8)}) {
        CAPTURE(corner);
        CHECK(std::abs(cv::mean(grey(cv::Rect(corner, cv::Size(6, 6))))[0] - paper) < 15);
    }
    const double sx = double(page.width()) / shot.sheet.width;
    const double sy = double(page.height()) / shot.sheet.height;
    for (const cv::Rect& bar : shot.bars) {
        CAPTURE(bar.y);
        const int x0 = int(bar.x * sx), x1 = int((bar.x + bar.width) * sx);
        const int y0 = int(bar.y * sy), y1 = int((bar.y + bar.height) * sy);
        const int quarter = (x1 - x0) / 4;
        CHECK(cv::mean(grey(cv::Rect(x0 + quarter, y0 + 3, 2 * quarter, y1 - y0 - 6)))[0] < 90);
        const double left = darkCentre(grey, x0 + 4, x0 + quarter, y0 - 15, y1 + 15);
        const double right = darkCentre(grey, x1 - quarter, x1 - 4, y0 - 15, y1 + 15);
        REQUIRE(left > 0);
        CHECK(std::abs(left - right) < 1.5);
        CHECK(std::abs((left + right) / 2 - (y0 + y1) / 2.0) < 3);
    }
}

int pdfPages(const QByteArray& pdf, const TempDir& dir) {
    // The count in the PDF's own bytes: page objects, not the page tree ("/Type /Pages").
    static const QRegularExpression pageObject(QStringLiteral("/Type\\s*/Page[^s]"));
    int objects = 0;
    for (auto it = pageObject.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++objects;
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (pdfinfo.isEmpty()) {
        WARN_MESSAGE(false, "pdfinfo not found (poppler-utils): pages counted in the bytes only");
        return objects;
    }
    // Drawn test pages only: the camera itself never writes a file.
    const QString file = QString::fromStdString(dir.file("pages.pdf").string());
    QFile out(file);
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(pdf);
    out.close();
    QProcess info;
    info.start(pdfinfo, {file});
    REQUIRE(info.waitForFinished(10000));
    const QString said = QString::fromUtf8(info.readAllStandardOutput());
    CAPTURE(said.toStdString());
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(said);
    REQUIRE(match.hasMatch());
    CHECK(match.captured(1).toInt() == objects);
    return match.captured(1).toInt();
}

std::atomic<std::size_t> wipedBytes{0};
void countWipe(const void*, std::size_t size) noexcept {
    wipedBytes += size;
}

} // namespace

TEST_CASE("the camera twin: live preview, two straight pages, one removed, a PDF, cleared") {
    const PhotographedPage shot = hall::testing::photographPage();
    const TempDir folder("windowpad-doccam");
    REQUIRE(cv::imwrite(folder.file("page-0001.jpg").string(), shot.image,
                        {cv::IMWRITE_JPEG_QUALITY, 95}));

    DocumentCamera camera;
    const std::unique_ptr<QQuickImageProvider> images(camera.createImageProvider());
    CHECK(camera.state() == State::Closed);
    CHECK(camera.previewSource().isEmpty());
    CHECK_FALSE(camera.capture()); // nothing to capture from

    camera.open(QStringLiteral("folder:") + QString::fromStdString(folder.path().string()));
    CHECK(camera.state() == State::Opening);
    REQUIRE(waitUntil([&] { return camera.state() == State::Live; }, 10s));
    CHECK(camera.problem().isEmpty());

    // The preview: the frame scaled to the pad, a new URL for every new picture.
    const QString first = camera.previewSource().toString();
    {
        const QImage preview = request(*images, first);
        REQUIRE_FALSE(preview.isNull());
        CHECK(preview.width() == DocumentCamera::kPreviewMaxSide);
        CHECK(preview.height() == 768);
    }
    REQUIRE(waitUntil([&] { return camera.previewSource().toString() != first; }, 5s));
    CHECK_FALSE(request(*images, camera.previewSource().toString()).isNull());

    // Two captures, one at a time.
    QSignalSpy captured(&camera, &DocumentCamera::captured);
    QSignalSpy pagesChanged(&camera, &DocumentCamera::pagesChanged);
    REQUIRE(camera.capture());
    CHECK(camera.busy());
    CHECK_FALSE(camera.capture()); // the second press while the first is cut out
    REQUIRE(waitUntil([&] { return captured.count() == 1; }, 10s));
    CHECK_FALSE(camera.busy());
    REQUIRE(camera.capture());
    REQUIRE(waitUntil([&] { return captured.count() == 2; }, 10s));
    CHECK(camera.pageCount() == 2);
    CHECK(pagesChanged.count() == 2);
    CHECK(camera.lastCaptureCropped());
    for (int i = 0; i < 2; ++i) {
        CAPTURE(i);
        CHECK(captured.at(i).at(0).toInt() == i);
        const qint64 ms = captured.at(i).at(1).toLongLong();
        CHECK(ms >= 0);
        CHECK(ms < 5000);
        checkStraightPage(camera.pageImage(i), shot);
    }

    // The thumbnails through the provider, at most kThumbnailMaxSide a side.
    const QStringList sources = camera.pageSources();
    REQUIRE(sources.size() == 2);
    CHECK(sources[0] != sources[1]);
    {
        const QImage thumbnail = request(*images, sources[1]);
        REQUIRE_FALSE(thumbnail.isNull());
        CHECK(std::max(thumbnail.width(), thumbnail.height()) == DocumentCamera::kThumbnailMaxSide);
    }

    // A bad page removed: the other stays, under a new URL.
    camera.removePage(5); // not there: nothing happens
    CHECK(camera.pageCount() == 2);
    camera.removePage(0);
    CHECK(camera.pageCount() == 1);
    REQUIRE(camera.pageSources().size() == 1);
    CHECK_FALSE(sources.contains(camera.pageSources()[0]));
    CHECK_FALSE(request(*images, camera.pageSources()[0]).isNull());
    CHECK(request(*images, sources[1]).isNull()); // index 1 is gone
    checkStraightPage(camera.pageImage(0), shot);
    CHECK(camera.pageImage(1).isNull());

    // The pages as one PDF.
    const QByteArray pdf = camera.pagesPdf();
    CHECK(pdf.startsWith("%PDF-"));
    CHECK(pdf.contains("%%EOF"));
    CHECK(pdfPages(pdf, folder) == 1);

    // Cleared: nothing left to show or to send, and the page's pixels and JPEG wiped. The
    // camera is closed first, so its preview frames do not count.
    camera.close();
    CHECK(camera.state() == State::Closed);
    CHECK(camera.previewSource().isEmpty());
    CHECK(camera.previewImage().isNull());
    const QImage kept = camera.pageImage(0);
    const std::size_t pageBytes = std::size_t(kept.width()) * std::size_t(kept.height()) * 3;
    wipedBytes = 0;
    hall::drivers::setWipeObserver(countWipe);
    camera.clearPages();
    hall::drivers::setWipeObserver(nullptr);
    CHECK(wipedBytes.load() > pageBytes);
    CHECK(camera.pageCount() == 0);
    CHECK(camera.pageSources().isEmpty());
    CHECK(camera.pageImage(0).isNull());
    CHECK(request(*images, QStringLiteral("image://doccam/page/0/99")).isNull());
    CHECK(camera.pagesPdf().isEmpty());
}

TEST_CASE("a capture in flight when the pages are cleared is dropped with them") {
    const PhotographedPage shot = hall::testing::photographPage();
    const TempDir folder("windowpad-doccam-clear");
    REQUIRE(cv::imwrite(folder.file("page-1.png").string(), shot.image));
    DocumentCamera camera;
    camera.open(QStringLiteral("folder:") + QString::fromStdString(folder.path().string()));
    REQUIRE(waitUntil([&] { return camera.state() == State::Live; }, 10s));
    QSignalSpy captured(&camera, &DocumentCamera::captured);
    REQUIRE(camera.capture());
    camera.clearPages(); // the next citizen, while the last page is still being cut out
    REQUIRE(waitUntil([&] { return !camera.busy(); }, 10s));
    CHECK(captured.count() == 0);
    CHECK(camera.pageCount() == 0);
    REQUIRE(camera.capture()); // and the camera goes on
    REQUIRE(waitUntil([&] { return captured.count() == 1; }, 10s));
    CHECK(camera.pageCount() == 1);
}

TEST_CASE("the preview comes ten times a second at most") {
    DocumentCamera camera; // the test pattern runs at 15 frames a second
    camera.open(QStringLiteral("test-pattern@320x240"));
    REQUIRE(waitUntil([&] { return camera.state() == State::Live; }, 10s));
    QSignalSpy previews(&camera, &DocumentCamera::previewChanged);
    hall::testing::spin(2s);
    CHECK(previews.count() >= 5);
    CHECK(previews.count() <= 21);
    CHECK(camera.previewImage().size() == QSize(320, 240)); // smaller than the cap: kept
}

TEST_CASE("a camera that is not there fails with a problem; the camera opens again after") {
    DocumentCamera camera;
    camera.open(QStringLiteral("/dev/video99"));
    REQUIRE(waitUntil([&] { return camera.state() == State::Failed; }, 10s));
    CHECK(camera.problemCode() == QStringLiteral("not_found"));
    CHECK(camera.problem().contains(QStringLiteral("/dev/video99")));
    CHECK(camera.source() == QStringLiteral("/dev/video99"));
    CHECK_FALSE(camera.capture());
    CHECK(camera.previewSource().isEmpty());

    for (const char* bad : {"", "folder:", "/dev/video0@4x4", "scanner"}) {
        CAPTURE(bad);
        camera.open(QString::fromLatin1(bad));
        CHECK(camera.state() == State::Failed); // at once: nothing to start
        CHECK(camera.problemCode() == QStringLiteral("bad_source"));
        CHECK_FALSE(camera.problem().isEmpty());
    }

    // Settled without the event loop, as a screenshot does.
    camera.open(QStringLiteral("test-pattern@640x480"));
    REQUIRE(camera.settle(10000));
    CHECK(camera.state() == State::Live);
    CHECK(camera.problem().isEmpty());
    CHECK(camera.problemCode().isEmpty());
    QSignalSpy captured(&camera, &DocumentCamera::captured);
    REQUIRE(camera.capture());
    REQUIRE(camera.settle(10000));
    CHECK(captured.count() == 1);
    CHECK(camera.pageCount() == 1);
    CHECK_FALSE(camera.lastCaptureCropped()); // no sheet in the pattern: the whole picture
    CHECK(camera.pageImage(0).size() == QSize(640, 480));
}

TEST_CASE("the app's camera: one per engine, with its image provider") {
    QQmlEngine engine;
    CHECK(DocumentCamera::of(engine) == nullptr);
    DocumentCamera* camera = DocumentCamera::install(engine);
    REQUIRE(camera != nullptr);
    CHECK(camera->parent() == &engine);
    CHECK(DocumentCamera::of(engine) == camera);
    CHECK(DocumentCamera::install(engine) == camera);
    CHECK(engine.imageProvider(QString::fromLatin1(DocumentCamera::kProviderId)) != nullptr);
}
