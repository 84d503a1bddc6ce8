<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="17"/>
        <source>À propos de Carnet</source>
        <translation>About Carnet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="18"/>
        <source>&lt;h3&gt;Carnet — visites de tiers-lieux&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Fiches de visite hors ligne pour les animateur·rices des réseaux de tiers-lieux.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Annuaire des lieux&lt;/b&gt; : %2&lt;/p&gt;&lt;p&gt;Données locales : %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Carnet — third-place visits&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Offline visit records for facilitators of third-place (tiers-lieux) networks.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Venue directory&lt;/b&gt;: %2&lt;/p&gt;&lt;p&gt;Local data: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="34"/>
        <source>Un modèle de fiche est invalide, Carnet ne peut pas continuer : %1</source>
        <translation>A sheet template is invalid, Carnet cannot go on: %1</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <location filename="../../desktop/ui/autosave.py" line="55"/>
        <source>Enregistrement impossible pour l&apos;instant (%1). Vos saisies sont gardées et seront enregistrées dès que possible.</source>
        <translation>Cannot save right now (%1). Your entries are kept and will be saved as soon as possible.</translation>
    </message>
</context>
<context>
    <name>BrowserPanel</name>
    <message>
        <location filename="../../desktop/ui/browser_panel.py" line="35"/>
        <source>Filtrer les lieux (nom, commune)… Ctrl+L</source>
        <translation>Filter venues (name, town)… Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browser_panel.py" line="64"/>
        <source>&lt;b&gt;Lieux&lt;/b&gt;</source>
        <translation>&lt;b&gt;Venues&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/browser_panel.py" line="116"/>
        <source>&lt;b&gt;Visites&lt;/b&gt; (%n)</source>
        <translation>
            <numerusform>&lt;b&gt;Visit&lt;/b&gt; (%n)</numerusform>
            <numerusform>&lt;b&gt;Visits&lt;/b&gt; (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../desktop/ui/form/field_widgets.py" line="209"/>
        <source>— (non renseignée)</source>
        <translation>— (not set)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/field_widgets.py" line="216"/>
        <source>Effacer la date</source>
        <translation>Clear the date</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="77"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="77"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="77"/>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="95"/>
        <location filename="../../desktop/ui/documents_panel.py" line="100"/>
        <source>AAAA-MM-JJ</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="103"/>
        <source>Date de fin de la convention d&apos;occupation ou du bail</source>
        <translation>End date of the occupation agreement or lease</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="108"/>
        <source>Type :</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="109"/>
        <source>Date du document :</source>
        <translation>Document date:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="110"/>
        <source>Fin de la convention :</source>
        <translation>Agreement ends:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="113"/>
        <source>Joindre un document…</source>
        <translation>Attach a document…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="115"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="117"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="118"/>
        <source>Mettre le document à la corbeille</source>
        <translation>Move the document to the bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="120"/>
        <source>ou glissez-déposez des fichiers sur cette section</source>
        <translation>or drag and drop files onto this section</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="130"/>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="131"/>
        <source>Remettre le document dans la liste</source>
        <translation>Put the document back in the list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="147"/>
        <source>Statuts</source>
        <translation>Articles of association</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="148"/>
        <source>Règlement intérieur</source>
        <translation>Internal rules</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="149"/>
        <source>Charte</source>
        <translation>Charter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="150"/>
        <source>Convention d&apos;occupation / bail</source>
        <translation>Occupation agreement / lease</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="151"/>
        <source>Délibération</source>
        <translation>Council decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="152"/>
        <source>Comptes annuels</source>
        <translation>Annual accounts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="153"/>
        <source>PV d&apos;assemblée</source>
        <translation>General meeting minutes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="154"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="242"/>
        <source>Joindre des documents au lieu</source>
        <translation>Attach documents to the venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="244"/>
        <source>Documents (%1);;Tous les fichiers (*)</source>
        <translation>Documents (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="259"/>
        <source>%1 : impossible de joindre ce fichier (%2).</source>
        <translation>%1: this file cannot be attached (%2).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="278"/>
        <source>1 document joint.</source>
        <translation>1 document attached.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="280"/>
        <source>%1 documents joints.</source>
        <translation>%1 documents attached.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="283"/>
        <source>Non joints :</source>
        <translation>Not attached:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="290"/>
        <source>Documents non joints</source>
        <translation>Documents not attached</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="291"/>
        <source>Certains fichiers n&apos;ont pas été joints ; les autres l&apos;ont été.</source>
        <translation>Some files were not attached; the others were.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="333"/>
        <source>Le fichier de « %1 » est introuvable dans le dossier de données.</source>
        <translation>The file of “%1” is missing from the data folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="339"/>
        <source>Aucune application n&apos;a pu ouvrir « %1 ».</source>
        <translation>No application could open “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="356"/>
        <source>Document mis à la corbeille</source>
        <translation>Document moved to the bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="367"/>
        <source>Document remis dans la liste</source>
        <translation>Document put back in the list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="405"/>
        <source>Type enregistré : %1.</source>
        <translation>Type saved: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="426"/>
        <source>Date enregistrée.</source>
        <translation>Date saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="426"/>
        <source>Date effacée.</source>
        <translation>Date cleared.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="435"/>
        <source>Non enregistré : %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="454"/>
        <source>Date enregistrée. Ce lieu n&apos;a pas encore de visite : aucune section « Lieu et occupation » à mettre à jour.</source>
        <translation>Date saved. This venue has no visit yet: there is no “Premises and occupation” section to update.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="466"/>
        <source>Date de fin reportée dans la section « Lieu et occupation » de la visite du %1.</source>
        <translation>End date copied into the “Premises and occupation” section of the visit of %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="473"/>
        <source>Date de fin de l&apos;occupation</source>
        <translation>End of occupation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/documents_panel.py" line="474"/>
        <source>Reporter cette date de fin (%1) dans la section « Lieu et occupation » de la dernière visite de ce lieu ?</source>
        <translation>Copy this end date (%1) into the “Premises and occupation” section of this venue’s latest visit?</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../desktop/ui/form/form_view.py" line="136"/>
        <source>Tout est à jour</source>
        <translation>All up to date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/form_view.py" line="137"/>
        <source>Retirer la mention « reporté » des champs de cette section</source>
        <translation>Remove the “carried over” mark from the fields of this section</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/form_view.py" line="178"/>
        <source>↺ Reporté de la visite du %1 — à vérifier</source>
        <translation>↺ Carried over from the visit of %1 — to check</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/form/form_view.py" line="190"/>
        <source>%n champ(s) repris de la visite du %1 : vérifiez-les avec le lieu.</source>
        <translation>
            <numerusform>%n field carried over from the visit of %1: check it with the venue.</numerusform>
            <numerusform>%n fields carried over from the visit of %1: check them with the venue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="41"/>
        <source>Carnet — visites de tiers-lieux</source>
        <translation>Carnet — third-place visits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="44"/>
        <source>&lt;h2&gt;Bienvenue dans Carnet&lt;/h2&gt;&lt;p&gt;Choisissez un lieu à gauche, ou créez-en un avec &lt;b&gt;Fichier › Nouveau lieu&lt;/b&gt; (Ctrl+Maj+N).&lt;/p&gt;&lt;p&gt;Tout ce que vous saisissez est enregistré automatiquement, sans réseau.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Welcome to Carnet&lt;/h2&gt;&lt;p&gt;Choose a venue on the left, or create one with &lt;b&gt;File › New venue&lt;/b&gt; (Ctrl+Shift+N).&lt;/p&gt;&lt;p&gt;Everything you enter is saved automatically, without any network.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="66"/>
        <source>Prêt — données locales : %1</source>
        <translation>Ready — local data: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="101"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="102"/>
        <source>Nouveau &amp;lieu…</source>
        <translation>New &amp;venue…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="104"/>
        <source>&amp;Nouvelle visite</source>
        <translation>&amp;New visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="107"/>
        <source>Générer la fiche &amp;PDF</source>
        <translation>Générer la fiche &amp;PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="108"/>
        <source>Fiche PDF (&amp;options)…</source>
        <translation>Fiche PDF (&amp;options)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="111"/>
        <source>&amp;Exporter (JSON)…</source>
        <translation>&amp;Export (JSON)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="112"/>
        <source>&amp;Importer (JSON)…</source>
        <translation>&amp;Import (JSON)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="114"/>
        <source>&amp;Préférences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="115"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="116"/>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="117"/>
        <source>&amp;Annuler la suppression</source>
        <translation>&amp;Undo delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="120"/>
        <source>Supprimer la &amp;visite</source>
        <translation>Delete v&amp;isit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="122"/>
        <source>Supprimer le &amp;lieu</source>
        <translation>Delete &amp;venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="123"/>
        <source>&amp;Corbeille…</source>
        <translation>&amp;Bin…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="124"/>
        <source>&amp;Aller</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125"/>
        <source>&amp;Rechercher dans les visites…</source>
        <translation>&amp;Search visits…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="127"/>
        <source>&amp;Filtrer les lieux</source>
        <translation>&amp;Filter venues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="128"/>
        <source>Fiche du &amp;lieu</source>
        <translation>&amp;Venue details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="129"/>
        <source>Fermer la &amp;visite</source>
        <translation>&amp;Close visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131"/>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="132"/>
        <source>À &amp;propos de Carnet</source>
        <translation>&amp;About Carnet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="186"/>
        <source>Enregistré à %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="219"/>
        <source>Nouvelle visite</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="220"/>
        <source>Choisissez d&apos;abord un lieu dans la liste.</source>
        <translation>First choose a venue from the list.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="229"/>
        <source>Gouvernance, modèle économique et occupation repris de la visite du %1 : vérifiez-les.</source>
        <translation>Governance, business model and occupancy carried over from the visit of %1: please check them.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="244"/>
        <source>Visite mise à la corbeille.</source>
        <translation>Visit moved to the bin.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="259"/>
        <source>Lieu mis à la corbeille, avec ses visites.</source>
        <translation>Venue moved to the bin, with its visits.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="263"/>
        <source>Ctrl+Z pour annuler, ou Édition › Corbeille.</source>
        <translation>Ctrl+Z to undo, or Edit › Bin.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="287"/>
        <source>Restauré.</source>
        <translation>Restored.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="321"/>
        <source>Fiche PDF</source>
        <translation>Fiche PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="322"/>
        <source>Ouvrez d&apos;abord une visite.</source>
        <translation>Ouvrez d&apos;abord une visite.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="334"/>
        <source>Fiche PDF en cours…</source>
        <translation>Fiche PDF en cours…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="347"/>
        <source>Fiche enregistrée : %1</source>
        <translation>Fiche enregistrée : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="349"/>
        <source>%n photo(s) sans autorisation laissée(s) hors de la fiche.</source>
        <translation>
            <numerusform>%n photo without consent left out of the sheet.</numerusform>
            <numerusform>%n photos without consent left out of the sheet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="358"/>
        <source>Exporter les lieux et visites</source>
        <translation>Export venues and visits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="362"/>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="370"/>
        <source>Importer un export Carnet</source>
        <translation>Import a Carnet export</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="374"/>
        <source>Import en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="379"/>
        <source>Export terminé : %1 lieux, %2 visites, %3 photos.</source>
        <translation>Export finished: %1 venues, %2 visits, %3 photos.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="384"/>
        <source>%n photo(s) de personnes reconnaissables sans autorisation laissée(s) de côté.</source>
        <translation>
            <numerusform>%n photo of identifiable people without consent left out.</numerusform>
            <numerusform>%n photos of identifiable people without consent left out.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="393"/>
        <source>Import terminé : %1 nouveaux, %2 mis à jour.</source>
        <translation>Import complete: %1 new, %2 updated.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="449"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n venue</numerusform>
            <numerusform>%n venues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="459"/>
        <source>Les dernières modifications n&apos;ont pas pu être enregistrées (disque plein ou inaccessible ?). Quitter quand même et les perdre ?</source>
        <translation>Your latest changes could not be saved (disk full or unavailable?). Quit anyway and lose them?</translation>
    </message>
</context>
<context>
    <name>NewVenueDialog</name>
    <message>
        <location filename="../../desktop/ui/new_venue_dialog.py" line="28"/>
        <source>Nouveau lieu</source>
        <translation>New venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_venue_dialog.py" line="34"/>
        <source>Nom du lieu, ou commune pour chercher dans l&apos;annuaire</source>
        <translation>Venue name, or town to search the directory</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_venue_dialog.py" line="45"/>
        <source>Créer le lieu</source>
        <translation>Create venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_venue_dialog.py" line="49"/>
        <source>&amp;Nom :</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_venue_dialog.py" line="50"/>
        <source>&amp;Commune :</source>
        <translation>&amp;Town:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_venue_dialog.py" line="54"/>
        <source>Lieux connus de l&apos;annuaire national (cliquez pour reprendre) :</source>
        <translation>Venues in the national directory (click one to use it):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_venue_dialog.py" line="87"/>
        <source>Identité reprise de l&apos;annuaire : %1</source>
        <translation>Details taken from the directory: %1</translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <location filename="../../desktop/ui/pdf_dialog.py" line="11"/>
        <source>Fiche de visite PDF</source>
        <translation>Fiche de visite PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_dialog.py" line="13"/>
        <source>Réseau (collègues, dossier partagé)</source>
        <translation>Réseau (collègues, dossier partagé)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_dialog.py" line="14"/>
        <source>Public (le lieu, les partenaires)</source>
        <translation>Public (le lieu, les partenaires)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_dialog.py" line="15"/>
        <source>Interne (cet ordinateur)</source>
        <translation>Interne (cet ordinateur)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_dialog.py" line="16"/>
        <source>Imprimer les champs vides, à remplir à la main</source>
        <translation>Imprimer les champs vides, à remplir à la main</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_dialog.py" line="17"/>
        <source>Les photos sont reprises selon les autorisations de droit à l&apos;image pour cette diffusion.</source>
        <translation>Les photos sont reprises selon les autorisations de droit à l&apos;image pour cette diffusion.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_dialog.py" line="23"/>
        <source>Générer</source>
        <translation>Générer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pdf_dialog.py" line="27"/>
        <source>Diffusion :</source>
        <translation>Diffusion :</translation>
    </message>
</context>
<context>
    <name>PhotoDetails</name>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="108"/>
        <source>Légende de la photo</source>
        <translation>Photo caption</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="110"/>
        <source>AAAA-MM-JJ</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="113"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="114"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="116"/>
        <source>Référence ou texte de l&apos;autorisation</source>
        <translation>Reference or text of the consent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="119"/>
        <source>Interne</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="119"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="120"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="126"/>
        <source>Légende :</source>
        <translation>Caption:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="127"/>
        <source>Prise le :</source>
        <translation>Taken on:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="128"/>
        <source>Personnes reconnaissables :</source>
        <translation>Identifiable people:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="129"/>
        <source>Autorisation obtenue :</source>
        <translation>Consent obtained:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="130"/>
        <source>Usage autorisé :</source>
        <translation>Allowed use:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="145"/>
        <source>Personnes reconnaissables sans autorisation : cette photo reste sur cet ordinateur, hors des fiches et exports partagés.</source>
        <translation>Identifiable people without consent: this photo stays on this computer, out of shared sheets and exports.</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="182"/>
        <source>Ajouter des photos…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="184"/>
        <source>Coller une image</source>
        <translation>Paste an image</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="186"/>
        <source>Retirer la photo</source>
        <translation>Remove the photo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="188"/>
        <source>ou glissez-déposez des photos ou un dossier sur la visite</source>
        <translation>or drag and drop photos or a folder onto the visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="234"/>
        <source>Personnes reconnaissables sans autorisation</source>
        <translation>Identifiable people without consent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="291"/>
        <source>Photo retirée (elle reste dans la corbeille).</source>
        <translation>Photo removed (it stays in the bin).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="307"/>
        <source>Ajouter des photos</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="338"/>
        <source>Préparation des photos…</source>
        <translation>Preparing the photos…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="354"/>
        <source>%v / %m photos</source>
        <translation>%v / %m photos</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/photo_panel.py" line="367"/>
        <source>%n photo(s) ajoutée(s).</source>
        <translation>
            <numerusform>%n photo added.</numerusform>
            <numerusform>%n photos added.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_panel.py" line="374"/>
        <source>L&apos;ajout des photos a échoué : %1</source>
        <translation>Adding the photos failed: %1</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../desktop/ui/photo_viewer.py" line="16"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_viewer.py" line="26"/>
        <source>Légende</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_viewer.py" line="31"/>
        <source>◀ Précédente</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/photo_viewer.py" line="33"/>
        <source>Suivante ▶</source>
        <translation>Next ▶</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="23"/>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="27"/>
        <source>Réseau des tiers-lieux</source>
        <translation>Réseau des tiers-lieux</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="29"/>
        <source>Logo par défaut de Carnet</source>
        <translation>Logo par défaut de Carnet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="30"/>
        <source>Choisir…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="36"/>
        <source>Langue du système</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="46"/>
        <source>Votre &amp;nom :</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="47"/>
        <source>&amp;Réseau (fiches PDF) :</source>
        <translation>&amp;Réseau (fiches PDF) :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="48"/>
        <source>Logo du réseau (PNG, JPEG) :</source>
        <translation>Logo du réseau (PNG, JPEG) :</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="49"/>
        <source>&amp;Langue (au prochain démarrage) :</source>
        <translation>&amp;Language (from next start):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/preferences_dialog.py" line="53"/>
        <source>Logo du réseau</source>
        <translation>Logo du réseau</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../desktop/ui/search_dialog.py" line="36"/>
        <source>Rechercher dans les visites</source>
        <translation>Search visits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_dialog.py" line="40"/>
        <source>Mots à chercher dans toutes les visites…</source>
        <translation>Words to look for in all visits…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search_dialog.py" line="74"/>
        <source>%n visite(s) trouvée(s)</source>
        <translation>
            <numerusform>%n visit found</numerusform>
            <numerusform>%n visits found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../desktop/ui/form/table_editor.py" line="70"/>
        <source>Date au format AAAA-MM-JJ</source>
        <translation>Date as YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/table_editor.py" line="73"/>
        <source>Ajouter une ligne</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/table_editor.py" line="75"/>
        <source>Supprimer la ligne</source>
        <translation>Delete the row</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../desktop/ui/trash_dialog.py" line="28"/>
        <source>Corbeille</source>
        <translation>Bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/trash_dialog.py" line="33"/>
        <source>&amp;Restaurer</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/trash_dialog.py" line="40"/>
        <source>Les éléments supprimés restent ici et peuvent être restaurés.</source>
        <translation>Deleted items stay here and can be restored.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/trash_dialog.py" line="49"/>
        <source>%1 — supprimé le %2</source>
        <translation>%1 — deleted on %2</translation>
    </message>
</context>
<context>
    <name>VenueEditor</name>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="150"/>
        <source>Documents de gouvernance</source>
        <translation>Governance documents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="151"/>
        <source>Nouvelle visite</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="166"/>
        <source>Lieu sans nom</source>
        <translation>Unnamed venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="167"/>
        <source>Fiche d&apos;identité du lieu, commune à toutes ses visites</source>
        <translation>Venue details, shared by all its visits</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="81"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="86"/>
        <source>Supprimer la visite</source>
        <translation>Delete visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="87"/>
        <source>Mettre la visite à la corbeille (Suppr)</source>
        <translation>Move the visit to the bin (Del)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="130"/>
        <source>date à préciser</source>
        <translation>date to be confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="132"/>
        <source>Visite du %1 — %2</source>
        <translation>Visit of %1 — %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/document_editor.py" line="135"/>
        <source>Complétude : %1 · enregistrement automatique</source>
        <translation>Completeness: %1 · saved automatically</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../desktop/ui/visit_table_model.py" line="21"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/visit_table_model.py" line="21"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/visit_table_model.py" line="21"/>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/visit_table_model.py" line="22"/>
        <source>Complétude</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/visit_table_model.py" line="22"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/visit_table_model.py" line="52"/>
        <source>Des champs sont à corriger : ouvrez la visite pour les voir.</source>
        <translation>Some fields need fixing: open the visit to see them.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/visit_table_model.py" line="65"/>
        <source>⚠ %n à corriger</source>
        <translation>
            <numerusform>⚠ %n to fix</numerusform>
            <numerusform>⚠ %n to fix</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/visit_table_model.py" line="66"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../../desktop/ui/form/field_widgets.py" line="168"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/field_widgets.py" line="169"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
</context>
</TS>
