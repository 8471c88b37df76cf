import QtQuick
import QtQuick.Layouts
import Hall.Ui

// One of the clerk's secondary actions: one touch, the same size as its neighbours — in a grid
// the columns share the width equally, whatever the words (a long label elides, never widens
// the column past the screen's edge, in elder mode either).
TouchButton {
    Layout.fillWidth: true
    Layout.preferredWidth: 1
    kind: "secondary"
}
