<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CandidateBar</name>
    <message>
        <location filename="../CandidateBar.qml" line="49"/>
        <source>Candidates</source>
        <translation>候选词</translation>
    </message>
</context>
<context>
    <name>PinyinKeyboard</name>
    <message>
        <location filename="../PinyinKeyboard.qml" line="150"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="152"/>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="154"/>
        <source>Enter</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="156"/>
        <source>Shift</source>
        <translation>大写</translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="166"/>
        <source>Chinese (pinyin)</source>
        <translation>中文（拼音）</translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="167"/>
        <source>English letters</source>
        <translation>英文字母</translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="168"/>
        <source>Digits and symbols</source>
        <translation>数字和符号</translation>
    </message>
    <message>
        <location filename="../PinyinKeyboard.qml" line="170"/>
        <source>Delete the last character</source>
        <translation>删除前一个字</translation>
    </message>
</context>
</TS>
