<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="fr">
<context>
    <name>BrowserPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/browser_panel.py" line="116"/>
        <source>&lt;b&gt;Visites&lt;/b&gt; (%n)</source>
        <translation>
            <numerusform>&lt;b&gt;Visite&lt;/b&gt; (%n)</numerusform>
            <numerusform>&lt;b&gt;Visites&lt;/b&gt; (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/form/form_view.py" line="190"/>
        <source>%n champ(s) repris de la visite du %1 : vérifiez-les avec le lieu.</source>
        <translation>
            <numerusform>%n champ repris de la visite du %1 : vérifiez-le avec le lieu.</numerusform>
            <numerusform>%n champs repris de la visite du %1 : vérifiez-les avec le lieu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="349"/>
        <source>%n photo(s) sans autorisation laissée(s) hors de la fiche.</source>
        <translation>
            <numerusform>%n photo sans autorisation laissée hors de la fiche.</numerusform>
            <numerusform>%n photos sans autorisation laissées hors de la fiche.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="384"/>
        <source>%n photo(s) de personnes reconnaissables sans autorisation laissée(s) de côté.</source>
        <translation>
            <numerusform>%n photo de personnes reconnaissables sans autorisation laissée de côté.</numerusform>
            <numerusform>%n photos de personnes reconnaissables sans autorisation laissées de côté.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="449"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n lieu</numerusform>
            <numerusform>%n lieux</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/photo_panel.py" line="367"/>
        <source>%n photo(s) ajoutée(s).</source>
        <translation>
            <numerusform>%n photo ajoutée.</numerusform>
            <numerusform>%n photos ajoutées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/search_dialog.py" line="74"/>
        <source>%n visite(s) trouvée(s)</source>
        <translation>
            <numerusform>%n visite trouvée</numerusform>
            <numerusform>%n visites trouvées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/visit_table_model.py" line="65"/>
        <source>⚠ %n à corriger</source>
        <translation>
            <numerusform>⚠ %n à corriger</numerusform>
            <numerusform>⚠ %n à corriger</numerusform>
        </translation>
    </message>
</context>
</TS>
