import QtQuick

// Main text of a screen: the theme's font, size, colour and line spacing, wrapped at word
// boundaries (Chinese wraps between characters). Elder mode enlarges it through Theme.
Text {
    font.family: Theme.fontFamily
    font.pointSize: Theme.bodyPointSize
    color: Theme.text
    lineHeightMode: Text.ProportionalHeight
    lineHeight: Theme.lineHeight
    wrapMode: Text.Wrap
    textFormat: Text.PlainText // citizen-facing strings are never interpreted as HTML
}
