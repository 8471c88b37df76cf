import QtQuick
import Hall.Ui

// The numeric keypad as apps use it: a mobile number, and a masked PIN.
Rectangle {
    id: screen

    property string lastAccepted

    implicitWidth: 1920
    implicitHeight: 1080
    color: Theme.background

    Column {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing * 1.5

        ScreenHeader {
            width: parent.width
            title: qsTr("Enter your mobile number")
        }
        Row {
            spacing: Theme.spacing * 4
            Column {
                spacing: Theme.spacing
                BodyText { text: qsTr("Mobile number") }
                NumericKeypad {
                    placeholder: qsTr("11 digits")
                    maxLength: 11
                    minLength: 11
                    text: "138"
                    onAccepted: function (value) { screen.lastAccepted = value }
                }
            }
            Column {
                spacing: Theme.spacing
                BodyText { text: qsTr("PIN") }
                NumericKeypad {
                    masked: true
                    maxLength: 6
                    minLength: 6
                    text: "1234"
                    okText: qsTr("Sign in")
                    onAccepted: function (value) { screen.lastAccepted = "•".repeat(value.length) }
                }
            }
        }
        BodyText {
            visible: screen.lastAccepted.length > 0
            text: qsTr("Entered: %1").arg(screen.lastAccepted)
        }
    }
}
