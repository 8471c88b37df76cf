import QtQuick
import Hall.Ui // the C++ SignatureStrokes (the implicit directory import has only the QML types)

// Where the citizen signs with a finger to confirm what the window has done for them: a white
// signing area with a baseline and a "Sign here" hint until the first stroke, the ink drawn as
// it is written, and 重写 to start again. The strokes are kept as vector data (`strokes`, C++:
// SignatureStrokes), which the evaluation pad files as JSON and renders to the ticket's PNG.
//   strokes     the SignatureStrokes (clear(), undoStroke(), toPng(), strokesJson(), …)
//   acceptable  the ink is a signature, not a tap (SignatureStrokes::acceptable)
// The area is large for a finger, larger in elder mode; give the pad a size to make it larger.
Item {
    id: pad

    property alias strokes: ink
    readonly property bool acceptable: ink.acceptable
    // Thicker ink in elder mode: the citizen must be able to see what they wrote.
    readonly property real inkWidth: Theme.elderMode ? 6 : 4

    implicitWidth: Math.round(area.implicitHeight * 2.5)
    implicitHeight: area.implicitHeight + Theme.spacing + clearButton.implicitHeight

    SignatureStrokes {
        id: ink
        canvasSize: Qt.size(area.width, area.height)
    }

    Rectangle {
        id: area
        objectName: "signingArea"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: clearButton.top
        anchors.bottomMargin: Theme.spacing
        // Five touch targets tall: room for a name written with a finger, not a pen.
        implicitHeight: Theme.touchTarget * 5
        color: Theme.surface
        radius: Theme.radius
        border.width: Theme.borderWidth
        border.color: Theme.border
        Accessible.role: Accessible.Canvas
        Accessible.name: hint.text

        // Where to write: a light line across the lower part, as on a paper form.
        Rectangle {
            objectName: "baseline"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.leftMargin: Theme.spacing * 2
            anchors.rightMargin: Theme.spacing * 2
            y: Math.round(parent.height * 0.72)
            height: Theme.borderWidth
            color: Theme.border
            opacity: 0.6
        }
        Text {
            id: hint
            objectName: "hint"
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: Math.round(parent.height * 0.28) + Theme.spacing
            width: parent.width - 4 * Theme.spacing
            visible: ink.empty
            text: qsTr("Sign here")
            color: Theme.secondaryText
            font.family: Theme.fontFamily
            font.pointSize: Theme.headingPointSize
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            textFormat: Text.PlainText
        }

        // Paints only what was added since the last paint while a stroke grows, everything
        // again when ink went away (ink.generation), the size or the pen changed.
        Canvas {
            id: canvas
            objectName: "ink"
            anchors.fill: parent

            property int _generation: -1
            property int _stroke: 0 // the last stroke painted (in part)
            property int _point: 0 // points of it painted

            function repaintAll() {
                _generation = -1
                requestPaint()
            }

            onWidthChanged: repaintAll()
            onHeightChanged: repaintAll()
            onPaint: {
                var ctx = getContext("2d")
                if (_generation !== ink.generation) {
                    ctx.clearRect(0, 0, width, height)
                    _generation = ink.generation
                    _stroke = 0
                    _point = 0
                }
                ctx.lineWidth = pad.inkWidth
                ctx.lineCap = "round"
                ctx.lineJoin = "round"
                ctx.strokeStyle = Theme.text
                ctx.fillStyle = Theme.text
                for (var s = _stroke; s < ink.strokeCount; ++s) {
                    var p = ink.points(s)
                    var count = p.length / 2
                    var from = s === _stroke ? _point : 0
                    if (from >= count)
                        continue
                    if (from === 0) { // a dot, so a stroke of one point shows too
                        ctx.beginPath()
                        ctx.arc(p[0], p[1], pad.inkWidth / 2, 0, 2 * Math.PI)
                        ctx.fill()
                    }
                    if (count > 1) {
                        var start = Math.max(from - 1, 0)
                        ctx.beginPath()
                        ctx.moveTo(p[2 * start], p[2 * start + 1])
                        for (var i = start + 1; i < count; ++i)
                            ctx.lineTo(p[2 * i], p[2 * i + 1])
                        ctx.stroke()
                    }
                    _stroke = s
                    _point = count
                }
            }

            Connections {
                target: ink
                function onChanged() {
                    canvas.requestPaint()
                }
            }
            Connections {
                target: pad
                function onInkWidthChanged() {
                    canvas.repaintAll()
                }
            }
        }

        // Mouse and touch alike (a touch reaches a MouseArea as the mouse); one finger draws,
        // and the stroke is not given up to a flickable screen around the pad.
        MouseArea {
            id: input
            anchors.fill: parent
            preventStealing: true
            onPressed: function (mouse) {
                ink.begin(mouse.x, mouse.y)
            }
            onPositionChanged: function (mouse) {
                ink.extend(mouse.x, mouse.y)
            }
            onReleased: function (mouse) {
                ink.extend(mouse.x, mouse.y)
                ink.end()
            }
            onCanceled: ink.end()
        }
    }

    TouchButton {
        id: clearButton
        objectName: "clearButton"
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        kind: "secondary"
        text: qsTr("Clear")
        enabled: !ink.empty
        onClicked: ink.clear()
    }
}
