import QtQuick
import QtQuick.Controls
import Hall.Ui
import Hall.Keyboard

// A text field typed with the on-screen pinyin keyboard, as a citizen searches for a service.
// Leaving the screen ends the citizen's session: the keyboard forgets what was composed and
// every word it learned, so nothing typed reaches the next citizen.
Rectangle {
    id: screen

    implicitWidth: 1920
    implicitHeight: 1080
    color: Theme.background

    Component.onDestruction: keyboard.resetSession()

    Column {
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.spacing * 2
        spacing: Theme.spacing

        ScreenHeader {
            width: parent.width
            title: qsTr("Search for a service")
        }
        BodyText {
            width: parent.width
            text: qsTr("Type in pinyin and pick the characters above the keys, for example "
                       + "zhengwu for 政务.")
        }
        TextField {
            id: field
            width: parent.width
            height: Theme.touchTarget
            font.family: Theme.fontFamily
            font.pointSize: Theme.bodyPointSize
            placeholderText: qsTr("Service name")
            focus: true
        }
    }
    PinyinKeyboard {
        id: keyboard
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        target: field
    }
}
