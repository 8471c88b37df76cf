// SignatureStrokes, the vector data behind SignaturePad: strokes built point by point with the
// caps that bound their memory, what counts as a signature, the PNG read back pixel by pixel
// (the ink where it was written and nowhere else, the aspect ratio kept), the JSON and its way
// back, and clear() leaving nothing — the point buffers wiped while they are still ours
// (secure_wipe.h's test hook; freed memory is never read).
#define DOCTEST_CONFIG_IMPLEMENT
#include "drivers/base/secure_wipe.h"
#include "shared/ui/signature_strokes.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonValue>
#include <QPointF>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>
#include <utility>
#include <vector>

using hall::ui::SignatureStrokes;

namespace {

// Something like a two-character name: several strokes with height and width.
void scribble(SignatureStrokes& strokes, double left = 60, double top = 40) {
    for (int stroke = 0; stroke < 4; ++stroke) {
        const double x0 = left + stroke * 45;
        strokes.begin(x0, top);
        for (int i = 1; i <= 30; ++i)
            strokes.extend(x0 + 20 * std::sin(i / 4.0), top + i * 3.0);
        strokes.end();
    }
}

// A straight stroke from a to b in `steps` points.
void line(SignatureStrokes& strokes, QPointF a, QPointF b, int steps = 40) {
    strokes.begin(a.x(), a.y());
    for (int i = 1; i <= steps; ++i)
        strokes.extend(a.x() + (b.x() - a.x()) * i / steps, a.y() + (b.y() - a.y()) * i / steps);
    strokes.end();
}

void dot(SignatureStrokes& strokes, QPointF at) {
    strokes.begin(at.x(), at.y());
    strokes.end();
}

bool dark(const QImage& image, int x, int y) {
    return qGray(image.pixel(x, y)) < 128;
}

// Centre of the dark pixels within `radius` of `near`.
QPointF centroid(const QImage& image, QPoint near, int radius) {
    double sx = 0, sy = 0;
    int n = 0;
    for (int y = std::max(0, near.y() - radius);
         y <= std::min(image.height() - 1, near.y() + radius); ++y)
        for (int x = std::max(0, near.x() - radius);
             x <= std::min(image.width() - 1, near.x() + radius); ++x)
            if (dark(image, x, y)) {
                sx += x;
                sy += y;
                ++n;
            }
    REQUIRE(n > 0);
    return {sx / n, sy / n};
}

// The first and the last dark pixel in reading order.
std::pair<QPoint, QPoint> firstAndLastDark(const QImage& image) {
    QPoint first(-1, -1), last(-1, -1);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (dark(image, x, y)) {
                if (first.x() < 0) first = QPoint(x, y);
                last = QPoint(x, y);
            }
    return {first, last};
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 == 0 ? 0 : std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0);
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

QImage decode(const QByteArray& png) {
    QImage image;
    REQUIRE(image.loadFromData(png, "PNG"));
    return image;
}

// The wipes secureWipe reports while a test watches: start and length of each.
std::vector<std::pair<std::uintptr_t, std::size_t>> wipes;
bool allZero = true;

void recordWipe(const void* data, std::size_t size) noexcept {
    wipes.emplace_back(reinterpret_cast<std::uintptr_t>(data), size);
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i)
        if (bytes[i] != 0) allZero = false;
}

bool wasWiped(const void* data, std::size_t size) {
    const auto from = reinterpret_cast<std::uintptr_t>(data);
    for (auto [start, n] : wipes)
        if (start <= from && from + size <= start + n) return true;
    return false;
}

struct ObserveWipes {
    ObserveWipes() {
        wipes.clear();
        allZero = true;
        hall::drivers::setWipeObserver(recordWipe);
    }
    ~ObserveWipes() { hall::drivers::setWipeObserver(nullptr); }
    ObserveWipes(const ObserveWipes&) = delete;
    ObserveWipes& operator=(const ObserveWipes&) = delete;
};

} // namespace

TEST_CASE("strokes are built point by point, near points dropped, time from each stroke's "
          "start") {
    SignatureStrokes strokes;
    int changes = 0;
    QObject::connect(&strokes, &SignatureStrokes::changed, [&] { ++changes; });
    CHECK(strokes.isEmpty());

    strokes.extend(10, 10); // no stroke open: ignored
    CHECK(strokes.isEmpty());
    CHECK(changes == 0);

    strokes.begin(10, 10);
    strokes.extend(10.5, 10.5); // under 1.5 px from the last point
    strokes.extend(11, 11);     // 1.41 px: still under
    strokes.extend(12, 10);     // 2 px: kept
    strokes.extend(20, 30);
    strokes.end();
    strokes.extend(40, 40); // ended: ignored
    REQUIRE(strokes.strokeCount() == 1);
    CHECK(strokes.pointCount(0) == 3);
    CHECK(strokes.points(0) == QList<qreal>{10, 10, 12, 10, 20, 30});
    CHECK(strokes.strokes()[0][0].ms == 0);
    CHECK(strokes.strokes()[0][1].ms <= strokes.strokes()[0][2].ms);
    CHECK(strokes.inkLength() == doctest::Approx(2 + std::hypot(8, 20)));
    CHECK(changes == 3);

    dot(strokes, {50, 50});
    CHECK(strokes.strokeCount() == 2);
    CHECK(strokes.pointCount(1) == 1);
    CHECK(strokes.pointCount(2) == 0);
    CHECK(strokes.points(-1).isEmpty());
    CHECK(strokes.bounds() == QRectF(QPointF(10, 10), QPointF(50, 50)));
}

TEST_CASE("the caps hold: points per stroke, strokes, points in all") {
    SignatureStrokes strokes;
    SUBCASE("one endless stroke stops at kMaxPointsPerStroke") {
        strokes.begin(0, 0);
        for (int i = 1; i < 5000; ++i)
            strokes.extend(i * 2.0, (i % 2) * 2.0);
        CHECK(strokes.pointCount(0) == SignatureStrokes::kMaxPointsPerStroke);
        CHECK(strokes.strokes()[0].capacity() <=
              static_cast<std::size_t>(SignatureStrokes::kMaxPointsPerStroke));
    }
    SUBCASE("taps past kMaxStrokes are ignored") {
        for (int i = 0; i < SignatureStrokes::kMaxStrokes + 50; ++i)
            dot(strokes, {i * 3.0, 5});
        CHECK(strokes.strokeCount() == SignatureStrokes::kMaxStrokes);
        strokes.extend(100, 100); // the refused stroke is not open either
        CHECK(strokes.totalPoints() == SignatureStrokes::kMaxStrokes);
    }
    SUBCASE("long strokes stop at kMaxPoints in all") {
        for (int s = 0; s < 20; ++s) {
            strokes.begin(0, s * 10.0);
            for (int i = 1; i < 2000; ++i)
                strokes.extend(i * 2.0, s * 10.0 + (i % 2) * 2.0);
            strokes.end();
        }
        CHECK(strokes.totalPoints() == SignatureStrokes::kMaxPoints);
        CHECK(strokes.strokeCount() ==
              SignatureStrokes::kMaxPoints / SignatureStrokes::kMaxPointsPerStroke);
    }
}

TEST_CASE("a signature is acceptable, a tap, a flick or a straight line is not") {
    SignatureStrokes strokes;
    dot(strokes, {100, 100});
    CHECK_FALSE(strokes.isAcceptable());
    strokes.clear();

    line(strokes, {100, 100}, {130, 110}); // a flick
    CHECK_FALSE(strokes.isAcceptable());
    strokes.clear();

    line(strokes, {50, 100}, {450, 104}); // long, but no height
    CHECK(strokes.inkLength() > SignatureStrokes::kMinInkLength);
    CHECK_FALSE(strokes.isAcceptable());
    strokes.clear();

    scribble(strokes);
    CHECK(strokes.isAcceptable());
    // Taking strokes back can take it below the bar again.
    while (strokes.strokeCount() > 1)
        strokes.undoStroke();
    CHECK_FALSE(strokes.isAcceptable());
}

TEST_CASE("points stay inside the canvas the item set") {
    SignatureStrokes strokes;
    strokes.setCanvasSize({400, 150});
    strokes.begin(-20, 50);
    strokes.extend(200, 400);
    strokes.extend(900, 75);
    CHECK(strokes.points(0) == QList<qreal>{0, 50, 200, 150, 400, 75});
}

TEST_CASE("ink a later, smaller canvas leaves out still shows in the PNG") {
    SignatureStrokes strokes;
    strokes.setCanvasSize({400, 150});
    dot(strokes, {0, 0});
    dot(strokes, {400, 150});
    const QImage before = decode(strokes.toPng());
    strokes.setCanvasSize({400, 100}); // elder mode enlarged the button under the area
    const QImage after = decode(strokes.toPng());
    CHECK(after == before);
}

TEST_CASE("the PNG shows the ink where it was written, and nothing elsewhere") {
    SignatureStrokes strokes;
    strokes.setCanvasSize({400, 150});
    // Dots on two corners of the canvas locate it in the image; a caret between them.
    const QPointF a(0, 0), b(400, 150);
    const std::vector<QPointF> caret{{40, 120}, {200, 30}, {360, 120}};
    dot(strokes, a);
    dot(strokes, b);
    line(strokes, caret[0], caret[1]);
    strokes.begin(caret[1].x(), caret[1].y());
    for (int i = 1; i <= 40; ++i)
        strokes.extend(caret[1].x() + (caret[2].x() - caret[1].x()) * i / 40,
                       caret[1].y() + (caret[2].y() - caret[1].y()) * i / 40);
    strokes.end();

    const QByteArray png = strokes.toPng();
    REQUIRE(png.startsWith("\x89PNG"));
    const QImage image = decode(png);
    CHECK(image.size() == QSize(800, 300));
    CHECK(qGray(image.pixel(0, 0)) == 255); // white, with a margin
    CHECK(qGray(image.pixel(799, 299)) == 255);

    // The corner dots are the first and the last ink in reading order.
    const auto [first, last] = firstAndLastDark(image);
    const QPointF at = centroid(image, first + QPoint(0, 3), 8);
    const QPointF bt = centroid(image, last - QPoint(0, 3), 8);
    const double sx = (bt.x() - at.x()) / (b.x() - a.x());
    const double sy = (bt.y() - at.y()) / (b.y() - a.y());
    // The aspect ratio is kept (one scale for x and y) and the canvas is centred.
    CHECK(sx == doctest::Approx(sy).epsilon(0.02));
    CHECK(sx > 1.5); // 400 × 150 fills most of 800 × 300
    CHECK((at.x() + bt.x()) / 2 == doctest::Approx(400).epsilon(0.01));
    CHECK((at.y() + bt.y()) / 2 == doctest::Approx(150).epsilon(0.01));
    auto place = [&](QPointF p) { return at + QPointF(p.x() * sx, p.y() * sy); };

    // Along the caret: ink.
    for (std::size_t s = 0; s + 1 < caret.size(); ++s)
        for (int i = 0; i <= 20; ++i) {
            const QPointF p = place(caret[s] + (caret[s + 1] - caret[s]) * (i / 20.0));
            CHECK_MESSAGE(dark(image, static_cast<int>(std::lround(p.x())),
                               static_cast<int>(std::lround(p.y()))),
                          "no ink at " << p.x() << "," << p.y());
        }
    // Everywhere else: none. The pen is the pad's 4 px at this scale (≈ 7 px), so ink lies
    // within a few pixels of the path, antialiasing included.
    const double tolerance = 6;
    int inkPixels = 0, strayPixels = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) == 255) continue;
            ++inkPixels;
            const QPointF p(x, y);
            double nearest = std::min(distanceToSegment(p, place(a), place(a)),
                                      distanceToSegment(p, place(b), place(b)));
            for (std::size_t s = 0; s + 1 < caret.size(); ++s)
                nearest =
                    std::min(nearest, distanceToSegment(p, place(caret[s]), place(caret[s + 1])));
            if (nearest > tolerance) ++strayPixels;
        }
    CHECK(inkPixels > 1000);
    CHECK(strayPixels == 0);
}

TEST_CASE("a square canvas in a wide image stays square, centred") {
    SignatureStrokes strokes;
    strokes.setCanvasSize({300, 300});
    dot(strokes, {0, 0});
    dot(strokes, {300, 300});
    const QImage image = decode(strokes.toPng(800, 300));
    REQUIRE(image.size() == QSize(800, 300));
    const auto [first, last] = firstAndLastDark(image);
    const QPointF at = centroid(image, first + QPoint(0, 3), 8);
    const QPointF bt = centroid(image, last - QPoint(0, 3), 8);
    CHECK(bt.x() - at.x() == doctest::Approx(bt.y() - at.y()).epsilon(0.02));
    CHECK((at.x() + bt.x()) / 2 == doctest::Approx(400).epsilon(0.01));
    CHECK(bt.y() - at.y() < 300);
    // Nothing left or right of the fitted square.
    for (int y = 0; y < image.height(); ++y) {
        CHECK(qGray(image.pixel(static_cast<int>(at.x()) - 20, y)) == 255);
        CHECK(qGray(image.pixel(static_cast<int>(bt.x()) + 20, y)) == 255);
    }
}

TEST_CASE("without a canvas the strokes themselves are fitted; sizes are checked") {
    SignatureStrokes strokes;
    CHECK(strokes.toPng().isEmpty()); // no ink, nothing to file
    scribble(strokes, 1000, 1000);    // far from the origin
    const QImage image = decode(strokes.toPng(400, 200));
    CHECK(image.size() == QSize(400, 200));
    const auto [first, last] = firstAndLastDark(image);
    CHECK(first.y() < 40); // the ink spans the height, margin aside
    CHECK(last.y() > 160);
    CHECK(strokes.toPng(0, 300).isEmpty());
    CHECK(strokes.toPng(800, -1).isEmpty());
    CHECK(strokes.toPng(SignatureStrokes::kMaxImageSide + 1, 300).isEmpty());
}

TEST_CASE("strokesJson: one flat x, y, ms array per stroke, and back") {
    SignatureStrokes strokes;
    scribble(strokes);
    dot(strokes, {12.34, 56.78});
    const QByteArray json = strokes.strokesJson();
    CHECK_FALSE(json.contains(' '));
    CHECK_FALSE(json.contains('\n'));
    const QJsonDocument document = QJsonDocument::fromJson(json);
    REQUIRE(document.isArray());
    const QJsonArray all = document.array();
    REQUIRE(all.size() == strokes.strokeCount());
    for (int s = 0; s < strokes.strokeCount(); ++s) {
        const QJsonArray flat = all[s].toArray();
        REQUIRE(flat.size() == 3 * strokes.pointCount(s));
        CHECK(flat[2].toDouble() == 0); // each stroke's time starts at its first point
        for (qsizetype i = 0; i < flat.size(); ++i)
            CHECK(flat[i].isDouble());
    }
    CHECK(all.last().toArray()[0].toDouble() == 12.3); // rounded to 0.1 px
    CHECK(all.last().toArray()[1].toDouble() == 56.8);

    SignatureStrokes back;
    int changes = 0;
    QObject::connect(&back, &SignatureStrokes::changed, [&] { ++changes; });
    REQUIRE(back.loadStrokesJson(json));
    CHECK(changes == 1);
    REQUIRE(back.strokeCount() == strokes.strokeCount());
    for (int s = 0; s < strokes.strokeCount(); ++s) {
        REQUIRE(back.pointCount(s) == strokes.pointCount(s));
        const QList<qreal> was = strokes.points(s), is = back.points(s);
        for (qsizetype i = 0; i < was.size(); ++i)
            CHECK(std::abs(is[i] - was[i]) <= 0.051); // rounding to 0.1 px, float aside
        for (std::size_t i = 0; i < strokes.strokes()[static_cast<std::size_t>(s)].size(); ++i)
            CHECK(back.strokes()[static_cast<std::size_t>(s)][i].ms ==
                  strokes.strokes()[static_cast<std::size_t>(s)][i].ms);
    }
    CHECK(back.isAcceptable() == strokes.isAcceptable());
    CHECK(back.strokesJson() == json);
}

TEST_CASE("loadStrokesJson refuses what strokesJson never writes, changing nothing") {
    SignatureStrokes strokes;
    scribble(strokes);
    const QByteArray before = strokes.strokesJson();
    const int generation = strokes.generation();
    QByteArray tooLong = "[[0,0,0";
    for (int i = 1; i <= SignatureStrokes::kMaxPointsPerStroke; ++i)
        tooLong += "," + QByteArray::number(i) + ",0," + QByteArray::number(i);
    tooLong += "]]";
    for (const QByteArray& bad :
         {QByteArray("{}"), QByteArray("not json"), QByteArray("[[1,2]]"), QByteArray("[[]]"),
          QByteArray("[[1,2,\"3\"]]"), QByteArray("[[1,2,-3]]"), QByteArray("[[1e9,2,3]]"),
          QByteArray("[1,2,3]"), tooLong}) {
        CAPTURE(bad.left(40).toStdString());
        CHECK_FALSE(strokes.loadStrokesJson(bad));
        CHECK(strokes.strokesJson() == before);
        CHECK(strokes.generation() == generation);
    }
    CHECK(strokes.loadStrokesJson("[]"));
    CHECK(strokes.isEmpty());
}

TEST_CASE("clear() leaves nothing: no strokes, no ink, the points wiped") {
    SignatureStrokes strokes;
    strokes.setCanvasSize({600, 240});
    scribble(strokes);
    line(strokes, {10, 10}, {590, 230}, 400); // a buffer that grew several times
    REQUIRE(strokes.isAcceptable());
    std::vector<std::pair<const void*, std::size_t>> buffers;
    for (const auto& stroke : strokes.strokes())
        buffers.emplace_back(stroke.data(), stroke.size() * sizeof(SignatureStrokes::Point));
    int changes = 0;
    QObject::connect(&strokes, &SignatureStrokes::changed, [&] { ++changes; });
    const int generation = strokes.generation();

    {
        ObserveWipes observe;
        strokes.clear();
        for (auto [data, size] : buffers)
            CHECK(wasWiped(data, size));
        CHECK(allZero);
    }
    CHECK(changes == 1);
    CHECK(strokes.generation() > generation);
    CHECK(strokes.isEmpty());
    CHECK(strokes.strokeCount() == 0);
    CHECK(strokes.totalPoints() == 0);
    CHECK(strokes.inkLength() == 0);
    CHECK_FALSE(strokes.isAcceptable());
    CHECK(strokes.strokes().capacity() == 0);
    CHECK(strokes.strokesJson() == "[]");
    CHECK(strokes.toPng().isEmpty());
    strokes.clear(); // nothing left to clear: no change
    CHECK(changes == 1);

    // It signs again as new.
    scribble(strokes);
    CHECK(strokes.isAcceptable());
}

TEST_CASE("undoStroke wipes the last stroke and takes its ink back") {
    SignatureStrokes strokes;
    scribble(strokes);
    const int count = strokes.strokeCount();
    const double ink = strokes.inkLength();
    line(strokes, {0, 0}, {100, 0});
    const void* last = strokes.strokes().back().data();
    const std::size_t size = strokes.strokes().back().size() * sizeof(SignatureStrokes::Point);
    ObserveWipes observe;
    strokes.undoStroke();
    CHECK(wasWiped(last, size));
    CHECK(strokes.strokeCount() == count);
    CHECK(strokes.inkLength() == doctest::Approx(ink));
}

TEST_CASE("growing a stroke wipes the buffer it leaves") {
    SignatureStrokes strokes;
    strokes.begin(0, 0);
    for (int i = 1; i < 60; ++i)
        strokes.extend(i * 2.0, 0);
    const void* small = strokes.strokes()[0].data();
    const std::size_t size = strokes.strokes()[0].size() * sizeof(SignatureStrokes::Point);
    ObserveWipes observe;
    for (int i = 60; i < 200; ++i)
        strokes.extend(i * 2.0, 0);
    REQUIRE(strokes.strokes()[0].data() != small);
    CHECK(wasWiped(small, size));
    CHECK(allZero);
}

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    doctest::Context context(argc, argv);
    return context.run();
}
