<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CandidateBar</name>
    <message>
        <location filename="../CandidateBar.qml" line="49"/>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinyinKeyboard</name>
    <message>
        <location filename="../PinyinKeyboard.qml" line="150"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="152"/>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="154"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="156"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="166"/>
        <source>Chinese (pinyin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="167"/>
        <source>English letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="168"/>
        <source>Digits and symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="170"/>
        <source>Delete the last character</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
