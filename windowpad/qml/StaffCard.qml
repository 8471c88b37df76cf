import QtQuick
import QtQuick.Layouts
import Hall.Ui
import Hall.Windowpad

// Who serves at this window, as the citizen sees them: the clerk's photo, name and staff number,
// and how citizens rated them over the last 30 days as stars with the figure beside them.
RowLayout {
    id: card

    readonly property ClerkDesk desk: Pad.clerk
    readonly property bool rated: desk.staffRating.visits !== undefined

    spacing: Theme.spacing * 2

    Image {
        objectName: "staffPhoto"
        visible: status === Image.Ready
        source: card.desk.staffPhoto
        // A passport-style portrait (3:4), as tall as the name, number and stars beside it.
        Layout.preferredHeight: Theme.touchTarget * 4
        Layout.preferredWidth: Layout.preferredHeight * 3 / 4
        fillMode: Image.PreserveAspectCrop
        sourceSize.height: 600
        Rectangle {
            anchors.fill: parent
            color: "transparent"
            border.color: Theme.border
            border.width: Theme.borderWidth
        }
    }

    ColumnLayout {
        spacing: Theme.spacing / 2
        Heading {
            objectName: "staffName"
            text: qsTr("Serving you: %1").arg(card.desk.staffName)
            font.pointSize: Theme.headingPointSize * 1.4
        }
        BodyText {
            text: qsTr("Staff number %1").arg(card.desk.staffNumber)
            color: Theme.secondaryText
        }
        RowLayout {
            objectName: "staffStars"
            visible: card.rated
            spacing: Theme.spacing
            // Five grey stars, and over them the gold ones cut at the mean level: 4.6 → 4⅗.
            Item {
                implicitWidth: emptyStars.implicitWidth
                implicitHeight: emptyStars.implicitHeight
                Text {
                    id: emptyStars
                    text: "★★★★★"
                    font.family: Theme.fontFamily
                    font.pointSize: Theme.headingPointSize * 1.2
                    color: Theme.disabledBackground
                }
                Item {
                    width: emptyStars.width * (card.rated ? card.desk.staffRating.average / 5 : 0)
                    height: emptyStars.height
                    clip: true
                    Text {
                        text: emptyStars.text
                        font: emptyStars.font
                        color: Theme.warning
                    }
                }
            }
            BodyText {
                text: card.rated ? qsTr("%1 · %n rating(s) in 30 days", "", card.desk.staffRating.visits)
                                   .arg(Number(card.desk.staffRating.average).toLocaleString(Qt.locale(), "f", 1))
                                 : ""
                color: Theme.secondaryText
            }
        }
    }
}
