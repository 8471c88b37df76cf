import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Hall.Ui
import Hall.Keyboard

// A short list to pick from over the clerk's screen — where a transfer goes, how long a ticket
// is parked, why the window pauses — one touch to choose, one to cancel. `options` holds
// {label, value} entries; `chosen(value)` says which. `toggleText`, when set, adds one switch
// above the choices (a transfer's "return to me after"), read as `toggled`. `notePlaceholder`,
// when set, adds a short note typed on the pinyin keyboard (what the next window should know,
// how the visit ended), read as `note`; `noteLength` caps it (the engine counts bytes: three
// for a Chinese character).
Rectangle {
    id: choice

    property string title
    property var options: []
    property string toggleText
    property bool toggled: false
    property string notePlaceholder
    property int noteLength: 60
    readonly property string note: noteField.text.trim()
    property bool typing: false

    signal chosen(var value)
    signal cancelled

    color: "#80000000"
    visible: false

    function open() {
        toggled = false
        noteField.text = ""
        typing = false
        visible = true
    }

    MouseArea { anchors.fill: parent; onClicked: { choice.visible = false; choice.cancelled() } }

    Rectangle {
        // Above the keyboard while the note is typed.
        readonly property real room: (choice.typing && keyboard.item ? keyboard.y : choice.height) - 2 * Theme.spacing
        anchors.horizontalCenter: parent.horizontalCenter
        y: Theme.spacing + Math.max(0, (room - height) / 2)
        width: Math.min(parent.width - 2 * Theme.spacing, Theme.touchTarget * 16)
        height: Math.min(room, column.implicitHeight + 2 * Theme.spacing)
        color: Theme.surface
        radius: Theme.radius
        MouseArea { anchors.fill: parent } // a touch on the card is not a cancel

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            Heading { text: choice.title }
            TextField {
                id: noteField
                objectName: "choiceNote"
                visible: choice.notePlaceholder.length > 0
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                font.family: Theme.fontFamily
                font.pointSize: Theme.bodyPointSize
                placeholderText: choice.notePlaceholder
                maximumLength: choice.noteLength
                onActiveFocusChanged: if (activeFocus) choice.typing = true
            }
            TouchButton {
                visible: choice.toggleText.length > 0
                kind: choice.toggled ? "primary" : "secondary"
                text: (choice.toggled ? "✓ " : "") + choice.toggleText
                onClicked: choice.toggled = !choice.toggled
            }
            Flickable {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: options.implicitHeight
                contentHeight: options.implicitHeight
                clip: true
                Flow {
                    id: options
                    width: parent.width
                    spacing: Theme.spacing / 2
                    Repeater {
                        model: choice.options
                        TouchButton {
                            required property var modelData
                            kind: "secondary"
                            text: modelData.label
                            onClicked: {
                                choice.visible = false
                                choice.chosen(modelData.value)
                            }
                        }
                    }
                }
            }
            TouchButton {
                Layout.alignment: Qt.AlignRight
                kind: "secondary"
                text: qsTr("Cancel")
                onClicked: { choice.visible = false; choice.cancelled() }
            }
        }
    }

    // Made only while the note is typed; gone with what it learned when the choice closes.
    Loader {
        id: keyboard
        active: choice.visible && choice.typing
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        sourceComponent: PinyinKeyboard {
            target: noteField
            onEnterPressed: { choice.typing = false; noteField.focus = false }
        }
    }
}
