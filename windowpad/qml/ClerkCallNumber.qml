import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hall.Ui
import Hall.Keyboard
import Hall.Windowpad

// Calling a given number (叫指定号码) over the clerk's screen: the letter (one of the window's
// services), the digits on the keypad, and — when the hall asks for one — the reason, typed on
// the pinyin keyboard. Every call out of turn is audited by the controller with its reason; a
// ticket parked here is called back from the list on the screen instead, without one.
Rectangle {
    id: entry

    readonly property ClerkDesk desk: Pad.clerk
    property string prefix
    readonly property string number: prefix + digits.text
    readonly property string reason: reasonField.text.trim()
    readonly property bool ready: digits.text.length > 0 && (!desk.callNumberNeedsReason || reason.length > 0)
    property bool typing: false

    function open(typed) {
        prefix = desk.numberPrefixes.length > 0 ? desk.numberPrefixes[0] : ""
        digits.text = typed || ""
        reasonField.text = ""
        typing = false
        visible = true
        digits.forceActiveFocus()
    }
    function call() {
        if (digits.text.length === 0) return
        if (!ready) { // the reason the hall asks for is still to be typed
            typing = true
            reasonField.forceActiveFocus()
            return
        }
        visible = false
        desk.callNumber(number, reason)
    }

    color: "#80000000"
    visible: false

    MouseArea { anchors.fill: parent; onClicked: entry.visible = false }

    Rectangle {
        readonly property real room: (entry.typing && keyboard.item ? keyboard.y : entry.height) - 2 * Theme.spacing
        anchors.horizontalCenter: parent.horizontalCenter
        y: Theme.spacing + Math.max(0, (room - height) / 2)
        width: Math.min(parent.width - 2 * Theme.spacing, column.implicitWidth + 2 * Theme.spacing)
        height: Math.min(room, column.implicitHeight + 2 * Theme.spacing)
        color: Theme.surface
        radius: Theme.radius
        clip: true
        MouseArea { anchors.fill: parent } // a touch on the card is not a cancel

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            Heading {
                objectName: "callNumberTitle"
                text: digits.text.length > 0 ? qsTr("Call %1").arg(entry.number) : qsTr("Call a given number")
            }
            RowLayout {
                spacing: Theme.spacing * 2
                ColumnLayout {
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacing
                    // The letter: one button per service letter of the window (none when it has one).
                    Flow {
                        Layout.fillWidth: true
                        Layout.preferredWidth: digits.width
                        spacing: Theme.spacing / 2
                        visible: entry.desk.numberPrefixes.length > 1
                        Repeater {
                            model: entry.desk.numberPrefixes
                            TouchButton {
                                required property string modelData
                                objectName: "prefix" + modelData
                                kind: entry.prefix === modelData ? "primary" : "secondary"
                                text: modelData
                                onClicked: entry.prefix = modelData
                            }
                        }
                    }
                    NumericKeypad {
                        id: digits
                        objectName: "callNumberDigits"
                        maxLength: 4
                        placeholder: qsTr("Digits of the number")
                        okText: qsTr("Call")
                        onAccepted: entry.call()
                    }
                }
                ColumnLayout {
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: Theme.touchTarget * 7
                    spacing: Theme.spacing
                    TextField {
                        id: reasonField
                        objectName: "callNumberReason"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touchTarget
                        font.family: Theme.fontFamily
                        font.pointSize: Theme.bodyPointSize
                        placeholderText: entry.desk.callNumberNeedsReason ? qsTr("Reason (required in this hall)")
                                                                          : qsTr("Reason (optional)")
                        maximumLength: 60
                        onActiveFocusChanged: if (activeFocus) entry.typing = true
                    }
                    BodyText {
                        Layout.fillWidth: true
                        text: qsTr("A call out of turn is recorded with its reason. Parked tickets are called back from the list.")
                        wrapMode: Text.Wrap
                        color: Theme.secondaryText
                    }
                    Item { Layout.fillHeight: true }
                    TouchButton {
                        Layout.alignment: Qt.AlignRight
                        kind: "secondary"
                        text: qsTr("Cancel")
                        onClicked: entry.visible = false
                    }
                }
            }
        }
    }

    // Made only while the reason is typed; gone with what it learned when the entry closes.
    Loader {
        id: keyboard
        active: entry.visible && entry.typing
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        sourceComponent: PinyinKeyboard {
            target: reasonField
            onEnterPressed: { entry.typing = false; reasonField.focus = false; digits.forceActiveFocus() }
        }
    }
}
