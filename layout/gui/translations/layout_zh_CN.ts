<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CorrectionsDock</name>
    <message>
        <location filename="../corrections_dock.py" line="70" />
        <source>No marked proof opened</source>
        <translation>未打开带批注的校样</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="75" />
        <source>Open Marked Proof…</source>
        <translation>打开带批注的校样…</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="77" />
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="79" />
        <source>Reject</source>
        <translation>不采纳</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="81" />
        <source>Reply…</source>
        <translation>回复…</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="95" />
        <source>Open Marked Proof</source>
        <translation>打开带批注的校样</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="95" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="107" />
        <source>Cannot read the proof</source>
        <translation>无法读取校样</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="125" />
        <source>%1 corrections in %2</source>
        <translation>%2 中有 %1 条校对意见</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="132" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="132" />
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="132" />
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="133" />
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="133" />
        <source>Highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="134" />
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="134" />
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="134" />
        <source>rejected</source>
        <translation>未采纳</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="196" />
        <source>Cannot apply the correction</source>
        <translation>无法改正</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="198" />
        <source>Accept correction %1</source>
        <translation>采纳校对意见 %1</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="217" />
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../corrections_dock.py" line="217" />
        <source>Reply to the editor:</source>
        <translation>回复编辑：</translation>
    </message>
</context>
<context>
    <name>DocumentLock</name>
    <message>
        <location filename="../document_lock.py" line="35" />
        <source>%1 on %2 (since %3)</source>
        <translation>%2 上的 %1（自 %3 起）</translation>
    </message>
    <message>
        <location filename="../document_lock.py" line="81" />
        <source>Opened read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location filename="../document_lock.py" line="82" />
        <source>%1 is being edited by %2.

It opens read-only: you cannot save it, but you may save your changes under another name (Save As).</source>
        <translation>%2 正在编辑 %1。

文档以只读方式打开：不能保存到原文件，但可以用“另存为”把修改存为另一个文件。</translation>
    </message>
    <message>
        <location filename="../document_lock.py" line="89" />
        <source>Take over the lock?</source>
        <translation>接管文档锁？</translation>
    </message>
    <message>
        <location filename="../document_lock.py" line="90" />
        <source>The document was locked by %1, whose editor seems to be gone.

Take the lock over and edit it? (No opens it read-only.)</source>
        <translation>文档被 %1 锁定，但其编辑器似乎已经不在运行。

接管文档锁并编辑吗？（选“否”则以只读方式打开。）</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <location filename="../exporting.py" line="29" />
        <source>Page %1 of %2</source>
        <translation>第 %1 / %2 版</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="45" />
        <source>Preflight</source>
        <translation>印前检查</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="44" />
        <source>Preflight found %1 errors:</source>
        <translation>印前检查发现 %1 个错误：</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="52" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>HeadlineEditor</name>
    <message>
        <location filename="../headline_editor.py" line="32" />
        <source>Kicker (引题)</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../headline_editor.py" line="32" />
        <source>Title (主题)</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../headline_editor.py" line="33" />
        <source>Subtitle (副题)</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../headline_editor.py" line="58" />
        <source>Headline</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../inspector.py" line="123" />
        <location filename="../inspector.py" line="480" />
        <source>Position and size</source>
        <translation>位置和大小</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="126" />
        <source>X (mm)</source>
        <translation>X（毫米）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="126" />
        <source>Y (mm)</source>
        <translation>Y（毫米）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="127" />
        <source>Width (mm)</source>
        <translation>宽（毫米）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="127" />
        <source>Height (mm)</source>
        <translation>高（毫米）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="131" />
        <source>Grid</source>
        <translation>栏行</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="136" />
        <source>Style changes apply to</source>
        <translation>样式改动作用于</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="138" />
        <source>This article only</source>
        <translation>仅本文</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="138" />
        <source>The style (every user)</source>
        <translation>样式本身（所有使用处）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="148" />
        <source>Text frame</source>
        <translation>文本框</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="158" />
        <location filename="../inspector.py" line="529" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="158" />
        <source>Paragraph style</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="159" />
        <source>Size in this frame</source>
        <translation>本框字号</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="165" />
        <source>Headline group</source>
        <translation>标题组</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="168" />
        <source>Kicker (引题)</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="169" />
        <source>Title (主题)</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="170" />
        <source>Subtitle (副题)</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="175" />
        <source>%1 size</source>
        <translation>%1字号</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="181" />
        <source>Reverse type (反白)</source>
        <translation>反白</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="181" />
        <source>Vertical (竖排)</source>
        <translation>竖排</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="184" />
        <source>Title scale (%, 长体 &lt; 100 &lt; 扁体)</source>
        <translation>主题字形比例（%，长体 &lt; 100 &lt; 扁体）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="185" />
        <source>Title tracking (em)</source>
        <translation>主题字距（字）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="196" />
        <source>Body text style</source>
        <translation>正文样式</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="198" />
        <source>Song (宋)</source>
        <translation>宋体</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="198" />
        <source>Bold Song (标宋)</source>
        <translation>标宋</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="199" />
        <source>Hei (黑)</source>
        <translation>黑体</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="199" />
        <source>Bold Hei (大黑)</source>
        <translation>大黑</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="200" />
        <source>Kai (楷)</source>
        <translation>楷体</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="205" />
        <source>the line grid</source>
        <translation>按行格</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="214" />
        <location filename="../inspector.py" line="566" />
        <source>Balance the columns (齐栏)</source>
        <translation>齐栏</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="217" />
        <source>Justified</source>
        <translation>两端对齐</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="217" />
        <source>Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="217" />
        <source>Centred</source>
        <translation>居中</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="218" />
        <source>Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="220" />
        <source>Face</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="220" />
        <location filename="../inspector.py" line="548" />
        <source>Size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="221" />
        <source>Tracking (em)</source>
        <translation>字距（字）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="221" />
        <source>Leading</source>
        <translation>行距</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="222" />
        <source>Horizontal scale (%)</source>
        <translation>字形比例（%）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="223" />
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="223" />
        <source>Colour (CMYK %)</source>
        <translation>颜色（CMYK %）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="226" />
        <source>Copy-fit</source>
        <translation>稿件适配</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="230" />
        <location filename="../inspector.py" line="596" />
        <source>Photo</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="232" />
        <source>Fill the frame</source>
        <translation>裁切填满</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="232" />
        <source>Whole photo</source>
        <translation>完整显示</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="245" />
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="245" />
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="246" />
        <source>Focus across</source>
        <translation>焦点（横）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="246" />
        <source>Focus down</source>
        <translation>焦点（纵）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="247" />
        <location filename="../inspector.py" line="265" />
        <source>Caption</source>
        <translation>图说</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="247" />
        <source>Credit</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="248" />
        <source>Text wrap (mm, 0: none)</source>
        <translation>图文互斥（毫米，0 为不绕排）</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="253" />
        <location filename="../inspector.py" line="606" />
        <source>Before and after</source>
        <translation>整治前后对比</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="260" />
        <source>Side by side</source>
        <translation>左右并排</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="260" />
        <source>One above the other</source>
        <translation>上下排列</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="262" />
        <location filename="../inspector.py" line="630" />
        <source>Swap photos</source>
        <translation>交换图片</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="264" />
        <location filename="../inspector.py" line="289" />
        <source>Before label</source>
        <translation>前图标签</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="264" />
        <location filename="../inspector.py" line="290" />
        <source>After label</source>
        <translation>后图标签</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="265" />
        <source>Arrangement</source>
        <translation>排列</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="272" />
        <location filename="../inspector.py" line="614" />
        <source>Series block</source>
        <translation>专栏组图</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="286" />
        <source>Pairs title</source>
        <translation>对比组标题</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="287" />
        <source>Singles title</source>
        <translation>单图组标题</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="288" />
        <source>Credit line</source>
        <translation>署名行</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="291" />
        <source>Pairs a row</source>
        <translation>每行对比组数</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="292" />
        <source>Singles a row</source>
        <translation>每行单图数</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="368" />
        <source>Sizes and faces below change this article alone.</source>
        <translation>下面的字号和字体只改本文。</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="370" />
        <source>Its own settings: %1</source>
        <translation>本文自有设置：%1</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="373" />
        <source>Sizes and faces below change the styles for every article that uses them: %1</source>
        <translation>下面的字号和字体改的是样式，所有使用它的稿件都会变：%1</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="386" />
        <source>The style %1 is used by %2 places; the size here is this frame's own.</source>
        <translation>样式 %1 有 %2 处使用；这里的字号只属于本框。</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="406" />
        <source>%1 columns × %2 lines</source>
        <translation>%1 栏 × %2 行</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="443" />
        <source>Overset %1 lines, %2 characters</source>
        <translation>超出 %1 行 %2 字</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="446" />
        <source>%1 lines short</source>
        <translation>空 %1 行</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="447" />
        <source>Fits</source>
        <translation>正好排满</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="484" />
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="493" />
        <location filename="../inspector.py" line="561" />
        <source>Headline</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="509" />
        <source>Style in article</source>
        <translation>本文样式</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="520" />
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="535" />
        <source>Apply style</source>
        <translation>应用样式</translation>
    </message>
    <message>
        <location filename="../inspector.py" line="585" />
        <source>Give the colour as four percentages: C M Y K</source>
        <translation>颜色请写四个百分数：C M Y K</translation>
    </message>
</context>
<context>
    <name>IssueSettingsDialog</name>
    <message>
        <location filename="../issue_settings.py" line="31" />
        <source>Issue Settings</source>
        <translation>报纸设置</translation>
    </message>
    <message>
        <location filename="../issue_settings.py" line="42" />
        <source>not set</source>
        <translation>未设</translation>
    </message>
    <message>
        <location filename="../issue_settings.py" line="45" />
        <source>Paper</source>
        <translation>报名</translation>
    </message>
    <message>
        <location filename="../issue_settings.py" line="45" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../issue_settings.py" line="46" />
        <source>Issue number (期号)</source>
        <translation>期号</translation>
    </message>
    <message>
        <location filename="../issue_settings.py" line="47" />
        <source>Running number (总期号)</source>
        <translation>总期号</translation>
    </message>
    <message>
        <location filename="../issue_settings.py" line="47" />
        <source>Edition</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../issue_settings.py" line="52" />
        <source>Section, e.g. 城市副中心·综合新闻</source>
        <translation>版名，如 城市副中心·综合新闻</translation>
    </message>
    <message>
        <location filename="../issue_settings.py" line="53" />
        <source>Page %1 section</source>
        <translation>第%1版 版名</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="177" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="181" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196" />
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="197" />
        <source>Export &amp;Proof (校样)…</source>
        <translation>导出校样(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="198" />
        <source>Export P&amp;ress PDFs…</source>
        <translation>导出印刷文件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="238" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="242" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="244" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="241" />
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="124" />
        <source>Opened</source>
        <translation>打开时</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125" />
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="126" />
        <source>Story</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="127" />
        <source>Styles</source>
        <translation>样式表</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="128" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129" />
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="130" />
        <source>Preflight</source>
        <translation>印前检查</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="132" />
        <source>Corrections</source>
        <translation>校对意见</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="155" />
        <source>&amp;Page</source>
        <translation>版面(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="158" />
        <source>Add page: %1</source>
        <translation>新增版面：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160" />
        <source>&amp;Duplicate Page</source>
        <translation>复制本版(&amp;D)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161" />
        <source>D&amp;elete Page</source>
        <translation>删除本版(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="163" />
        <source>Follow &amp;Master</source>
        <translation>套用母版(&amp;M)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="164" />
        <source>No master</source>
        <translation>不用母版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="167" />
        <source>Follow master: %1</source>
        <translation>套用母版：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>Detach Master &amp;Items</source>
        <translation>脱离母版项目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>&amp;Next Page</source>
        <translation>下一版(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>&amp;Previous Page</source>
        <translation>上一版(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178" />
        <source>&amp;New from Template</source>
        <translation>从模板新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186" />
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>&amp;Import Article…</source>
        <translation>导入稿件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190" />
        <source>Place Photo &amp;Pair…</source>
        <translation>放置前后对比图(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="192" />
        <source>Re&amp;link Photos…</source>
        <translation>重新链接图片(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194" />
        <source>Issue Se&amp;ttings…</source>
        <translation>报纸设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="203" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211" />
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212" />
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="213" />
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214" />
        <source>Paste in Pl&amp;ace</source>
        <translation>原位粘贴(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215" />
        <source>D&amp;uplicate</source>
        <translation>再制(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219" />
        <source>Bring &amp;Forward</source>
        <translation>上移一层(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221" />
        <source>Send &amp;Backward</source>
        <translation>下移一层(&amp;B)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223" />
        <source>&amp;Align and Distribute</source>
        <translation>对齐与分布(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224" />
        <source>Align Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224" />
        <source>Align Centres</source>
        <translation>水平居中对齐</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225" />
        <source>Align Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225" />
        <source>Align Tops</source>
        <translation>顶对齐</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226" />
        <source>Align Middles</source>
        <translation>垂直居中对齐</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226" />
        <source>Align Bottoms</source>
        <translation>底对齐</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228" />
        <source>Distribute Across</source>
        <translation>水平等距分布</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230" />
        <source>Distribute Down</source>
        <translation>垂直等距分布</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="232" />
        <source>Clear &amp;Guides</source>
        <translation>清除参考线(&amp;G)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233" />
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="234" />
        <source>U&amp;nlock</source>
        <translation>解锁(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="239" />
        <source>Fit &amp;Page</source>
        <translation>适合整版(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="240" />
        <source>Fit &amp;Width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="246" />
        <source>&amp;Grid and Frames</source>
        <translation>版心网格和图文框(&amp;G)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249" />
        <source>&amp;Snap</source>
        <translation>吸附(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="253" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="256" />
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="266" />
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="269" />
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="272" />
        <source>Rule</source>
        <translation>线条</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="273" />
        <source>Box</source>
        <translation>边框</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="274" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="276" />
        <source>Tint</source>
        <translation>底纹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="277" />
        <source>Series</source>
        <translation>组图栏</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="318" />
        <source>Preflight: %1 errors, %2 warnings</source>
        <translation>印前检查：%1 个错误，%2 个警告</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="355" />
        <source>Issue settings</source>
        <translation>报纸设置</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373" />
        <source>Fit Frame to Copy</source>
        <translation>文框适合稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="374" />
        <location filename="../main_window.py" line="658" />
        <source>Fit Copy by Tracking</source>
        <translation>以字距适配</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="375" />
        <source>Show in Story Editor</source>
        <translation>在稿件编辑器中显示</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="376" />
        <source>Unlink from Story</source>
        <translation>断开与稿件的串接</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="378" />
        <source>Crop</source>
        <translation>裁切</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="380" />
        <source>Relink Photo…</source>
        <translation>重新链接图片…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="381" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="392" />
        <source>Paragraph Style</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="393" />
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="393" />
        <source>Lead</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="393" />
        <source>Subhead</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="402" />
        <source>Paragraph style</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="407" />
        <location filename="../main_window.py" line="410" />
        <source>Relink photo</source>
        <translation>重新链接图片</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="416" />
        <source>Folder with the moved photos</source>
        <translation>图片移到的文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="420" />
        <source>Relink photos</source>
        <translation>重新链接图片</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="421" />
        <source>Relinked photos in %1 frames</source>
        <translation>已重新链接 %1 个图框的图片</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="439" />
        <location filename="../main_window.py" line="452" />
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="488" />
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="504" />
        <location filename="../main_window.py" line="521" />
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="525" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="533" />
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="534" />
        <source>The issue has changes that are not saved. Save them?</source>
        <translation>本期有尚未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="585" />
        <source>Clear guides</source>
        <translation>清除参考线</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="590" />
        <source>The language changes when the editor starts again</source>
        <translation>语言在编辑器下次启动时生效</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="600" />
        <source>Follow master</source>
        <translation>套用母版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="611" />
        <source>Detach master items</source>
        <translation>脱离母版项目</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="621" />
        <source>Import article</source>
        <translation>导入稿件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="622" />
        <source>Articles (*.txt *.docx)</source>
        <translation>稿件 (*.txt *.docx)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="631" />
        <source>Before and after photos</source>
        <translation>整治前后图片</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="754" />
        <source>Proof exported</source>
        <translation>导出校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="408" />
        <location filename="../main_window.py" line="632" />
        <source>Photos (*.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="636" />
        <source>Choose two photos: before and after</source>
        <translation>请选两张图片：整治前和整治后</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="669" />
        <source>Missing from every font: %1</source>
        <translation>所有字体都缺的字：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="671" />
        <source>%1 problems with frames</source>
        <translation>%1 个图文框有问题</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="672" />
        <source>Layout OK</source>
        <translation>排版正常</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="676" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="681" />
        <source>No document</source>
        <translation>无文档</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="683" />
        <source>Newspaper Layout</source>
        <translation>报纸排版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="687" />
        <source>page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="697" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="489" />
        <location filename="../main_window.py" line="697" />
        <source>Layout documents (*.layout.json)</source>
        <translation>版面文档 (*.layout.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="666" />
        <source>Overset: %1 lines, %2 characters in %3</source>
        <translation>超版：%3 超出 %1 行 %2 字</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="703" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="708" />
        <source>Export Proof</source>
        <translation>导出校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="715" />
        <source>Folder for the press PDFs</source>
        <translation>印刷文件存放文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="717" />
        <source>The last export into %1 was stopped halfway; this one replaces its pages</source>
        <translation>上次导出到 %1 时中途停止；这次导出会替换其中的版面文件</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="732" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="745" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="748" />
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="751" />
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>NewsroomLink</name>
    <message>
        <location filename="../newsroom_link.py" line="86" />
        <source>Held by a colleague</source>
        <translation>同事正在使用</translation>
    </message>
    <message>
        <location filename="../newsroom_link.py" line="87" />
        <source>%1. Your change is taken back.</source>
        <translation>%1。你的修改已撤回。</translation>
    </message>
    <message>
        <location filename="../newsroom_link.py" line="102" />
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../newsroom_link.py" line="110" />
        <source>Saved to the newsroom</source>
        <translation>已保存到编辑部数据库</translation>
    </message>
    <message>
        <location filename="../newsroom_link.py" line="134" />
        <source>Changed by %1: %2</source>
        <translation>%1 修改了：%2</translation>
    </message>
    <message>
        <location filename="../newsroom_link.py" line="151" />
        <source>me</source>
        <translation>我</translation>
    </message>
    <message>
        <location filename="../newsroom_link.py" line="196" />
        <source>Newsroom database away: work kept on this computer, saved when it is back</source>
        <translation>编辑部数据库连不上：修改保存在本机，恢复后自动保存</translation>
    </message>
    <message>
        <location filename="../newsroom_link.py" line="199" />
        <source>Newsroom: %1</source>
        <translation>编辑部：%1</translation>
    </message>
</context>
<context>
    <name>PageCanvas</name>
    <message>
        <location filename="../canvas.py" line="631" />
        <source>Nudge</source>
        <translation>微移</translation>
    </message>
    <message>
        <location filename="../canvas.py" line="636" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>PagesDock</name>
    <message>
        <location filename="../pages_dock.py" line="76" />
        <location filename="../pages_dock.py" line="175" />
        <source>Add page</source>
        <translation>新增版面</translation>
    </message>
    <message>
        <location filename="../pages_dock.py" line="81" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../pages_dock.py" line="81" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../pages_dock.py" line="88" />
        <source>Page number</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../pages_dock.py" line="89" />
        <source>Section</source>
        <translation>版名</translation>
    </message>
    <message>
        <location filename="../pages_dock.py" line="121" />
        <source>Page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <location filename="../pages_dock.py" line="181" />
        <source>Duplicate page</source>
        <translation>复制版面</translation>
    </message>
    <message>
        <location filename="../pages_dock.py" line="187" />
        <source>Delete page</source>
        <translation>删除版面</translation>
    </message>
    <message>
        <location filename="../pages_dock.py" line="192" />
        <source>Move page</source>
        <translation>移动版面</translation>
    </message>
    <message>
        <location filename="../pages_dock.py" line="198" />
        <source>Page</source>
        <translation>版面</translation>
    </message>
</context>
<context>
    <name>PreflightDock</name>
    <message>
        <location filename="../preflight_dock.py" line="115" />
        <source>%1 errors, %2 warnings</source>
        <translation>%1 个错误，%2 个警告</translation>
    </message>
</context>
<context>
    <name>Ruler</name>
    <message>
        <location filename="../rulers.py" line="103" />
        <source>Add guide</source>
        <translation>添加参考线</translation>
    </message>
</context>
<context>
    <name>Safekeeping</name>
    <message>
        <location filename="../safekeeping.py" line="72" />
        <location filename="../safekeeping.py" line="98" />
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="77" />
        <source>The recovered version is kept as %1</source>
        <translation>恢复的版本已保留为 %1</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="81" />
        <location filename="../safekeeping.py" line="106" />
        <source>Restore unsaved changes?</source>
        <translation>恢复未保存的修改？</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="82" />
        <source>The editor stopped before this document was saved. A recovered version, saved automatically at %1, is newer than the file.

Restore it? (No keeps it as a .recovered copy beside the document.)</source>
        <translation>编辑器在保存此文档前意外退出。%1 自动保存的恢复版本比文件更新。

要恢复吗？（选“否”则把它另存为文档旁的 .recovered 副本。）</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="107" />
        <source>The editor stopped before a document without a file was saved. Its recovered version was saved automatically at %1.

Restore it? (No keeps it in %2.)</source>
        <translation>编辑器在一个未命名文档保存前意外退出。%1 自动保存了它的恢复版本。

要恢复吗？（选“否”则把它留在 %2。）</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="127" />
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="162" />
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="163" />
        <source>This document is being edited by someone else, so it cannot be saved here. Use Save As to keep your changes under another name.</source>
        <translation>此文档正由他人编辑，不能保存到原文件。请用“另存为”把修改存为另一个文件。</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="168" />
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="169" />
        <source>%1 is being edited by %2. Choose another name.</source>
        <translation>%2 正在编辑 %1，请另选文件名。</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="205" />
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="215" />
        <source>Changed on disk</source>
        <translation>文件已在磁盘上更改</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="216" />
        <source>%1 was changed by another program.

Reload it (your unsaved changes are lost), or keep your version (saving it replaces theirs)?</source>
        <translation>%1 已被其他程序修改。

重新载入（未保存的修改将丢失），还是保留您的版本（保存时将覆盖对方的修改）？</translation>
    </message>
    <message>
        <location filename="../safekeeping.py" line="232" />
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
</context>
<context>
    <name>StoryEditor</name>
    <message>
        <location filename="../story_editor.py" line="100" />
        <source>Kicker (引题)</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="100" />
        <source>Title (主题)</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="101" />
        <source>Subtitle (副题)</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="101" />
        <source>Byline</source>
        <translation>电头署名</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="105" />
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="105" />
        <source>Lead</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="105" />
        <source>Subhead</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="108" />
        <source>Paragraph style</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="128" />
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="129" />
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="130" />
        <source>Replace all in the issue</source>
        <translation>全期替换</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="164" />
        <source>No article selected</source>
        <translation>未选中稿件</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="200" />
        <source>Overset %1 lines, %2 characters</source>
        <translation>超出 %1 行 %2 字</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="203" />
        <source>%1 lines short</source>
        <translation>空 %1 行</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="234" />
        <location filename="../story_editor.py" line="242" />
        <source>Typing</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="266" />
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../story_editor.py" line="267" />
        <source>Replaced in %1 places</source>
        <translation>已替换 %1 处</translation>
    </message>
</context>
<context>
    <name>StylesDock</name>
    <message>
        <location filename="../styles_dock.py" line="49" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="49" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="50" />
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="50" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="51" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="59" />
        <source>Song (宋)</source>
        <translation>宋体</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="59" />
        <source>Bold Song (标宋)</source>
        <translation>标宋</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="59" />
        <source>Hei (黑)</source>
        <translation>黑体</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="60" />
        <source>Bold Hei (大黑)</source>
        <translation>大黑</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="60" />
        <source>Kai (楷)</source>
        <translation>楷体</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="69" />
        <source>Justified</source>
        <translation>两端对齐</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="69" />
        <source>Left</source>
        <translation>左对齐</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="69" />
        <source>Centred</source>
        <translation>居中</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="70" />
        <source>Right</source>
        <translation>右对齐</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="75" />
        <source>Face</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="76" />
        <source>Size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="77" />
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="126" />
        <source>A change here reaches every place that uses %1: %2 articles, %3 text frames</source>
        <translation>这里的改动会影响所有使用 %1 的地方：%2 篇稿件，%3 个文本框</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="153" />
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="174" />
        <location filename="../styles_dock.py" line="176" />
        <source>New style</source>
        <translation>新建样式</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="174" />
        <source>Name of the new style:</source>
        <translation>新样式名称：</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="184" />
        <source>Duplicate style</source>
        <translation>复制样式</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="192" />
        <location filename="../styles_dock.py" line="194" />
        <source>Rename style</source>
        <translation>重命名样式</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="192" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="201" />
        <source>Delete style</source>
        <translation>删除样式</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="210" />
        <source>Select a text frame to apply the style to</source>
        <translation>请先选中要应用样式的文本框</translation>
    </message>
    <message>
        <location filename="../styles_dock.py" line="214" />
        <source>Apply style</source>
        <translation>应用样式</translation>
    </message>
</context>
<context>
    <name>TextFrameEditor</name>
    <message>
        <location filename="../text_editor.py" line="30" />
        <source>Type the text</source>
        <translation>输入文字</translation>
    </message>
    <message>
        <location filename="../text_editor.py" line="49" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
</context>
<context>
    <name>canvas</name>
    <message>
        <location filename="../tools.py" line="309" />
        <source>Add text frame</source>
        <translation>添加文本框</translation>
    </message>
    <message>
        <location filename="../tools.py" line="347" />
        <source>Link</source>
        <translation>串接</translation>
    </message>
    <message>
        <location filename="../tools.py" line="349" />
        <source>Click an empty text frame, or drag a new one, to continue the story</source>
        <translation>单击空文框或拖出新文框，接排稿件</translation>
    </message>
    <message>
        <location filename="../tools.py" line="414" />
        <source>Drag the photo inside its frame, the wheel zooms; Esc ends</source>
        <translation>在框内拖动图片，滚轮缩放；按 Esc 结束</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../export_worker.py" line="128" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>self.canvas</name>
    <message>
        <location filename="../placing.py" line="52" />
        <source>No article found in %1</source>
        <translation>%1 中没有找到稿件</translation>
    </message>
    <message>
        <location filename="../placing.py" line="68" />
        <source>Drag across columns to place 《%1》; a click places it in one column</source>
        <translation>拖过若干栏放置《%1》；单击则放在一栏</translation>
    </message>
    <message>
        <location filename="../placing.py" line="71" />
        <source>Place article</source>
        <translation>放置稿件</translation>
    </message>
    <message>
        <location filename="../placing.py" line="80" />
        <source>Drag across columns to place the labels and credit lines: %1</source>
        <translation>横跨栏拖动，放置标签和署名行：%1</translation>
    </message>
    <message>
        <location filename="../placing.py" line="83" />
        <source>Place labels</source>
        <translation>放置标签</translation>
    </message>
    <message>
        <location filename="../placing.py" line="89" />
        <source>The labels cover %1</source>
        <translation>标签压住了 %1</translation>
    </message>
    <message>
        <location filename="../placing.py" line="97" />
        <source>The article covers %1</source>
        <translation>稿件压住了 %1</translation>
    </message>
    <message>
        <location filename="../placing.py" line="104" />
        <source>Drag across columns to place the before-and-after pair</source>
        <translation>拖过若干栏放置整治前后对比图</translation>
    </message>
    <message>
        <location filename="../placing.py" line="106" />
        <source>Place photo pair</source>
        <translation>放置前后对比图</translation>
    </message>
    <message>
        <location filename="../placing.py" line="167" />
        <source>Place photo</source>
        <translation>放置图片</translation>
    </message>
    <message>
        <location filename="../placing.py" line="177" />
        <source>Add rule</source>
        <translation>添加线条</translation>
    </message>
    <message>
        <location filename="../placing.py" line="183" />
        <source>Add series block</source>
        <translation>添加组图栏</translation>
    </message>
    <message>
        <location filename="../placing.py" line="192" />
        <source>Add tint</source>
        <translation>添加底纹</translation>
    </message>
    <message>
        <location filename="../placing.py" line="192" />
        <source>Add box</source>
        <translation>添加边框</translation>
    </message>
    <message>
        <location filename="../tools.py" line="158" />
        <source>Resize</source>
        <translation>调整大小</translation>
    </message>
    <message>
        <location filename="../tools.py" line="158" />
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../tools.py" line="361" />
        <source>Link</source>
        <translation>串接</translation>
    </message>
    <message>
        <location filename="../tools.py" line="460" />
        <location filename="../tools.py" line="468" />
        <source>Crop</source>
        <translation>裁切</translation>
    </message>
    <message>
        <location filename="../clipboard_actions.py" line="63" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../clipboard_actions.py" line="80" />
        <source>The clipboard holds nothing to paste</source>
        <translation>剪贴板里没有可粘贴的内容</translation>
    </message>
    <message>
        <location filename="../clipboard_actions.py" line="90" />
        <location filename="../clipboard_actions.py" line="104" />
        <location filename="../clipboard_actions.py" line="119" />
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
</context>
</TS>