import QtQuick

// A screen or section title: the theme's heading size (≥ 30 pt in elder mode), bold.
Text {
    font.family: Theme.fontFamily
    font.pointSize: Theme.headingPointSize
    font.bold: true
    color: Theme.text
    lineHeightMode: Text.ProportionalHeight
    lineHeight: Theme.lineHeight
    wrapMode: Text.Wrap
    textFormat: Text.PlainText
    Accessible.role: Accessible.Heading
}
