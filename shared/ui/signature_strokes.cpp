#include "shared/ui/signature_strokes.h"

#include "drivers/base/secure_wipe.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonValue>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <algorithm>
#include <cmath>
#include <limits>

namespace hall::ui {

namespace {

// Free space around the signature in the PNG, over its shorter side: ink that touched the
// pad's edge must not touch the record's.
constexpr double kMarginRatio = 0.06;
// How far the PNG may enlarge the strokes: with no canvas, a tiny bounding box would otherwise
// be blown up to fill the image.
constexpr double kMaxScale = 4;
// Item coordinates a filed signature may hold: far beyond any screen, short of float trouble.
constexpr double kMaxCoordinate = 100000;

// Points are about to be freed or dropped: overwrite them first.
void wipe(SignatureStrokes::Stroke& stroke) noexcept {
    hall::drivers::secureWipe(stroke.data(), stroke.capacity() * sizeof(SignatureStrokes::Point));
    stroke.clear();
}

void release(SignatureStrokes::Stroke& stroke) noexcept {
    wipe(stroke);
    SignatureStrokes::Stroke().swap(stroke); // the buffer itself goes too
}

double tenths(float value) {
    return std::round(static_cast<double>(value) * 10) / 10;
}

} // namespace

SignatureStrokes::SignatureStrokes(QObject* parent) : QObject(parent) {}

SignatureStrokes::~SignatureStrokes() {
    wipeAll();
}

void SignatureStrokes::wipeAll() noexcept {
    for (auto& stroke : strokes_)
        release(stroke);
    std::vector<Stroke>().swap(strokes_);
    open_ = false;
    totalPoints_ = 0;
    inkLength_ = 0;
    bounds_ = QRectF();
}

QPointF SignatureStrokes::clamped(qreal x, qreal y) const {
    // A finger that slides off the pad keeps drawing along its edge, not where no one sees it.
    if (canvasSize_.isEmpty()) return {x, y};
    return {std::clamp(x, 0.0, canvasSize_.width()), std::clamp(y, 0.0, canvasSize_.height())};
}

void SignatureStrokes::begin(qreal x, qreal y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return;
    open_ = false;
    if (strokeCount() >= kMaxStrokes || totalPoints_ >= kMaxPoints) return;
    strokes_.emplace_back();
    open_ = true;
    strokeClock_.start();
    const QPointF p = clamped(x, y);
    append(static_cast<float>(p.x()), static_cast<float>(p.y()));
    Q_EMIT changed();
}

void SignatureStrokes::extend(qreal x, qreal y) {
    if (!open_ || !std::isfinite(x) || !std::isfinite(y)) return;
    Stroke& stroke = strokes_.back();
    if (static_cast<int>(stroke.size()) >= kMaxPointsPerStroke || totalPoints_ >= kMaxPoints)
        return;
    const QPointF p = clamped(x, y);
    const Point& last = stroke.back();
    if (std::hypot(p.x() - static_cast<double>(last.x), p.y() - static_cast<double>(last.y)) <
        kMinPointDistance)
        return;
    append(static_cast<float>(p.x()), static_cast<float>(p.y()));
    Q_EMIT changed();
}

void SignatureStrokes::end() {
    open_ = false;
}

void SignatureStrokes::append(float x, float y) {
    Stroke& stroke = strokes_.back();
    if (stroke.size() == stroke.capacity()) {
        // By hand rather than by push_back: the vector would free its old buffer unwiped.
        Stroke grown;
        grown.reserve(std::min<std::size_t>(std::max<std::size_t>(64, stroke.capacity() * 2),
                                            kMaxPointsPerStroke));
        grown.assign(stroke.begin(), stroke.end());
        release(stroke);
        stroke.swap(grown);
    }
    const qint64 elapsed = stroke.empty() ? 0 : strokeClock_.elapsed();
    const auto ms = static_cast<std::uint32_t>(
        std::clamp<qint64>(elapsed, 0, std::numeric_limits<std::uint32_t>::max()));
    if (!stroke.empty()) {
        const Point& last = stroke.back();
        inkLength_ += std::hypot(static_cast<double>(x - last.x), static_cast<double>(y - last.y));
    }
    stroke.push_back({x, y, ms});
    const QPointF p(static_cast<double>(x), static_cast<double>(y));
    bounds_ =
        totalPoints_ == 0
            ? QRectF(p, p)
            : QRectF(QPointF(std::min(bounds_.left(), p.x()), std::min(bounds_.top(), p.y())),
                     QPointF(std::max(bounds_.right(), p.x()), std::max(bounds_.bottom(), p.y())));
    ++totalPoints_;
}

void SignatureStrokes::clear() {
    if (strokes_.empty() && !open_) return;
    wipeAll();
    ++generation_;
    Q_EMIT changed();
}

void SignatureStrokes::undoStroke() {
    if (strokes_.empty()) return;
    release(strokes_.back());
    strokes_.pop_back();
    open_ = false;
    if (strokes_.empty()) std::vector<Stroke>().swap(strokes_);
    recomputeMeasures();
    ++generation_;
    Q_EMIT changed();
}

void SignatureStrokes::recomputeMeasures() {
    totalPoints_ = 0;
    inkLength_ = 0;
    double left = 0, top = 0, right = 0, bottom = 0;
    for (const auto& stroke : strokes_)
        for (std::size_t i = 0; i < stroke.size(); ++i) {
            const double x = static_cast<double>(stroke[i].x);
            const double y = static_cast<double>(stroke[i].y);
            if (i > 0)
                inkLength_ += std::hypot(x - static_cast<double>(stroke[i - 1].x),
                                         y - static_cast<double>(stroke[i - 1].y));
            if (totalPoints_ == 0) {
                left = right = x;
                top = bottom = y;
            } else {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
            ++totalPoints_;
        }
    bounds_ = totalPoints_ == 0 ? QRectF() : QRectF(QPointF(left, top), QPointF(right, bottom));
}

bool SignatureStrokes::isAcceptable() const {
    const double longer = std::max(bounds_.width(), bounds_.height());
    const double shorter = std::min(bounds_.width(), bounds_.height());
    return totalPoints_ > 0 && inkLength_ >= kMinInkLength && longer >= kMinExtent &&
           shorter >= kMinThickness;
}

void SignatureStrokes::setCanvasSize(QSizeF size) {
    if (size == canvasSize_) return;
    canvasSize_ = size;
    Q_EMIT canvasSizeChanged();
}

int SignatureStrokes::pointCount(int stroke) const {
    if (stroke < 0 || stroke >= strokeCount()) return 0;
    return static_cast<int>(strokes_[static_cast<std::size_t>(stroke)].size());
}

QList<qreal> SignatureStrokes::points(int stroke) const {
    QList<qreal> flat;
    if (stroke < 0 || stroke >= strokeCount()) return flat;
    const Stroke& s = strokes_[static_cast<std::size_t>(stroke)];
    flat.reserve(static_cast<qsizetype>(s.size() * 2));
    for (const Point& p : s) {
        flat.append(static_cast<qreal>(p.x));
        flat.append(static_cast<qreal>(p.y));
    }
    return flat;
}

QImage SignatureStrokes::toImage(int width, int height) const {
    if (totalPoints_ == 0 || width < 1 || height < 1 || width > kMaxImageSide ||
        height > kMaxImageSide)
        return {};
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);

    // The canvas, and any ink outside it: a pad that shrank after the ink was written (elder
    // mode enlarges the button under it) must not cut the signature.
    QRectF frame = bounds_;
    if (!canvasSize_.isEmpty())
        frame = QRectF(QPointF(std::min(0.0, bounds_.left()), std::min(0.0, bounds_.top())),
                       QPointF(std::max(canvasSize_.width(), bounds_.right()),
                               std::max(canvasSize_.height(), bounds_.bottom())));
    const double margin = std::round(std::min(width, height) * kMarginRatio);
    const double roomX = width - 2 * margin;
    const double roomY = height - 2 * margin;
    // A frame of no width or height (one dot, one straight line) is fitted by its other side.
    const double scale = std::min(
        {roomX / std::max(frame.width(), 1.0), roomY / std::max(frame.height(), 1.0), kMaxScale});
    const QPointF offset = QPointF(width / 2.0, height / 2.0) - frame.center() * scale;
    auto place = [&](const Point& p) {
        return QPointF(static_cast<double>(p.x), static_cast<double>(p.y)) * scale + offset;
    };
    // The pad's pen at the same scale, so the record looks like the screen, within what reads
    // well at this size.
    const double penWidth =
        std::clamp(kInkWidth * scale, 2.0, std::max(2.0, std::min(width, height) / 40.0));

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::black, penWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    for (const Stroke& stroke : strokes_) {
        if (stroke.size() == 1) {
            painter.drawPoint(place(stroke.front())); // a round dot with this pen
            continue;
        }
        QPainterPath path(place(stroke.front()));
        for (std::size_t i = 1; i < stroke.size(); ++i)
            path.lineTo(place(stroke[i]));
        painter.drawPath(path);
    }
    painter.end();
    return image.convertToFormat(QImage::Format_Grayscale8);
}

QByteArray SignatureStrokes::toPng(int width, int height) const {
    const QImage image = toImage(width, height);
    if (image.isNull()) return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) return {};
    return png;
}

QJsonArray SignatureStrokes::strokesArray() const {
    QJsonArray all;
    for (const Stroke& stroke : strokes_) {
        QJsonArray flat;
        for (const Point& p : stroke) {
            flat.append(tenths(p.x));
            flat.append(tenths(p.y));
            flat.append(static_cast<qint64>(p.ms));
        }
        all.append(flat);
    }
    return all;
}

QByteArray SignatureStrokes::strokesJson() const {
    return QJsonDocument(strokesArray()).toJson(QJsonDocument::Compact);
}

bool SignatureStrokes::loadStrokesJson(const QByteArray& json) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) return false;
    const QJsonArray all = document.array();
    if (all.size() > kMaxStrokes) return false;

    std::vector<Stroke> loaded;
    auto refuse = [&loaded] {
        for (auto& stroke : loaded)
            release(stroke);
        return false;
    };
    loaded.reserve(static_cast<std::size_t>(all.size()));
    qsizetype total = 0;
    for (const QJsonValue& strokeValue : all) {
        if (!strokeValue.isArray()) return refuse();
        const QJsonArray flat = strokeValue.toArray();
        const qsizetype count = flat.size() / 3;
        total += count;
        if (flat.isEmpty() || flat.size() % 3 != 0 || count > kMaxPointsPerStroke ||
            total > kMaxPoints)
            return refuse();
        Stroke stroke;
        stroke.reserve(static_cast<std::size_t>(count));
        for (qsizetype i = 0; i < flat.size(); i += 3) {
            const double x = flat[i].toDouble(std::nan(""));
            const double y = flat[i + 1].toDouble(std::nan(""));
            const double ms = flat[i + 2].toDouble(std::nan(""));
            if (!(std::abs(x) <= kMaxCoordinate) || !(std::abs(y) <= kMaxCoordinate) ||
                !(ms >= 0 && ms <= std::numeric_limits<std::uint32_t>::max())) {
                release(stroke);
                return refuse();
            }
            stroke.push_back(
                {static_cast<float>(x), static_cast<float>(y), static_cast<std::uint32_t>(ms)});
        }
        loaded.push_back(std::move(stroke));
    }

    wipeAll();
    strokes_ = std::move(loaded);
    recomputeMeasures();
    ++generation_;
    Q_EMIT changed();
    return true;
}

} // namespace hall::ui
