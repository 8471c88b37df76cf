import QtQuick
import QtTest
import Hall.Ui

// Elder mode (适老化) on every Hall.Ui component: all visible text at least 18 pt and headings
// at least 30 pt *on the target panel* (Theme.targetDpi), every touch area at least 60 × 60 px,
// line spacing at least 1.3; and the switch itself toggles the mode.
Item {
    id: root
    width: 1920
    height: 1080

    Component { id: bodyTextComponent; BodyText { text: "正文 Body text" } }
    Component { id: headingComponent; Heading { text: "标题 Heading" } }
    Component { id: buttonComponent; TouchButton { text: "1" } }
    Component { id: elderSwitchComponent; ElderModeSwitch {} }
    Component { id: languageSwitchComponent; LanguageSwitch {} }
    Component { id: busyComponent; BusyBanner { active: true; width: 800 } }
    Component {
        id: errorComponent
        ErrorBanner { shown: true; width: 800; message: "出错了"; advice: "请重试"; actionText: "重试" }
    }
    Component {
        id: offlineComponent
        OfflineBanner {
            width: 800
            connectionState: "offline"
            offlineSince: new Date(2026, 10, 23, 9, 30)
            detail: "仍可取号"
        }
    }
    Component { id: keypadComponent; NumericKeypad { text: "12" } }

    TestCase {
        name: "ElderMode"
        when: windowShown

        // 18 pt and 30 pt as physical sizes on the panel, in its pixels.
        readonly property real minBodyPixels: 18 / 72 * Theme.targetDpi
        readonly property real minHeadingPixels: 30 / 72 * Theme.targetDpi
        readonly property int minTouch: 60

        function init() {
            Theme.elderMode = true
        }
        function cleanup() {
            Theme.elderMode = false
        }

        function descendants(item) {
            var all = [item]
            for (var i = 0; i < item.children.length; ++i)
                all = all.concat(descendants(item.children[i]))
            return all
        }
        function isText(node) {
            return node.lineCount !== undefined && node.font !== undefined && node.text !== undefined
        }
        function isTouchArea(node) {
            return node.pressAndHoldInterval !== undefined
        }
        // Rendered pixel size of a Text: Qt maps points at its logical DPI.
        function pixelsOf(text) {
            return text.font.pixelSize > 0 ? text.font.pixelSize
                                           : text.font.pointSize * Theme.logicalDpi / 72
        }
        function shownIn(node, top) {
            for (var n = node; n && n !== top.parent; n = n.parent)
                if (!n.visible)
                    return false
            return true
        }

        function test_sizes_data() {
            return [
                { tag: "BodyText", component: bodyTextComponent },
                { tag: "Heading", component: headingComponent, heading: true },
                { tag: "TouchButton", component: buttonComponent },
                { tag: "ElderModeSwitch", component: elderSwitchComponent },
                { tag: "LanguageSwitch", component: languageSwitchComponent },
                { tag: "BusyBanner", component: busyComponent },
                { tag: "ErrorBanner", component: errorComponent },
                { tag: "OfflineBanner", component: offlineComponent },
                { tag: "NumericKeypad", component: keypadComponent }
            ]
        }
        function test_sizes(data) {
            var item = createTemporaryObject(data.component, root)
            verify(item)
            waitForRendering(item)
            var texts = 0
            var touchAreas = 0
            var nodes = descendants(item)
            for (var i = 0; i < nodes.length; ++i) {
                var node = nodes[i]
                if (!shownIn(node, item))
                    continue
                if (isText(node) && node.text.length > 0) {
                    ++texts
                    var minimum = data.heading ? minHeadingPixels : minBodyPixels
                    verify(pixelsOf(node) >= minimum,
                           "text '" + node.text + "' is " + pixelsOf(node) + " px, below "
                           + minimum + " px")
                    compare(node.font.family, Theme.fontFamily)
                }
                if (isTouchArea(node) && node.enabled) {
                    ++touchAreas
                    verify(node.width >= minTouch && node.height >= minTouch,
                           "touch area " + node.width + "×" + node.height + " px in " + data.tag)
                }
            }
            verify(texts > 0, "no visible text found in " + data.tag)
            if (item.implicitHeight !== undefined && touchAreas > 0)
                verify(item.implicitHeight >= minTouch)
        }

        function test_line_spacing() {
            var body = createTemporaryObject(bodyTextComponent, root)
            compare(body.lineHeightMode, Text.ProportionalHeight)
            verify(body.lineHeight >= 1.3)
            var heading = createTemporaryObject(headingComponent, root)
            verify(heading.lineHeight >= 1.3)
        }

        // The sizes come from elder mode: the same button is below the minimum without it, so
        // the checks above do measure something.
        function test_elder_mode_is_what_enlarges() {
            var button = createTemporaryObject(buttonComponent, root)
            var elderHeight = button.implicitHeight
            Theme.elderMode = false
            verify(button.implicitHeight < elderHeight)
            verify(button.implicitHeight < minTouch)
        }

        function test_switch_toggles_elder_mode() {
            Theme.elderMode = false
            var toggle = createTemporaryObject(elderSwitchComponent, root)
            waitForRendering(toggle)
            mouseClick(toggle)
            verify(Theme.elderMode)
            compare(toggle.checked, true)
            mouseClick(toggle)
            verify(!Theme.elderMode)
        }
    }
}
