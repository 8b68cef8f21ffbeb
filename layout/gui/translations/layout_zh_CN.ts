<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Exporting</name>
    <message>
        <location filename="../exporting.py" line="29" />
        <source>Page %1 of %2</source>
        <translation>第 %1 / %2 版</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="43" />
        <source>Preflight</source>
        <translation>印前检查</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="44" />
        <source>Preflight found %1 errors:</source>
        <translation>印前检查发现 %1 个错误：</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="51" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="49" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="50" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="51" />
        <source>&amp;Export PDF…</source>
        <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="52" />
        <source>Export &amp;Proof (校样)…</source>
        <translation>导出校样(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53" />
        <source>Export P&amp;ress PDFs…</source>
        <translation>导出印刷文件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="55" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="56" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="57" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="58" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="59" />
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="61" />
        <source>&amp;Next Page</source>
        <translation>下一版(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="63" />
        <source>&amp;Previous Page</source>
        <translation>上一版(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="79" />
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="106" />
        <source>Overset: %1 characters in %2</source>
        <translation>超版：%2 有 %1 字排不下</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="109" />
        <source>Missing from every font: %1</source>
        <translation>所有字体都缺的字：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="111" />
        <source>%1 problems with frames</source>
        <translation>%1 个图文框有问题</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="112" />
        <source>Layout OK</source>
        <translation>排版正常</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="115" />
        <source>No document</source>
        <translation>无文档</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116" />
        <source>Newspaper Layout</source>
        <translation>报纸排版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120" />
        <source>page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125" />
        <source>Layout documents (*.layout.json)</source>
        <translation>版面文档 (*.layout.json)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="131" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136" />
        <source>Export Proof</source>
        <translation>导出校样</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="141" />
        <source>Folder for the press PDFs</source>
        <translation>印刷文件存放文件夹</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152" />
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="154" />
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
</TS>