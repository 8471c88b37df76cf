import QtQuick
import QtTest
import Hall.Ui

// The numeric keypad: digits by touch and by keyboard, the length limit, backspace, clear,
// masking for PINs, and OK only with enough digits.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: keypadComponent; NumericKeypad { maxLength: 4; minLength: 3 } }
    Component { id: spyComponent; SignalSpy { signalName: "accepted" } }

    TestCase {
        name: "NumericKeypad"
        when: windowShown

        function key(keypad, label) {
            var stack = [keypad]
            while (stack.length > 0) {
                var node = stack.pop()
                if (node.kind !== undefined && node.text === label)
                    return node
                for (var i = 0; i < node.children.length; ++i)
                    stack.push(node.children[i])
            }
            fail("no key " + label)
        }

        function test_digits_backspace_clear() {
            var keypad = createTemporaryObject(keypadComponent, root)
            waitForRendering(keypad)
            mouseClick(key(keypad, "1"))
            mouseClick(key(keypad, "3"))
            mouseClick(key(keypad, "8"))
            compare(keypad.text, "138")
            mouseClick(findChild(keypad, "backspaceKey"))
            compare(keypad.text, "13")
            mouseClick(findChild(keypad, "clearKey"))
            compare(keypad.text, "")
        }

        function test_max_length() {
            var keypad = createTemporaryObject(keypadComponent, root)
            waitForRendering(keypad)
            for (var i = 0; i < 6; ++i)
                mouseClick(key(keypad, "9"))
            compare(keypad.text, "9999")
        }

        function test_ok_needs_min_length_and_emits_the_digits() {
            var keypad = createTemporaryObject(keypadComponent, root)
            var spy = createTemporaryObject(spyComponent, root, { target: keypad })
            waitForRendering(keypad)
            var ok = findChild(keypad, "okKey")
            mouseClick(key(keypad, "4"))
            mouseClick(key(keypad, "2"))
            verify(!ok.enabled)
            mouseClick(ok)
            compare(spy.count, 0)
            mouseClick(key(keypad, "0"))
            verify(ok.enabled)
            mouseClick(ok)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "420")
        }

        function test_masked_display_hides_digits() {
            var keypad = createTemporaryObject(keypadComponent, root, { masked: true })
            keypad.text = "1234"
            var display = findChild(keypad, "display")
            compare(display.text, "••••")
            keypad.masked = false
            compare(display.text, "1234")
        }

        function test_physical_keyboard() {
            var keypad = createTemporaryObject(keypadComponent, root)
            keypad.forceActiveFocus()
            keyClick(Qt.Key_5)
            keyClick(Qt.Key_A) // not a digit: ignored
            keyClick(Qt.Key_7)
            compare(keypad.text, "57")
            keyClick(Qt.Key_Backspace)
            compare(keypad.text, "5")
        }
    }
}
