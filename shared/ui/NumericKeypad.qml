import QtQuick

// On-screen digit entry for phone numbers, PINs (masked) and counts: a display, 0–9, backspace,
// clear and OK. It only collects digits; checking them is the caller's (C++) business.
//   text       the digits entered so far (settable, e.g. to pre-fill or reset)
//   maxLength  digits accepted at most (further presses are ignored)
//   masked     show • instead of the digits (PINs)
//   accepted(value)  OK pressed with at least `minLength` digits
Column {
    id: keypad

    property string text
    property int maxLength: 11 // a mainland mobile number
    property int minLength: 1
    property bool masked: false
    property string placeholder
    property string okText: qsTr("OK")

    signal accepted(string value)

    readonly property int keyWidth: Math.round(Theme.touchTarget * 1.6)
    readonly property int keyHeight: Theme.touchTarget

    function press(digit) {
        if (text.length < maxLength)
            text += digit
    }
    function backspace() {
        text = text.slice(0, -1)
    }
    function clear() {
        text = ""
    }
    function accept() {
        if (text.length >= minLength)
            accepted(text)
    }

    spacing: Theme.spacing / 2
    Keys.onPressed: function (event) {
        if (event.text.length === 1 && event.text >= "0" && event.text <= "9") {
            press(event.text)
            event.accepted = true
        } else if (event.key === Qt.Key_Backspace) {
            backspace()
            event.accepted = true
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            accept()
            event.accepted = true
        }
    }

    Rectangle {
        id: display
        width: keys.width
        height: Math.max(Theme.touchTarget, shownText.implicitHeight + Theme.spacing)
        color: Theme.surface
        radius: Theme.radius
        border.width: Theme.borderWidth
        border.color: Theme.border
        Text {
            id: shownText
            objectName: "display"
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            verticalAlignment: Text.AlignVCenter
            horizontalAlignment: Text.AlignHCenter
            text: keypad.text.length === 0 ? keypad.placeholder
                  : keypad.masked ? "•".repeat(keypad.text.length) : keypad.text
            color: keypad.text.length === 0 ? Theme.secondaryText : Theme.text
            font.family: Theme.fontFamily
            font.pointSize: Theme.headingPointSize
            font.letterSpacing: keypad.masked ? Theme.spacing / 2 : 2
            elide: Text.ElideLeft
            textFormat: Text.PlainText
        }
    }

    Grid {
        id: keys
        columns: 3
        spacing: Theme.spacing / 2

        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
            delegate: TouchButton {
                required property string modelData
                width: keypad.keyWidth
                height: keypad.keyHeight
                kind: "secondary"
                text: modelData
                onClicked: keypad.press(modelData)
            }
        }
        TouchButton {
            objectName: "clearKey"
            width: keypad.keyWidth
            height: keypad.keyHeight
            kind: "secondary"
            text: qsTr("Clear")
            enabled: keypad.text.length > 0
            onClicked: keypad.clear()
        }
        TouchButton {
            width: keypad.keyWidth
            height: keypad.keyHeight
            kind: "secondary"
            text: "0"
            onClicked: keypad.press("0")
        }
        TouchButton {
            objectName: "backspaceKey"
            width: keypad.keyWidth
            height: keypad.keyHeight
            kind: "secondary"
            symbol: "⌫"
            enabled: keypad.text.length > 0
            Accessible.name: qsTr("Delete")
            onClicked: keypad.backspace()
        }
    }

    TouchButton {
        objectName: "okKey"
        width: keys.width
        height: keypad.keyHeight
        text: keypad.okText
        enabled: keypad.text.length >= keypad.minLength
        onClicked: keypad.accept()
    }
}
