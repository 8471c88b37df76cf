import QtQuick
import QtQuick.Layouts
import Hall.Ui

// A short list to pick from over the clerk's screen — where a transfer goes, how long a ticket
// is parked, why the window pauses — one touch to choose, one to cancel. `options` holds
// {label, value} entries; `chosen(value)` says which. `toggleText`, when set, adds one switch
// above the choices (a transfer's "return to me after"), read as `toggled`.
Rectangle {
    id: choice

    property string title
    property var options: []
    property string toggleText
    property bool toggled: false

    signal chosen(var value)
    signal cancelled

    color: "#80000000"
    visible: false

    function open() {
        toggled = false
        visible = true
    }

    MouseArea { anchors.fill: parent; onClicked: { choice.visible = false; choice.cancelled() } }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, Theme.touchTarget * 16)
        height: Math.min(parent.height - 2 * Theme.spacing, column.implicitHeight + 2 * Theme.spacing)
        color: Theme.surface
        radius: Theme.radius
        MouseArea { anchors.fill: parent } // a touch on the card is not a cancel

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            Heading { text: choice.title }
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
}
