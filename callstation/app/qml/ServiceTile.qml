import QtQuick
import Hall.Ui

// One service on the ticket machine: its name large (in the screen's language), how many wait
// and about how long, how many numbers are left when few are; the whole tile takes the number.
Rectangle {
    id: tile

    property string name
    property string nameEn
    property int waiting: 0
    property int waitMinutes: -1
    // Not issuing now: greyed, saying why (its hours, or today's numbers gone); still
    // touchable, so the machine can say it in full.
    property bool issuing: true
    property string hours
    property int remaining: -1 // numbers left today; -1: no quota
    property bool identify: false // the ID card is read first: said before the citizen touches
    signal chosen

    readonly property color _ink: issuing ? Theme.textOnPrimary : Theme.disabledText
    readonly property string _status: !issuing
        ? (remaining === 0 ? qsTr("Today's numbers are all given out")
                           : qsTr("Numbers are given out %1").arg(hours))
        : (waiting === 0 ? qsTr("Nobody waiting") : qsTr("%n waiting", "", waiting))
          + (waitMinutes > 0 ? "  ·  " + qsTr("about %n min", "", waitMinutes) : "")
          + (remaining >= 0 && remaining <= 20 ? "  ·  " + qsTr("%n numbers left", "", remaining) : "")
          + (identify ? "  ·  " + qsTr("ID card needed") : "")

    implicitHeight: Math.max(Theme.touchTarget * 2,
                             content.implicitHeight + Theme.spacing * 2)
    radius: Theme.radius * 2
    color: !issuing ? Theme.disabledBackground : touch.pressed ? Theme.primaryPressed : Theme.primary
    Accessible.role: Accessible.Button
    Accessible.name: name

    Column {
        id: content
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.spacing * 1.5
        spacing: Theme.spacing / 2
        Heading {
            width: parent.width
            color: tile._ink
            text: LanguageSwitcher.language === "en" ? tile.nameEn : tile.name
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        BodyText {
            width: parent.width
            color: tile._ink
            text: tile._status
        }
    }
    TapHandler {
        id: touch
        onTapped: tile.chosen()
    }
}
