import QtQuick
import QtTest
import Hall.Ui

// The signature pad: drags draw strokes (mouse and touch) and the ink shows on the pad, a tap
// is not a signature and a scribble is, 重写 empties it, and elder mode keeps it usable — the
// area and the button large enough, the hint large enough to read.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: padComponent; SignaturePad { x: 40; y: 40; width: 900; height: 420 } }
    Component { id: freePadComponent; SignaturePad {} }

    TestCase {
        name: "SignaturePad"
        when: windowShown

        // The hall's language from the start, whichever test runs first.
        function initTestCase() {
            LanguageSwitcher.language = "zh_CN"
        }
        function cleanup() {
            Theme.elderMode = false
            LanguageSwitcher.language = "zh_CN"
        }

        function makePad() {
            var pad = createTemporaryObject(padComponent, root)
            verify(pad)
            waitForRendering(pad)
            return pad
        }

        // A drag through the points [[x, y], …] of the signing area, with the mouse.
        function drag(area, points) {
            mousePress(area, points[0][0], points[0][1])
            for (var i = 1; i < points.length; ++i)
                mouseMove(area, points[i][0], points[i][1], -1, Qt.LeftButton)
            mouseRelease(area, points[points.length - 1][0], points[points.length - 1][1])
        }

        // A wavy downward stroke from (x, y): a stroke of a written character.
        function wave(x, y) {
            var points = []
            for (var i = 0; i <= 30; ++i)
                points.push([x + 20 * Math.sin(i / 4), y + i * 4])
            return points
        }

        function scribble(area) {
            for (var s = 0; s < 4; ++s)
                drag(area, wave(120 + s * 60, 60))
        }

        // Whether the pad shows ink at (x, y) of its signing area, in a grab of the whole window.
        function inkAt(image, area, x, y) {
            var p = area.mapToItem(root, x, y)
            var c = image.pixel(Math.round(p.x), Math.round(p.y))
            return c.r + c.g + c.b < 1.2
        }

        function test_starts_empty_with_the_hint() {
            var pad = makePad()
            verify(pad.strokes.empty)
            verify(!pad.acceptable)
            verify(findChild(pad, "hint").visible)
            compare(findChild(pad, "hint").text, "请在此签名")
            verify(!findChild(pad, "clearButton").enabled)
            var area = findChild(pad, "signingArea")
            compare(pad.strokes.canvasSize.width, area.width)
            compare(pad.strokes.canvasSize.height, area.height)
        }

        function test_mouse_drags_make_strokes() {
            var pad = makePad()
            var area = findChild(pad, "signingArea")
            drag(area, [[100, 100], [160, 120], [220, 110], [280, 150]])
            compare(pad.strokes.strokeCount, 1)
            compare(pad.strokes.pointCount(0), 4)
            var first = pad.strokes.points(0)
            fuzzyCompare(first[0], 100, 0.01)
            fuzzyCompare(first[1], 100, 0.01)
            drag(area, [[300, 100], [300, 200]])
            compare(pad.strokes.strokeCount, 2)
            verify(!pad.strokes.empty)
            verify(!findChild(pad, "hint").visible)
            verify(findChild(pad, "clearButton").enabled)
        }

        function test_ink_is_drawn_where_the_finger_went() {
            var pad = makePad()
            var area = findChild(pad, "signingArea")
            drag(area, [[100, 80], [400, 80]])
            drag(area, [[500, 60], [500, 200]])
            tryVerify(function () {
                var image = grabImage(root)
                return inkAt(image, area, 250, 80) && inkAt(image, area, 500, 130)
            }, 2000, "the strokes are painted")
            var image = grabImage(root)
            // The first stroke is still there after the second was painted, and there is no
            // ink where the finger did not go.
            verify(inkAt(image, area, 120, 80))
            verify(!inkAt(image, area, 250, 110))
            verify(!inkAt(image, area, 700, 200))
            // After clearing, the ink goes too.
            mouseClick(findChild(pad, "clearButton"))
            tryVerify(function () { return !inkAt(grabImage(root), area, 250, 80) }, 2000,
                      "the ink is gone")
        }

        // Qt Quick hands on one touch move per frame (the latest), so a fast finger gives fewer
        // points than it moved through; the stroke still runs from where it went down to where
        // it came up.
        function test_touch_draws_too() {
            var pad = makePad()
            var area = findChild(pad, "signingArea")
            var touch = touchEvent(area)
            touch.press(0, area, 100, 100).commit()
            for (var i = 1; i <= 10; ++i)
                touch.move(0, area, 100 + i * 20, 100 + i * 5).commit()
            touch.release(0, area, 300, 150).commit()
            compare(pad.strokes.strokeCount, 1)
            var points = pad.strokes.points(0)
            verify(points.length >= 4)
            fuzzyCompare(points[0], 100, 0.01)
            fuzzyCompare(points[1], 100, 0.01)
            fuzzyCompare(points[points.length - 2], 300, 0.01)
            fuzzyCompare(points[points.length - 1], 150, 0.01)
        }

        function test_a_tap_is_not_a_signature() {
            var pad = makePad()
            var area = findChild(pad, "signingArea")
            mouseClick(area, 200, 150)
            compare(pad.strokes.strokeCount, 1)
            verify(!pad.acceptable)
            // Nor is a quick flick.
            drag(area, [[300, 150], [330, 160]])
            verify(!pad.acceptable)
        }

        function test_a_scribble_is_acceptable() {
            var pad = makePad()
            scribble(findChild(pad, "signingArea"))
            compare(pad.strokes.strokeCount, 4)
            verify(pad.acceptable)
            verify(pad.strokes.toPng().byteLength > 100)
            var json = pad.strokes.strokesArray()
            compare(json.length, 4)
            compare(json[0].length, 3 * pad.strokes.pointCount(0))
        }

        function test_clear_empties_it() {
            var pad = makePad()
            scribble(findChild(pad, "signingArea"))
            verify(pad.acceptable)
            var clear = findChild(pad, "clearButton")
            compare(clear.text, "重写")
            mouseClick(clear)
            verify(pad.strokes.empty)
            compare(pad.strokes.strokeCount, 0)
            verify(!pad.acceptable)
            verify(findChild(pad, "hint").visible)
            verify(!clear.enabled)
            compare(pad.strokes.strokesArray().length, 0)
        }

        function test_english() {
            var pad = makePad()
            LanguageSwitcher.language = "en"
            compare(findChild(pad, "hint").text, "Sign here")
            compare(findChild(pad, "clearButton").text, "Clear")
        }

        function test_sliding_off_the_pad_stays_on_it() {
            var pad = makePad()
            var area = findChild(pad, "signingArea")
            drag(area, [[100, 100], [area.width + 200, 100]])
            var points = pad.strokes.points(0)
            compare(points[points.length - 2], area.width)
        }

        // Its own size: what a screen gets when it gives the pad none.
        function test_elder_mode_keeps_it_usable() {
            var normal = createTemporaryObject(freePadComponent, root)
            var normalHeight = findChild(normal, "signingArea").height
            Theme.elderMode = true
            var pad = createTemporaryObject(freePadComponent, root)
            waitForRendering(pad)
            var area = findChild(pad, "signingArea")
            verify(area.height > normalHeight)
            verify(area.height >= 5 * 60 && area.width >= 2 * area.height,
                   "signing area " + area.width + "×" + area.height)
            verify(pad.width <= root.width)
            var clear = findChild(pad, "clearButton")
            verify(clear.width >= 60 && clear.height >= 60)
            var hint = findChild(pad, "hint")
            // 18 pt on the target panel, in its pixels.
            verify(hint.font.pointSize * Theme.logicalDpi / 72 >= 18 / 72 * Theme.targetDpi)
            compare(hint.font.family, Theme.fontFamily)
            verify(hint.paintedWidth <= hint.width)

            scribble(area)
            verify(pad.acceptable)
            mouseClick(clear)
            verify(pad.strokes.empty)
        }

        function test_elder_mode_switch_on_a_signed_pad_keeps_the_strokes() {
            var pad = makePad()
            scribble(findChild(pad, "signingArea"))
            Theme.elderMode = true
            waitForRendering(pad)
            compare(pad.strokes.strokeCount, 4)
            verify(pad.acceptable)
            var area = findChild(pad, "signingArea")
            tryVerify(function () { return inkAt(grabImage(root), area, 120, 60) }, 2000,
                      "the ink is painted again at the elder pen")
        }
    }
}
