<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CitizenScreen</name>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="25"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="26"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="27"/>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="28"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="29"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="41"/>
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="55"/>
        <source>Thank you, your signature is filed.</source>
        <translation>谢谢，您的签名已存档。</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="56"/>
        <source>Please check and sign</source>
        <translation>请核对并签名</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="85"/>
        <source>Sending…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="85"/>
        <source>Confirm and sign</source>
        <translation>确认签名</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="107"/>
        <source>Service paused: %1</source>
        <translation>暂停服务：%1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="107"/>
        <source>This window is closed</source>
        <translation>本窗口暂停服务</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="116"/>
        <source>Now serving %1</source>
        <translation>正在办理 %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="127"/>
        <source>Identity checked: %1, %2</source>
        <translation>身份已核验：%1，%2</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="137"/>
        <source>Notice: %1</source>
        <translation>通知：%1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="154"/>
        <source>How was your visit (%1)?</source>
        <translation>请您为本次服务（%1）评价</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="180"/>
        <source>%1 s left</source>
        <translation>还剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="195"/>
        <source>We are sorry. What went wrong? (choose at least one)</source>
        <translation>很抱歉，请告诉我们哪里做得不好（至少选一项）</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="225"/>
        <source>Anything else you want to tell us? (optional)</source>
        <translation>还有什么想告诉我们？（选填）</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="240"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="245"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="261"/>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="269"/>
        <source>The hall&apos;s duty manager will follow this up.</source>
        <translation>值班主任将跟进处理您的意见。</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="276"/>
        <source>Change my rating</source>
        <translation>我要修改评价</translation>
    </message>
</context>
<context>
    <name>ClerkCallNumber</name>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="64"/>
        <source>Call %1</source>
        <translation>呼叫 %1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="64"/>
        <source>Call a given number</source>
        <translation>叫指定号码</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="92"/>
        <source>Digits of the number</source>
        <translation>号码数字</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="93"/>
        <source>Call</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="108"/>
        <source>Reason (required in this hall)</source>
        <translation>原因（本大厅要求填写）</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="109"/>
        <source>Reason (optional)</source>
        <translation>原因（可不填）</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="115"/>
        <source>A call out of turn is recorded with its reason. Parked tickets are called back from the list.</source>
        <translation>指定叫号连同原因一并记录备查。挂起的号码请在列表中“叫回”。</translation>
    </message>
    <message>
        <location filename="../qml/ClerkCallNumber.qml" line="123"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ClerkChoice</name>
    <message>
        <location filename="../qml/ClerkChoice.qml" line="103"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ClerkScreen</name>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="35"/>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="35"/>
        <source>Needs documents</source>
        <translation>补正材料</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="36"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="36"/>
        <source>Referred</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="63"/>
        <location filename="../qml/ClerkScreen.qml" line="140"/>
        <source>Window %1 · %2</source>
        <translation>%1 号窗口 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="64"/>
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="74"/>
        <source>%1 (No. %2)</source>
        <translation>%1（工号 %2）</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="83"/>
        <source>Served today %1 · typical %2 min</source>
        <translation>今日已办 %1 件 · 每件约 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="88"/>
        <source>%n action(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 项操作待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="97"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="109"/>
        <source>Finish, no-show and pause are kept here and sent later; calling needs the server.</source>
        <translation>办结、过号、暂停会先保存在本机，联网后发送；叫号需要连接服务器。</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="129"/>
        <source>Park %1: back in</source>
        <translation>挂起 %1：多久后回到本窗口</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="130"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="136"/>
        <source>Transfer %1 to</source>
        <translation>将 %1 转到</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="137"/>
        <source>Return to me after</source>
        <translation>办完后转回本窗口</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="138"/>
        <source>A note for the next window (optional)</source>
        <translation>给下一个窗口的备注（选填）</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="147"/>
        <source>Finish %1 as</source>
        <translation>%1 办理结果</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="148"/>
        <source>A note on the visit (optional)</source>
        <translation>办理备注（选填）</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="156"/>
        <source>Pause the window: why?</source>
        <translation>暂停本窗口：原因</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="192"/>
        <source>Serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="192"/>
        <source>Called, waiting for the citizen</source>
        <translation>已叫号，等待群众到窗口</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="205"/>
        <source>Waited %1 min</source>
        <translation>已等候 %1 分钟</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="206"/>
        <source> · serving %1 min</source>
        <translation> · 已办理 %1 分钟</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="210"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="211"/>
        <source>Green channel: %1</source>
        <translation>绿色通道：%1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="217"/>
        <source>Note from the last window: %1</source>
        <translation>上一窗口备注：%1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="225"/>
        <source>Identified: %1, %2</source>
        <translation>已核验：%1，%2</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="226"/>
        <source>Citizen identified by ID card</source>
        <translation>群众已核验身份证</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="232"/>
        <source>✓ Signed by the citizen</source>
        <translation>✓ 群众已签名</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="233"/>
        <source>Waiting for the citizen&apos;s signature…</source>
        <translation>等待群众签名…</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="243"/>
        <source>Paused: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="244"/>
        <source>The citizen is rating</source>
        <translation>群众正在评价</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="245"/>
        <location filename="../qml/ClerkScreen.qml" line="380"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人等候</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="246"/>
        <source>Nobody waiting</source>
        <translation>暂无等候</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="251"/>
        <source>The next citizen is called when they have rated, at the latest in %n s.</source>
        <translation>
            <numerusform>群众评价后自动叫下一位，最迟 %n 秒后</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="271"/>
        <source>Call next now</source>
        <translation>立即叫下一位</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="272"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="273"/>
        <source>Citizen arrived: start</source>
        <translation>群众已到，开始办理</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="274"/>
        <source>Finish and call next</source>
        <translation>办结并叫下一位</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="284"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="285"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="286"/>
        <source>Undo call</source>
        <translation>撤销叫号</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="287"/>
        <source>Park</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="288"/>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="289"/>
        <source>Finish…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="292"/>
        <source>Scan (%1 pages)</source>
        <translation>扫描（%1 页）</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="292"/>
        <source>Scan documents</source>
        <translation>扫描材料</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="298"/>
        <source>Ask to sign</source>
        <translation>请群众签名</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="298"/>
        <source>Cancel signing</source>
        <translation>取消签名</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="303"/>
        <source>Silent call</source>
        <translation>静音叫号</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="306"/>
        <source>Call number…</source>
        <translation>指定叫号…</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="311"/>
        <source>Resume</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="311"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="316"/>
        <source>Finish as</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="338"/>
        <source>Parked or sent to this window</source>
        <translation>挂起或转来本窗口的号码</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="354"/>
        <source>parked, back at %1</source>
        <translation>已挂起，%1 回到队列</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="355"/>
        <source>sent here: %1</source>
        <translation>转来：%1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="356"/>
        <source>sent here</source>
        <translation>转来本窗口</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="363"/>
        <source>Call back</source>
        <translation>叫回</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="383"/>
        <source>longest %1 min</source>
        <translation>最长 %1 分钟</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="410"/>
        <source>The pages go to the citizen with “Ask to sign”.</source>
        <translation>点“请群众签名”时，扫描的材料一并交群众确认。</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="415"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ClerkSignIn</name>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="23"/>
        <source>%1 (No. %2): your PIN</source>
        <translation>%1（工号 %2）：请输入密码</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="24"/>
        <source>Sign in: tap your name</source>
        <translation>登录：请点选您的姓名</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="28"/>
        <source>Or place your own ID card on the reader.</source>
        <translation>或将本人身份证放在读卡器上。</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="61"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="62"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../qml/ClerkSignIn.qml" line="73"/>
        <source>Not me</source>
        <translation>不是我</translation>
    </message>
</context>
<context>
    <name>DocumentCameraPanel</name>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="25"/>
        <source>The document camera is not connected.</source>
        <translation>高拍仪未连接。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="26"/>
        <source>Another program is using the document camera.</source>
        <translation>高拍仪正被其他程序占用。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="29"/>
        <source>The document camera stopped sending pictures.</source>
        <translation>高拍仪画面中断了。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="30"/>
        <source>The document camera cannot be used.</source>
        <translation>高拍仪无法使用。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="39"/>
        <source>Check its USB cable, then tap Try again. If it still fails, call the technician.</source>
        <translation>请检查高拍仪的 USB 线，然后点“重试”；仍不行请联系维护人员。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="40"/>
        <source>Call the technician.</source>
        <translation>请联系维护人员。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="54"/>
        <source>Document camera</source>
        <translation>高拍仪</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/DocumentCameraPanel.qml" line="58"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="105"/>
        <source>Starting the document camera…</source>
        <translation>正在启动高拍仪…</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="106"/>
        <source>The document camera is off.</source>
        <translation>高拍仪已关闭。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="107"/>
        <source>No document camera is set up at this window. The technician names it in the terminal settings.</source>
        <translation>本窗口未设置高拍仪，请维护人员在终端设置中配置。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="112"/>
        <source>Turn on</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="122"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="154"/>
        <source>Lay the page flat on the mat, then tap Capture.</source>
        <translation>请将材料平放在垫板上，然后点“拍照”。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="161"/>
        <source>No page edges found: the whole picture was kept.</source>
        <translation>未找到纸张边缘，已保留整幅画面。</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="168"/>
        <source>For the technician: %1</source>
        <translation>维护信息：%1</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="141"/>
        <source>Capture</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="149"/>
        <source>Cutting out the page…</source>
        <translation>正在裁边纠偏…</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="207"/>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="244"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../qml/DocumentCameraPanel.qml" line="252"/>
        <source>Captured pages appear here.</source>
        <translation>拍好的页面显示在这里。</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="28"/>
        <source>Window pad: clerk</source>
        <translation>呼叫器</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="45"/>
        <source>Window pad: citizen</source>
        <translation>评价器</translation>
    </message>
</context>
<context>
    <name>StaffCard</name>
    <message>
        <location filename="../qml/StaffCard.qml" line="37"/>
        <source>Serving you: %1</source>
        <translation>为您服务：%1</translation>
    </message>
    <message>
        <location filename="../qml/StaffCard.qml" line="41"/>
        <source>Staff number %1</source>
        <translation>工号 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/StaffCard.qml" line="71"/>
        <source>%1 · %n rating(s) in 30 days</source>
        <translation>
            <numerusform>%1 分 · 近 30 天 %n 次评价</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hall::windowpad::ClerkDesk</name>
    <message>
        <location filename="../clerk_desk.cpp" line="69"/>
        <source>This card cannot be used here: it carries no ID number.</source>
        <translation>此卡不能在这里使用：卡内没有身份证号码。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="70"/>
        <source>Cards can be read once the hall&apos;s server has been reached.</source>
        <translation>连上大厅服务器后才能读卡。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="72"/>
        <source>There is no visit at the window to attach the card to.</source>
        <translation>窗口当前没有办件，无法关联此卡。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="345"/>
        <source>Offline: finish is kept and sent later; calling needs the hall&apos;s server.</source>
        <translation>网络中断：办结已保存，联网后发送；叫号需要连接服务器。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="450"/>
        <source>One moment: the last action is still on its way.</source>
        <translation>请稍候，上一操作正在处理。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="452"/>
        <source>This needs the hall&apos;s server, which cannot be reached now.</source>
        <translation>此操作需要连接服务器，当前无法连接。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="473"/>
        <source>Offline: kept on this pad and sent when the server is back.</source>
        <translation>网络中断：已保存在本机，联网后自动发送。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="476"/>
        <source>This pad could not keep the action: %1</source>
        <translation>本机未能保存此操作：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="494"/>
        <source>%1 goes back to the window that sent it.</source>
        <translation>%1 已转回原窗口继续办理。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="506"/>
        <source>Nobody is waiting for this window.</source>
        <translation>本窗口暂无等候群众。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="507"/>
        <source>The window is paused: resume service first.</source>
        <translation>窗口已暂停，请先恢复服务。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="509"/>
        <source>Finish, transfer or park the current ticket before calling the next.</source>
        <translation>请先办结、转办或挂起当前号，再叫下一位。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="510"/>
        <source>There is no ticket at this window.</source>
        <translation>本窗口当前没有号码。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="511"/>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="513"/>
        <source>Staff number or PIN not accepted. %1</source>
        <translation>工号或密码不正确。%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="514"/>
        <source>Too many wrong PINs: %1</source>
        <translation>密码错误次数过多：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="515"/>
        <source>This clerk is signed in at another window.</source>
        <translation>该工作人员已在其他窗口登录。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="516"/>
        <source>A call out of turn needs a reason in this hall.</source>
        <translation>本厅规定：指定叫号须填写原因。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="517"/>
        <source>There is no such ticket today.</source>
        <translation>今天没有这个号码。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="519"/>
        <source>This citizen already holds %1 for this service today.</source>
        <translation>该群众今天已有此事项的号码 %1。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="521"/>
        <source>Too soon for a no-show: %1</source>
        <translation>叫号后时间太短，暂不能过号：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="522"/>
        <source>There is no call to undo.</source>
        <translation>没有可撤销的叫号。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="523"/>
        <source>Not possible now: %1</source>
        <translation>当前无法执行：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="524"/>
        <source>Not allowed from this pad: %1</source>
        <translation>本机无权执行此操作：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="525"/>
        <source>The hall&apos;s server did not answer. Try again.</source>
        <translation>服务器未响应，请重试。</translation>
    </message>
</context>
<context>
    <name>hall::windowpad::ConfirmationDesk</name>
    <message>
        <location filename="../confirmation_desk.cpp" line="52"/>
        <source>There is no visit at the window to confirm.</source>
        <translation>窗口当前没有可确认的办件。</translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="63"/>
        <source>Matter: %1</source>
        <translation>事项：%1</translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="63"/>
        <source>Ticket: %1</source>
        <translation>号码：%1</translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="64"/>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../confirmation_desk.cpp" line="65"/>
        <source>Documents scanned: %n page(s)</source>
        <translation>
            <numerusform>已扫描材料：%n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="74"/>
        <location filename="../confirmation_desk.cpp" line="112"/>
        <source>The hall&apos;s server cannot be reached: please sign again in a moment.</source>
        <translation>暂时连不上大厅服务器，请稍后再签一次。</translation>
    </message>
    <message>
        <location filename="../confirmation_desk.cpp" line="113"/>
        <source>The signature was not accepted (%1). Please tell the clerk.</source>
        <translation>签名未被接收（%1），请告知工作人员。</translation>
    </message>
</context>
<context>
    <name>hall::windowpad::EvaluationDesk</name>
    <message>
        <location filename="../evaluation_desk.cpp" line="116"/>
        <source>Please choose at least one reason.</source>
        <translation>请至少选择一项原因。</translation>
    </message>
    <message>
        <location filename="../evaluation_desk.cpp" line="176"/>
        <source>Your rating could not be saved. Please tell the clerk.</source>
        <translation>评价未能保存，请告知工作人员。</translation>
    </message>
</context>
</TS>
