<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="fr">
<context>
    <name>BackupController</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="267"/>
        <source>%n fichier(s) de photos ou de documents manquent dans le dossier des données (les fiches concernées s&apos;afficheront sans eux).</source>
        <translation>
            <numerusform>%n fichier de photos ou de documents manque dans le dossier des données (les fiches concernées s&apos;afficheront sans lui).</numerusform>
            <numerusform>%n fichiers de photos ou de documents manquent dans le dossier des données (les fiches concernées s&apos;afficheront sans eux).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="285"/>
        <source>%n champ(s) modifié(s) sur ce poste depuis la sauvegarde reprennent leur valeur de la sauvegarde.</source>
        <translation>
            <numerusform>%n champ modifié sur ce poste depuis la sauvegarde reprend sa valeur de la sauvegarde.</numerusform>
            <numerusform>%n champs modifiés sur ce poste depuis la sauvegarde reprennent leur valeur de la sauvegarde.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="292"/>
        <source>%n élément(s) créé(s) sur ce poste depuis la sauvegarde sont dans la corbeille.</source>
        <translation>
            <numerusform>%n élément créé sur ce poste depuis la sauvegarde est dans la corbeille.</numerusform>
            <numerusform>%n éléments créés sur ce poste depuis la sauvegarde sont dans la corbeille.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="298"/>
        <source>%n conflit(s) en attente sur ces champs sont tranchés par la restauration : la version de vos collègues reste dans la sauvegarde « avant restauration ».</source>
        <translation>
            <numerusform>%n conflit en attente sur ces champs est tranché par la restauration : la version de vos collègues reste dans la sauvegarde « avant restauration ».</numerusform>
            <numerusform>%n conflits en attente sur ces champs sont tranchés par la restauration : la version de vos collègues reste dans la sauvegarde « avant restauration ».</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupCounts</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="39"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n lieu</numerusform>
            <numerusform>%n lieux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="42"/>
        <source>%n fiche(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="45"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="49"/>
        <source>%n fichier(s) de photos ou de documents manquent dans le dossier des données.</source>
        <translation>
            <numerusform>%n fichier de photos ou de documents manque dans le dossier des données.</numerusform>
            <numerusform>%n fichiers de photos ou de documents manquent dans le dossier des données.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrowserPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/browser_panel.py" line="249"/>
        <source>&lt;b&gt;Fiches&lt;/b&gt; (%n)</source>
        <translation>
            <numerusform>&lt;b&gt;Fiche&lt;/b&gt; (%n)</numerusform>
            <numerusform>&lt;b&gt;Fiches&lt;/b&gt; (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClockNotice</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/clock_notice.py" line="48"/>
        <source>%n heure(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/clock_notice.py" line="49"/>
        <source>%n jour(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/dashboard_view.py" line="186"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n lieu</numerusform>
            <numerusform>%n lieux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/dashboard_view.py" line="187"/>
        <source>%n visité(s)</source>
        <translation>
            <numerusform>%n visité</numerusform>
            <numerusform>%n visités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/dashboard_view.py" line="189"/>
        <source>%n visite(s)</source>
        <translation>
            <numerusform>%n visite</numerusform>
            <numerusform>%n visites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EarlierActionsPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="102"/>
        <source>%n action(s) encore ouverte(s) des visites précédentes</source>
        <translation>
            <numerusform>%n action encore ouverte des visites précédentes</numerusform>
            <numerusform>%n actions encore ouvertes des visites précédentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="104"/>
        <source>%n action(s) encore ouverte(s) des fiches précédentes</source>
        <translation>
            <numerusform>%n action encore ouverte des fiches précédentes</numerusform>
            <numerusform>%n actions encore ouvertes des fiches précédentes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="45"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n lieu</numerusform>
            <numerusform>%n lieux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="46"/>
        <source>%n fiche(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="47"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="51"/>
        <source>%n photo(s) de personnes reconnaissables sans autorisation laissée(s) de côté.</source>
        <translation>
            <numerusform>%n photo de personnes reconnaissables sans autorisation laissée de côté.</numerusform>
            <numerusform>%n photos de personnes reconnaissables sans autorisation laissées de côté.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportCounts</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="234"/>
        <source>%n fiche(s)</source>
        <translation>
            <numerusform>%n fiche</numerusform>
            <numerusform>%n fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="237"/>
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="240"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n lieu</numerusform>
            <numerusform>%n lieux</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowupNotice</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_notice.py" line="64"/>
        <source>%n action(s) en retard</source>
        <translation>
            <numerusform>%n action en retard</numerusform>
            <numerusform>%n actions en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_notice.py" line="66"/>
        <source>%n convention(s) finissant d&apos;ici 3 mois</source>
        <translation>
            <numerusform>%n convention finissant d&apos;ici 3 mois</numerusform>
            <numerusform>%n conventions finissant d&apos;ici 3 mois</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowupTexts</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_tabs.py" line="57"/>
        <source>%n jour(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_tabs.py" line="60"/>
        <source>%n mois</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowupView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_view.py" line="242"/>
        <source>%n photo(s) à vérifier (droit à l&apos;image)</source>
        <translation>
            <numerusform>%n photo à vérifier (droit à l&apos;image)</numerusform>
            <numerusform>%n photos à vérifier (droit à l&apos;image)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/form/form_view.py" line="332"/>
        <source>%n champ(s) repris de la %1 : vérifiez-les avec le lieu.</source>
        <translation>
            <numerusform>%n champ repris de la %1 : vérifiez-le avec le lieu.</numerusform>
            <numerusform>%n champs repris de la %1 : vérifiez-les avec le lieu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/main_window.py" line="366"/>
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
        <location filename="../../desktop/ui/views/photo_panel.py" line="424"/>
        <source>%n photo(s) ajoutée(s).</source>
        <translation>
            <numerusform>%n photo ajoutée.</numerusform>
            <numerusform>%n photos ajoutées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Resigning</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/resign_progress.py" line="89"/>
        <source>%Ln visite(s) signée(s) à votre nom.</source>
        <translation>
            <numerusform>%Ln visite signée à votre nom.</numerusform>
            <numerusform>%Ln visites signées à votre nom.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/search_dialog.py" line="92"/>
        <source>Les %n fiches les plus pertinentes parmi les %1 ajoutées le plus récemment qui contiennent ces mots ; les plus anciennes n&apos;ont pas été classées : précisez la recherche.</source>
        <translation>
            <numerusform>%n fiche, la plus pertinente, parmi les %1 ajoutées le plus récemment qui contiennent ces mots ; les plus anciennes n&apos;ont pas été classées : précisez la recherche.</numerusform>
            <numerusform>Les %n fiches les plus pertinentes parmi les %1 ajoutées le plus récemment qui contiennent ces mots ; les plus anciennes n&apos;ont pas été classées : précisez la recherche.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/search_dialog.py" line="103"/>
        <source>Les %n fiches les plus pertinentes : précisez pour en voir d&apos;autres.</source>
        <translation>
            <numerusform>%n fiche, la plus pertinente : précisez pour en voir d&apos;autres.</numerusform>
            <numerusform>Les %n fiches les plus pertinentes : précisez pour en voir d&apos;autres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/search_dialog.py" line="109"/>
        <source>%n fiche(s) trouvée(s)</source>
        <translation>
            <numerusform>%n fiche trouvée</numerusform>
            <numerusform>%n fiches trouvées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/sheet_actions.py" line="67"/>
        <source>%n photo(s) sans autorisation laissée(s) hors de la fiche.</source>
        <translation>
            <numerusform>%n photo sans autorisation laissée hors de la fiche.</numerusform>
            <numerusform>%n photos sans autorisation laissées hors de la fiche.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/models/visit_table_model.py" line="82"/>
        <source>⚠ %n à corriger</source>
        <translation>
            <numerusform>⚠ %n à corriger</numerusform>
            <numerusform>⚠ %n à corriger</numerusform>
        </translation>
    </message>
</context>
</TS>
