import QtQuick
import QtQuick.Layouts
import Hall.Ui
import Hall.Windowpad

// Signing in at the window: the clerk taps their name (the hall's staff, with staff numbers),
// then types their PIN on the keypad (masked) — or places their own ID card on the pad's
// reader. The controller checks both; a wrong PIN says how many tries are left, five lock the
// number for a while.
Item {
    id: signIn

    property ClerkDesk desk: null
    property string staffNumber: ""
    property string staffName: ""
    readonly property bool askingPin: staffNumber.length > 0

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Heading {
            Layout.alignment: Qt.AlignHCenter
            text: signIn.askingPin ? qsTr("%1 (No. %2): your PIN").arg(signIn.staffName).arg(signIn.staffNumber)
                                   : qsTr("Sign in: tap your name")
        }
        BodyText {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Or place your own ID card on the reader.")
            color: Theme.secondaryText
        }
        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !signIn.askingPin
            contentHeight: staffFlow.implicitHeight
            clip: true
            Flow {
                id: staffFlow
                width: parent.width
                spacing: Theme.spacing / 2
                Repeater {
                    model: signIn.desk ? signIn.desk.staff : []
                    TouchButton {
                        required property var modelData
                        width: Math.round(Theme.touchTarget * 4.2)
                        kind: "secondary"
                        text: modelData.name + "  " + modelData.number
                        onClicked: { signIn.staffName = modelData.name; signIn.staffNumber = modelData.number }
                    }
                }
            }
        }
        NumericKeypad {
            id: keypad
            objectName: "signInKeypad"
            Layout.alignment: Qt.AlignHCenter
            visible: signIn.askingPin
            masked: true
            maxLength: 12
            minLength: 6
            placeholder: qsTr("PIN")
            okText: qsTr("Sign in")
            onAccepted: (value) => {
                if (signIn.desk) signIn.desk.signIn(signIn.staffNumber, value)
                signIn.staffNumber = ""
                keypad.text = ""
            }
        }
        TouchButton {
            Layout.alignment: Qt.AlignHCenter
            visible: signIn.askingPin
            kind: "secondary"
            text: qsTr("Not me")
            onClicked: { signIn.staffNumber = ""; keypad.text = "" }
        }
        Item { Layout.fillHeight: signIn.askingPin }
    }
}
