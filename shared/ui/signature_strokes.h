#pragma once
// The citizen's signature as vector data: the strokes a finger drew on SignaturePad, each a list
// of points in the pad's item coordinates with the milliseconds since its stroke began. The
// evaluation pad keeps these, files them as JSON, and renders the PNG that goes with the ticket.
//
// A signature is personal data. clear(), undoStroke(), replacing the strokes and the destructor
// overwrite every point buffer before its memory goes back to the allocator, and a buffer that
// grows is wiped before it is let go, so no copy of the strokes is left behind in freed memory.
//
// Nothing here grows without bound: points closer than kMinPointDistance to the last one are
// dropped, a stroke keeps at most kMaxPointsPerStroke points, a signature at most kMaxStrokes
// strokes and kMaxPoints points in all. What comes past a cap is ignored (the ink on the pad stops
// following the finger, which is the citizen's cue to press 重写).

#include <QByteArray>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QRectF>
#include <QSizeF>
#include <QtQml/qqmlregistration.h>
#include <cstdint>
#include <vector>

namespace hall::ui {

class SignatureStrokes : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool empty READ isEmpty NOTIFY changed)
    Q_PROPERTY(int strokeCount READ strokeCount NOTIFY changed)
    Q_PROPERTY(bool acceptable READ isAcceptable NOTIFY changed)
    // Goes up whenever ink goes away (clear, undo, strokes replaced): a view that paints only
    // what was added since its last paint must then start over.
    Q_PROPERTY(int generation READ generation NOTIFY changed)
    // The signing area's size, set by the item: new points are kept inside it, and the PNG
    // shows that whole area as the citizen saw it (and ink outside it, should the area have
    // shrunk after the ink was written).
    Q_PROPERTY(QSizeF canvasSize READ canvasSize WRITE setCanvasSize NOTIFY canvasSizeChanged)

public:
    struct Point {
        float x;
        float y;
        std::uint32_t ms; // since the stroke's first point
    };
    using Stroke = std::vector<Point>;

    // Finger input arrives at up to 120 Hz; a point closer than 1.5 px to the last one adds no
    // visible ink at any pen width the pad draws, only memory.
    static constexpr double kMinPointDistance = 1.5;
    // One continuous movement of ~8 s at 120 Hz: no stroke of a signature comes near it.
    static constexpr int kMaxPointsPerStroke = 1000;
    // A name of four characters written stroke by stroke is some 40 strokes; room for more.
    static constexpr int kMaxStrokes = 100;
    // All strokes together: 10,000 points are 120 KB of memory, ~160 KB of JSON.
    static constexpr int kMaxPoints = 10000;

    // What makes a signature rather than a tap or a flick, in item pixels (≈ 0.25 mm each on the
    // hall's ~100 DPI panels at device pixel ratio 1). A real name of two or three characters
    // written with a finger has well over 1,000 px of ink in a box of ≥ 150 × 60 px; a tap has
    // almost none, a flick is short, one straight line has no height. So:
    //   kMinInkLength  200 px (≈ 5 cm) of ink in all — more than any tap, dot or flick
    //   kMinExtent      80 px (≈ 2 cm) for the longer side of the strokes' bounding box
    //   kMinThickness   24 px (≈ 6 mm) for the shorter side: a single straight line fails
    // Low enough that a citizen with an unsteady hand who writes small still passes.
    static constexpr double kMinInkLength = 200;
    static constexpr double kMinExtent = 80;
    static constexpr double kMinThickness = 24;

    // The pen of the pad outside elder mode, in item pixels; the PNG scales it with the strokes.
    static constexpr double kInkWidth = 4;
    // toPng() draws nothing larger than this on a side (a bad argument must not allocate
    // hundreds of megabytes).
    static constexpr int kMaxImageSide = 4096;

    explicit SignatureStrokes(QObject* parent = nullptr);
    ~SignatureStrokes() override;
    SignatureStrokes(const SignatureStrokes&) = delete;
    SignatureStrokes& operator=(const SignatureStrokes&) = delete;

    // A new stroke at (x, y); ends one still open. Ignored once kMaxStrokes or kMaxPoints is
    // reached.
    Q_INVOKABLE void begin(qreal x, qreal y);
    // The open stroke continues to (x, y); see the caps above. Ignored without an open stroke.
    Q_INVOKABLE void extend(qreal x, qreal y);
    Q_INVOKABLE void end();
    // Drops every stroke, wiping the points.
    Q_INVOKABLE void clear();
    // Drops the last stroke (the open one, if any), wiping its points.
    Q_INVOKABLE void undoStroke();

    bool isEmpty() const { return strokes_.empty(); }
    int strokeCount() const { return static_cast<int>(strokes_.size()); }
    bool isAcceptable() const;
    int generation() const { return generation_; }
    QSizeF canvasSize() const { return canvasSize_; }
    void setCanvasSize(QSizeF size);

    // Points of stroke `stroke` (0 when there is no such stroke), and all of them.
    Q_INVOKABLE int pointCount(int stroke) const;
    int totalPoints() const { return totalPoints_; }
    // Stroke `stroke` as x0, y0, x1, y1, … for a view to draw (empty when there is none).
    Q_INVOKABLE QList<qreal> points(int stroke) const;
    const std::vector<Stroke>& strokes() const { return strokes_; }
    // Total length of the ink and the bounding box of every point, in item pixels.
    double inkLength() const { return inkLength_; }
    QRectF bounds() const { return bounds_; }

    // The signature as a width × height image: black ink, antialiased with round caps and joins,
    // on white; the canvas (or, before the item set one, the strokes' bounding box) scaled to
    // fit, centred, with its aspect ratio kept and a margin all round. Null when there is no ink
    // or the size is not within 1…kMaxImageSide.
    QImage toImage(int width, int height) const;
    // The same, 8-bit grey PNG bytes; empty when toImage() is null.
    Q_INVOKABLE QByteArray toPng(int width = 800, int height = 300) const;

    // The vector data, compact: one array per stroke, its points flattened as x, y, ms, x, y,
    // ms, … with x and y rounded to 0.1 px: [[12.5,40,0,14,41.5,16,…],[…]].
    Q_INVOKABLE QJsonArray strokesArray() const; // to QML as a plain array
    Q_INVOKABLE QByteArray strokesJson() const;
    // Replaces the strokes with those of strokesJson() (a filed signature drawn again). Refused,
    // changing nothing, when it is not that shape or goes past a cap.
    Q_INVOKABLE bool loadStrokesJson(const QByteArray& json);

Q_SIGNALS:
    void changed();
    void canvasSizeChanged();

private:
    // Appends to the open stroke, growing its buffer by hand so the old one is wiped.
    void append(float x, float y);
    QPointF clamped(qreal x, qreal y) const;
    void recomputeMeasures();
    void wipeAll() noexcept;

    std::vector<Stroke> strokes_;
    bool open_ = false; // the last stroke is still being drawn
    QElapsedTimer strokeClock_;
    int totalPoints_ = 0;
    double inkLength_ = 0;
    QRectF bounds_;
    int generation_ = 0;
    QSizeF canvasSize_;
};

} // namespace hall::ui
