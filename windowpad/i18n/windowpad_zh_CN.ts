<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CitizenScreen</name>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="17"/>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="18"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="19"/>
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="20"/>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="21"/>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="33"/>
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="49"/>
        <source>Serving you: %1</source>
        <translation>为您服务：%1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="55"/>
        <source>Staff number %1</source>
        <translation>工号 %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="61"/>
        <source>Service paused: %1</source>
        <translation>暂停服务：%1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="61"/>
        <source>This window is closed</source>
        <translation>本窗口暂停服务</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="68"/>
        <source>Now serving %1</source>
        <translation>正在办理 %1</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="85"/>
        <source>How was your visit (%1)?</source>
        <translation>请您为本次服务（%1）评价</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="109"/>
        <source>%1 s left</source>
        <translation>还剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="122"/>
        <source>We are sorry. What went wrong? (choose at least one)</source>
        <translation>很抱歉，请告诉我们哪里做得不好（至少选一项）</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="150"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="155"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="169"/>
        <source>Thank you for your rating!</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../qml/CitizenScreen.qml" line="175"/>
        <source>The hall&apos;s duty manager will follow this up.</source>
        <translation>值班主任将跟进处理您的意见。</translation>
    </message>
</context>
<context>
    <name>ClerkChoice</name>
    <message>
        <location filename="../qml/ClerkChoice.qml" line="77"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ClerkScreen</name>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="25"/>
        <source>Completed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="25"/>
        <source>Needs documents</source>
        <translation>补正材料</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="26"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="26"/>
        <source>Referred</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="49"/>
        <location filename="../qml/ClerkScreen.qml" line="112"/>
        <source>Window %1 · %2</source>
        <translation>%1 号窗口 · %2</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="50"/>
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="54"/>
        <source>%1 (No. %2)</source>
        <translation>%1（工号 %2）</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="59"/>
        <source>Served today %1 · typical %2 min</source>
        <translation>今日已办 %1 件 · 每件约 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="64"/>
        <source>%n action(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 项操作待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="73"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="82"/>
        <source>Finish, no-show and pause are kept here and sent later; calling needs the server.</source>
        <translation>办结、过号、暂停会先保存在本机，联网后发送；叫号需要连接服务器。</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="102"/>
        <source>Park %1: back in</source>
        <translation>挂起 %1：多久后回到本窗口</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="103"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="109"/>
        <source>Transfer %1 to</source>
        <translation>将 %1 转到</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="110"/>
        <source>Return to me after</source>
        <translation>办完后转回本窗口</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="119"/>
        <source>Pause the window: why?</source>
        <translation>暂停本窗口：原因</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="150"/>
        <source>Serving</source>
        <translation>正在办理</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="150"/>
        <source>Called, waiting for the citizen</source>
        <translation>已叫号，等待群众到窗口</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="163"/>
        <source>Waited %1 min</source>
        <translation>已等候 %1 分钟</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="164"/>
        <source> · serving %1 min</source>
        <translation> · 已办理 %1 分钟</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="168"/>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="169"/>
        <source>Green channel: %1</source>
        <translation>绿色通道：%1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="175"/>
        <source>Note from the last window: %1</source>
        <translation>上一窗口备注：%1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="182"/>
        <source>Citizen identified by ID card</source>
        <translation>群众已核验身份证</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="192"/>
        <source>Paused: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="193"/>
        <source>The citizen is rating</source>
        <translation>群众正在评价</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="194"/>
        <location filename="../qml/ClerkScreen.qml" line="268"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人等候</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="195"/>
        <source>Nobody waiting</source>
        <translation>暂无等候</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ClerkScreen.qml" line="200"/>
        <source>The next citizen is called when they have rated, at the latest in %n s.</source>
        <translation>
            <numerusform>群众评价后自动叫下一位，最迟 %n 秒后</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="219"/>
        <source>Call next now</source>
        <translation>立即叫下一位</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="220"/>
        <source>Call next</source>
        <translation>叫号</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="221"/>
        <source>Citizen arrived: start</source>
        <translation>群众已到，开始办理</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="222"/>
        <source>Finish and call next</source>
        <translation>办结并叫下一位</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="232"/>
        <source>Recall</source>
        <translation>重呼</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="233"/>
        <source>No-show</source>
        <translation>过号</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="234"/>
        <source>Undo call</source>
        <translation>撤销叫号</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="235"/>
        <source>Park</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="236"/>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="237"/>
        <source>Finish</source>
        <translation>办结</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="238"/>
        <source>Silent call</source>
        <translation>静音叫号</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="240"/>
        <source>Resume</source>
        <translation>恢复服务</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="240"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="245"/>
        <source>Finish as</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location filename="../qml/ClerkScreen.qml" line="271"/>
        <source>longest %1 min</source>
        <translation>最长 %1 分钟</translation>
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
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="24"/>
        <source>Window pad: clerk</source>
        <translation>呼叫器</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="39"/>
        <source>Window pad: citizen</source>
        <translation>评价器</translation>
    </message>
</context>
<context>
    <name>hall::windowpad::ClerkDesk</name>
    <message>
        <location filename="../clerk_desk.cpp" line="238"/>
        <source>Offline: finish is kept and sent later; calling needs the hall&apos;s server.</source>
        <translation>网络中断：办结已保存，联网后发送；叫号需要连接服务器。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="343"/>
        <source>One moment: the last action is still on its way.</source>
        <translation>请稍候，上一操作正在处理。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="345"/>
        <source>This needs the hall&apos;s server, which cannot be reached now.</source>
        <translation>此操作需要连接服务器，当前无法连接。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="368"/>
        <source>Offline: kept on this pad and sent when the server is back.</source>
        <translation>网络中断：已保存在本机，联网后自动发送。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="371"/>
        <source>This pad could not keep the action: %1</source>
        <translation>本机未能保存此操作：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="389"/>
        <source>%1 goes back to the window that sent it.</source>
        <translation>%1 已转回原窗口继续办理。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="401"/>
        <source>Nobody is waiting for this window.</source>
        <translation>本窗口暂无等候群众。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="402"/>
        <source>The window is paused: resume service first.</source>
        <translation>窗口已暂停，请先恢复服务。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="404"/>
        <source>Finish, transfer or park the current ticket before calling the next.</source>
        <translation>请先办结、转办或挂起当前号，再叫下一位。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="405"/>
        <source>There is no ticket at this window.</source>
        <translation>本窗口当前没有号码。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="406"/>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="408"/>
        <source>Staff number or PIN not accepted. %1</source>
        <translation>工号或密码不正确。%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="409"/>
        <source>Too many wrong PINs: %1</source>
        <translation>密码错误次数过多：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="410"/>
        <source>This clerk is signed in at another window.</source>
        <translation>该工作人员已在其他窗口登录。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="411"/>
        <source>A call out of turn needs a reason in this hall.</source>
        <translation>本厅规定：指定叫号须填写原因。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="412"/>
        <source>There is no such ticket today.</source>
        <translation>今天没有这个号码。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="413"/>
        <source>Too soon for a no-show: %1</source>
        <translation>叫号后时间太短，暂不能过号：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="414"/>
        <source>There is no call to undo.</source>
        <translation>没有可撤销的叫号。</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="415"/>
        <source>Not possible now: %1</source>
        <translation>当前无法执行：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="416"/>
        <source>Not allowed from this pad: %1</source>
        <translation>本机无权执行此操作：%1</translation>
    </message>
    <message>
        <location filename="../clerk_desk.cpp" line="417"/>
        <source>The hall&apos;s server did not answer. Try again.</source>
        <translation>服务器未响应，请重试。</translation>
    </message>
</context>
<context>
    <name>hall::windowpad::EvaluationDesk</name>
    <message>
        <location filename="../evaluation_desk.cpp" line="113"/>
        <source>Please choose at least one reason.</source>
        <translation>请至少选择一项原因。</translation>
    </message>
    <message>
        <location filename="../evaluation_desk.cpp" line="160"/>
        <source>Your rating could not be saved. Please tell the clerk.</source>
        <translation>评价未能保存，请告知工作人员。</translation>
    </message>
</context>
</TS>
