<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="18"/>
        <source>À propos de Carnet</source>
        <translation>About Carnet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/about_dialog.py" line="19"/>
        <source>&lt;h3&gt;Carnet — visites de tiers-lieux&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Fiches de visite hors ligne pour les animateur·rices des réseaux de tiers-lieux.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Annuaire des lieux&lt;/b&gt; : %2&lt;/p&gt;&lt;p&gt;Données locales : %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Carnet — third-place visits&lt;/h3&gt;&lt;p&gt;Version %1&lt;/p&gt;&lt;p&gt;Offline visit records for facilitators of third-place (tiers-lieux) networks.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Venue directory&lt;/b&gt;: %2&lt;/p&gt;&lt;p&gt;Local data: %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="57"/>
        <source>Un modèle de fiche est invalide, Carnet ne peut pas continuer : %1</source>
        <translation>A sheet template is invalid, Carnet cannot go on: %1</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <location filename="../../desktop/ui/controllers/autosave.py" line="135"/>
        <source>Enregistrement refusé : %1</source>
        <translation>Save refused: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/autosave.py" line="152"/>
        <source>Enregistrement impossible pour l&apos;instant (%1). Vos saisies sont gardées et seront enregistrées dès que possible.</source>
        <translation>Cannot save right now (%1). Your entries are kept and will be saved as soon as possible.</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="161"/>
        <source>Sauvegarde automatique impossible : %1</source>
        <translation>Automatic backup not possible: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="152"/>
        <source>Sauvegarde automatique faite (%1).</source>
        <translation>Automatic backup done (%1).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="177"/>
        <source>La sauvegarde automatique a échoué : %1</source>
        <translation>The automatic backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="190"/>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="194"/>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="210"/>
        <source>Sauvegarde</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="186"/>
        <source>Sauvegarde enregistrée : %1 (%2).</source>
        <translation>Backup saved: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="142"/>
        <source>Copie avec les photos et documents dans « %1 ».</source>
        <translation>Copy with the photos and documents in “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="231"/>
        <source>Restauration en cours…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="255"/>
        <source>Sauvegarde du %1 restaurée (%2).</source>
        <translation>Backup of %1 restored (%2).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="261"/>
        <source>L&apos;état d&apos;avant la restauration est gardé dans la sauvegarde « %1 ».</source>
        <translation>The state from before the restore is kept in the backup “%1”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="267"/>
        <source>%n fichier(s) de photos ou de documents manquent dans le dossier des données (les fiches concernées s&apos;afficheront sans eux).</source>
        <translation>
            <numerusform>%n photo or document file is missing from the data folder (the sheets concerned will be shown without it).</numerusform>
            <numerusform>%n photo or document files are missing from the data folder (the sheets concerned will be shown without them).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="277"/>
        <source>Restauration terminée</source>
        <translation>Restore complete</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="285"/>
        <source>%n champ(s) modifié(s) sur ce poste depuis la sauvegarde reprennent leur valeur de la sauvegarde.</source>
        <translation>
            <numerusform>%n field changed on this computer since the backup is back to its value in the backup.</numerusform>
            <numerusform>%n fields changed on this computer since the backup are back to their value in the backup.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="292"/>
        <source>%n élément(s) créé(s) sur ce poste depuis la sauvegarde sont dans la corbeille.</source>
        <translation>
            <numerusform>%n item created on this computer since the backup is in the trash.</numerusform>
            <numerusform>%n items created on this computer since the backup are in the trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="298"/>
        <source>%n conflit(s) en attente sur ces champs sont tranchés par la restauration : la version de vos collègues reste dans la sauvegarde « avant restauration ».</source>
        <translation>
            <numerusform>%n open conflict on these fields is settled by the restore: your colleagues’ version stays in the “before restore” backup.</numerusform>
            <numerusform>%n open conflicts on these fields are settled by the restore: your colleagues’ versions stay in the “before restore” backup.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/backup_controller.py" line="305"/>
        <source>Vos collègues verront aussi ces changements à la prochaine synchronisation.</source>
        <translation>Your colleagues will see these changes too at the next sync.</translation>
    </message>
</context>
<context>
    <name>BackupCounts</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="39"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n venue</numerusform>
            <numerusform>%n venues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="42"/>
        <source>%n fiche(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
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
            <numerusform>%n photo or document file is missing from the data folder.</numerusform>
            <numerusform>%n photo or document files are missing from the data folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../desktop/ui/views/dashboard_charts.py" line="37"/>
        <source>Graphique</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_charts.py" line="89"/>
        <source>Aucune donnée</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>BrowserPanel</name>
    <message>
        <location filename="../../desktop/ui/views/browser_panel.py" line="60"/>
        <source>Filtrer les lieux (nom, commune)… Ctrl+L</source>
        <translation>Filter venues (name, town)… Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/browser_panel.py" line="62"/>
        <source>Filtrer les lieux</source>
        <translation>Filter venues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/browser_panel.py" line="70"/>
        <source>Lieux</source>
        <translation>Venues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/browser_panel.py" line="85"/>
        <source>Fiches du lieu : visites, comptes rendus</source>
        <translation>The venue&apos;s records: visits, minutes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/browser_panel.py" line="249"/>
        <source>&lt;b&gt;Fiches&lt;/b&gt; (%n)</source>
        <translation>
            <numerusform>&lt;b&gt;Record&lt;/b&gt; (%n)</numerusform>
            <numerusform>&lt;b&gt;Records&lt;/b&gt; (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/browser_panel.py" line="108"/>
        <source>&lt;b&gt;Lieux&lt;/b&gt;</source>
        <translation>&lt;b&gt;Venues&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ClockNotice</name>
    <message>
        <location filename="../../desktop/ui/views/clock_notice.py" line="35"/>
        <source>⚠ L&apos;horloge de %1 (appareil %2) avance de %3 sur celle de cet ordinateur : jusqu&apos;au %4, ses modifications l&apos;emportent sur celles faites ici en même temps. Demandez-lui de remettre son ordinateur à l&apos;heure.</source>
        <translation>⚠ The clock of %1 (device %2) is %3 ahead of this computer&apos;s: until %4, their edits win over those made here at the same time. Ask them to set their computer&apos;s date and time right.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/clock_notice.py" line="48"/>
        <source>%n heure(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/clock_notice.py" line="49"/>
        <source>%n jour(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DamagedStart</name>
    <message>
        <location filename="../../desktop/ui/dialogs/damaged_start.py" line="86"/>
        <source>La base de données est endommagée</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/damaged_start.py" line="92"/>
        <source>Carnet ne peut pas ouvrir sa base de données sans risque : le fichier « %1 » est endommagé (%2).

La dernière sauvegarde date du %3 (%4). Carnet peut la restaurer : le fichier endommagé sera mis de côté (renommé, jamais effacé) dans le même dossier.</source>
        <translation>Carnet cannot safely open its database: the file “%1” is damaged (%2).

The latest backup is from %3 (%4). Carnet can restore it: the damaged file will be set aside (renamed, never deleted) in the same folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/damaged_start.py" line="100"/>
        <source>Restaurer la sauvegarde</source>
        <translation>Restore the backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/damaged_start.py" line="102"/>
        <source>Carnet ne peut pas ouvrir sa base de données sans risque : le fichier « %1 » est endommagé (%2).

Aucune sauvegarde n&apos;a été trouvée. Carnet peut démarrer avec une base vide : le fichier endommagé sera gardé de côté (renommé, jamais effacé) dans le même dossier.</source>
        <translation>Carnet cannot safely open its database: the file “%1” is damaged (%2).

No backup was found. Carnet can start with an empty database: the damaged file will be kept aside (renamed, never deleted) in the same folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/damaged_start.py" line="109"/>
        <source>Démarrer avec une base vide</source>
        <translation>Start with an empty database</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/damaged_start.py" line="113"/>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/damaged_start.py" line="124"/>
        <source>Carnet démarre avec une base vide.</source>
        <translation>Carnet is starting with an empty database.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/damaged_start.py" line="126"/>
        <source>La sauvegarde du %1 a été restaurée (%2).</source>
        <translation>The backup of %1 has been restored (%2).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/damaged_start.py" line="131"/>
        <source>Le fichier endommagé est gardé dans « %1 ».</source>
        <translation>The damaged file is kept in “%1”.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/controllers/dashboard_page.py" line="40"/>
        <source>Bilan annuel enregistré : %1</source>
        <translation>Annual report saved: %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="58"/>
        <source>Bilan annuel (PDF)…</source>
        <translation>Annual report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="71"/>
        <source>Année</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="73"/>
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="74"/>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="217"/>
        <source>Tout le réseau</source>
        <translation>Whole network</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="77"/>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="159"/>
        <source>Calcul en cours…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="79"/>
        <source>Chiffres</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="84"/>
        <source>Copier les chiffres</source>
        <translation>Copy the figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="86"/>
        <source>Lieux de la barre choisie</source>
        <translation>Venues of the chosen bar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="87"/>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="233"/>
        <source>Cliquez sur une barre pour voir ses lieux.</source>
        <translation>Click a bar to see its venues.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="105"/>
        <source>&lt;h2&gt;Tableau de bord&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Dashboard&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="108"/>
        <source>A&amp;nnée :</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="109"/>
        <source>&amp;Territoire :</source>
        <translation>&amp;Territory:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="140"/>
        <source>&amp;Graphiques</source>
        <translation>&amp;Charts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="141"/>
        <source>&amp;Carte des lieux</source>
        <translation>Venue &amp;map</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="184"/>
        <source>%1 : %2, %3 en %4, %5.</source>
        <translation>%1: %2, %3 in %4, %5.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/dashboard_view.py" line="186"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n venue</numerusform>
            <numerusform>%n venues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/dashboard_view.py" line="187"/>
        <source>%n visité(s)</source>
        <translation>
            <numerusform>%n visited</numerusform>
            <numerusform>%n visited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/dashboard_view.py" line="189"/>
        <source>%n visite(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="206"/>
        <source>Visites par mois</source>
        <translation>Visits per month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="207"/>
        <source>Conventions qui prennent fin</source>
        <translation>Agreements ending</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="208"/>
        <source>Actions en retard par responsable</source>
        <translation>Overdue actions by owner</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="209"/>
        <source>Lieux sans visite depuis 12 mois</source>
        <translation>Venues not visited for 12 months</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="221"/>
        <source>Département %1</source>
        <translation>Département %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_view.py" line="246"/>
        <source>« %1 » : %2 lieu(x)</source>
        <translation>“%1”: %2 venue(s)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/ui/form/date_field.py" line="156"/>
        <source>Choisir dans le calendrier (Alt+Bas)</source>
        <translation>Pick from the calendar (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/date_field.py" line="157"/>
        <source>Calendrier</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/date_field.py" line="160"/>
        <source>Date illisible, gardée telle quelle : écrivez JJ/MM/AAAA.</source>
        <translation>Unreadable date, kept as typed: write DD/MM/YYYY.</translation>
    </message>
</context>
<context>
    <name>DateLineEdit</name>
    <message>
        <location filename="../../desktop/ui/form/date_field.py" line="55"/>
        <source>JJ/MM/AAAA</source>
        <translation>DD/MM/YYYY</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/date_field.py" line="58"/>
        <source>Effacer la date</source>
        <translation>Clear the date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/date_field.py" line="59"/>
        <source>Effacer la date (Suppr)</source>
        <translation>Clear the date (Delete)</translation>
    </message>
</context>
<context>
    <name>DeviceNotice</name>
    <message>
        <location filename="../../desktop/ui/controllers/device_notice.py" line="16"/>
        <source>Ces données viennent d&apos;un autre ordinateur ou d&apos;un autre dossier (sauvegarde restaurée, dossier copié). Pour que deux ordinateurs n&apos;écrivent jamais le même dossier du partage, Carnet signe désormais les modifications faites ici avec un nouvel identifiant d&apos;appareil : %1 (l&apos;ancien : %2).</source>
        <translation>This data comes from another computer or another folder (a restored backup, a copied folder). So that two computers never write the same folder of the share, Carnet now signs the changes made here with a new device id: %1 (the former one: %2).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/device_notice.py" line="26"/>
        <source>Rien n&apos;est perdu : les modifications déjà faites gardent leur auteur, et celles que l&apos;ancien appareil n&apos;avait pas encore partagées le seront depuis cet ordinateur.</source>
        <translation>Nothing is lost: the changes already made keep their author, and those the former device had not shared yet will be shared from this computer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/device_notice.py" line="31"/>
        <source>Si l&apos;ancien ordinateur ne sert plus (perdu, remplacé), reprenez ses fiches PDF : Synchronisation › Collègues › « Reprendre ses fiches (ordinateur retiré)… ».</source>
        <translation>If the former computer is no longer used (lost, replaced), take over its PDF sheets: Sync › Colleagues › “Take over their sheets (computer retired)…”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/device_notice.py" line="47"/>
        <source>Nouvel identifiant d&apos;appareil</source>
        <translation>New device id</translation>
    </message>
</context>
<context>
    <name>DocumentDetails</name>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="35"/>
        <source>Type de document</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="37"/>
        <location filename="../../desktop/ui/views/document_details.py" line="38"/>
        <source>Date du document</source>
        <translation>Document date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="41"/>
        <location filename="../../desktop/ui/views/document_details.py" line="42"/>
        <source>Fin de la convention</source>
        <translation>End of the agreement</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="44"/>
        <source>Date de fin de la convention d&apos;occupation ou du bail</source>
        <translation>End date of the occupation agreement or lease</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="50"/>
        <source>Type :</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="51"/>
        <source>Date du document :</source>
        <translation>Document date:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="52"/>
        <source>Fin de la convention :</source>
        <translation>Agreement ends:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="76"/>
        <source>Type enregistré : %1.</source>
        <translation>Type saved: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="87"/>
        <source>Date non enregistrée : « %1 » n&apos;est pas une date.</source>
        <translation>Date not saved: “%1” is not a date.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="97"/>
        <source>Date enregistrée.</source>
        <translation>Date saved.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="97"/>
        <source>Date effacée.</source>
        <translation>Date cleared.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="105"/>
        <source>Non enregistré : %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="125"/>
        <source>Date enregistrée. Ce lieu n&apos;a pas encore de visite : aucune section « Lieu et occupation » à mettre à jour.</source>
        <translation>Date saved. This venue has no visit yet: there is no “Premises and occupation” section to update.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="140"/>
        <source>Date de fin reportée dans la section « Lieu et occupation » de la visite du %1.</source>
        <translation>End date copied into the “Premises and occupation” section of the visit of %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="150"/>
        <source>Date de fin de l&apos;occupation</source>
        <translation>End of occupation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_details.py" line="153"/>
        <source>Reporter cette date de fin (%1) dans la section « Lieu et occupation » de la dernière visite de ce lieu ?</source>
        <translation>Copy this end date (%1) into the “Premises and occupation” section of this venue’s latest visit?</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="76"/>
        <source>Documents du lieu</source>
        <translation>The venue&apos;s documents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="78"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="78"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="78"/>
        <source>Fin</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="91"/>
        <source>Joindre un document…</source>
        <translation>Attach a document…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="93"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="95"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="96"/>
        <source>Mettre le document à la corbeille</source>
        <translation>Move the document to the bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="98"/>
        <source>ou glissez-déposez des fichiers sur cette section</source>
        <translation>or drag and drop files onto this section</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="108"/>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="109"/>
        <source>Remettre le document dans la liste</source>
        <translation>Put the document back in the list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="125"/>
        <source>Statuts</source>
        <translation>Articles of association</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="126"/>
        <source>Règlement intérieur</source>
        <translation>Internal rules</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="127"/>
        <source>Charte</source>
        <translation>Charter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="128"/>
        <source>Convention d&apos;occupation / bail</source>
        <translation>Occupation agreement / lease</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="129"/>
        <source>Délibération</source>
        <translation>Council decision</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="130"/>
        <source>Comptes annuels</source>
        <translation>Annual accounts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="131"/>
        <source>PV d&apos;assemblée</source>
        <translation>General meeting minutes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="132"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="233"/>
        <source>Joindre des documents au lieu</source>
        <translation>Attach documents to the venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="234"/>
        <source>Documents (%1);;Tous les fichiers (*)</source>
        <translation>Documents (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="250"/>
        <source>%1 : impossible de joindre ce fichier (%2).</source>
        <translation>%1: this file cannot be attached (%2).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="269"/>
        <source>1 document joint.</source>
        <translation>1 document attached.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="271"/>
        <source>%1 documents joints.</source>
        <translation>%1 documents attached.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="274"/>
        <source>Non joints :</source>
        <translation>Not attached:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="281"/>
        <source>Documents non joints</source>
        <translation>Documents not attached</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="282"/>
        <source>Certains fichiers n&apos;ont pas été joints ; les autres l&apos;ont été.</source>
        <translation>Some files were not attached; the others were.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="325"/>
        <source>Le fichier de « %1 » est introuvable dans le dossier de données.</source>
        <translation>The file of “%1” is missing from the data folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="332"/>
        <source>Aucune application n&apos;a pu ouvrir « %1 ».</source>
        <translation>No application could open “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="348"/>
        <source>Document mis à la corbeille</source>
        <translation>Document moved to the bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/documents_panel.py" line="359"/>
        <source>Document remis dans la liste</source>
        <translation>Document put back in the list</translation>
    </message>
</context>
<context>
    <name>EarlierActionsPanel</name>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="63"/>
        <source>Actions ouvertes des visites précédentes</source>
        <translation>Open actions of earlier visits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="65"/>
        <source>Actions ouvertes des fiches précédentes</source>
        <translation>Open actions of earlier records</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="67"/>
        <source>Visite du</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="67"/>
        <source>Fiche du</source>
        <translation>Record date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="68"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="68"/>
        <source>Responsable</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="68"/>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="68"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="102"/>
        <source>%n action(s) encore ouverte(s) des visites précédentes</source>
        <translation>
            <numerusform>%n action still open from earlier visits</numerusform>
            <numerusform>%n actions still open from earlier visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="104"/>
        <source>%n action(s) encore ouverte(s) des fiches précédentes</source>
        <translation>
            <numerusform>%n action still open from earlier records</numerusform>
            <numerusform>%n actions still open from earlier records</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="112"/>
        <source>Statut de « %1 »</source>
        <translation>Status of “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/earlier_actions_panel.py" line="128"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
</context>
<context>
    <name>EarlierFieldsBox</name>
    <message>
        <location filename="../../desktop/ui/form/earlier_fields_box.py" line="38"/>
        <source>Champs d&apos;une version précédente</source>
        <translation>Fields of a previous version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/earlier_fields_box.py" line="54"/>
        <source>Ces champs ne sont plus dans le modèle « %1 » (version %2). Leurs valeurs sont gardées telles quelles, en lecture seule ; elles restent sur cet ordinateur et ne vont plus au dossier partagé.</source>
        <translation>These fields are no longer in the template “%1” (version %2). Their values are kept as they are, read-only; they stay on this computer and no longer go to the shared folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/earlier_fields_box.py" line="71"/>
        <source>(repris dans « %1 »)</source>
        <translation>(now in “%1”)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/earlier_fields_box.py" line="86"/>
        <source>Copier</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/earlier_fields_box.py" line="88"/>
        <source>Copier la valeur, pour la coller dans un autre champ</source>
        <translation>Copy the value, to paste it into another field</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/error_dialog.py" line="37"/>
        <source>Carnet — erreur inattendue</source>
        <translation>Carnet — unexpected error</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/error_dialog.py" line="40"/>
        <source>&lt;p&gt;&lt;b&gt;Une erreur inattendue s&apos;est produite.&lt;/b&gt; Vos saisies déjà enregistrées ne sont pas perdues.&lt;/p&gt;&lt;p&gt;Vous pouvez continuer ; si l&apos;erreur revient, fermez puis rouvrez Carnet. Pour la signaler, copiez le rapport et envoyez-le à la personne qui s&apos;occupe de Carnet dans votre réseau.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;An unexpected error occurred.&lt;/b&gt; What you have already entered and saved is not lost.&lt;/p&gt;&lt;p&gt;You can carry on; if the error comes back, close Carnet and open it again. To report it, copy the report and send it to whoever looks after Carnet in your network.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/error_dialog.py" line="60"/>
        <source>Journal de Carnet : %1</source>
        <translation>Carnet&apos;s log: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/error_dialog.py" line="67"/>
        <source>Détails</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/error_dialog.py" line="70"/>
        <source>Copier le rapport</source>
        <translation>Copy the report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/error_dialog.py" line="72"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/error_dialog.py" line="86"/>
        <source>Rapport copié</source>
        <translation>Report copied</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="32"/>
        <source>Importer un export Carnet</source>
        <translation>Import a Carnet export</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="37"/>
        <source>Import en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="44"/>
        <source>Export terminé : %1, %2, %3.</source>
        <translation>Export finished: %1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="45"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n venue</numerusform>
            <numerusform>%n venues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="46"/>
        <source>%n fiche(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
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
            <numerusform>%n photo of identifiable people without consent left out.</numerusform>
            <numerusform>%n photos of identifiable people without consent left out.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/exchange_actions.py" line="59"/>
        <source>Import terminé : %1 nouveaux, %2 mis à jour.</source>
        <translation>Import complete: %1 new, %2 updated.</translation>
    </message>
</context>
<context>
    <name>ExportCounts</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="234"/>
        <source>%n fiche(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
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
            <numerusform>%n venue</numerusform>
            <numerusform>%n venues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="53"/>
        <source>Exporter</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="55"/>
        <source>Excel (.xlsx) — visites, actions, lieux</source>
        <translation>Excel (.xlsx) — visits, actions, venues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="56"/>
        <source>CSV (3 fichiers, pour Excel en français)</source>
        <translation>CSV (3 files, for French-language Excel)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="57"/>
        <source>JSON sans perte (pour un autre ordinateur Carnet)</source>
        <translation>Lossless JSON (for another Carnet computer)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="59"/>
        <source>Tous les lieux</source>
        <translation>All venues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="62"/>
        <source>Ce lieu : %1</source>
        <translation>This venue: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="64"/>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="66"/>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="76"/>
        <source>Inclure les données personnelles</source>
        <translation>Include personal data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="81"/>
        <source>&lt;b&gt;Données personnelles (RGPD).&lt;/b&gt; L&apos;export contiendra les noms des personnes rencontrées et, pour les photos, les légendes et les références d&apos;autorisation. N&apos;incluez ces données que si le destinataire en a besoin et le droit de les traiter ; ne les envoyez pas aux financeurs. Rangez le fichier à l&apos;abri et supprimez-le quand il ne sert plus.</source>
        <translation>&lt;b&gt;Personal data (GDPR).&lt;/b&gt; The export will contain the names of the people met and, for photos, the captions and consent references. Only include this data if the recipient needs it and is entitled to process it; do not send it to funders. Keep the file somewhere safe and delete it once it is no longer needed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="95"/>
        <source>Exporter…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="99"/>
        <source>Format :</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="100"/>
        <source>Lieux :</source>
        <translation>Venues:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="101"/>
        <source>Période :</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="125"/>
        <source>Une ligne par visite, une par action à mener, une par lieu ; les éléments à la corbeille n&apos;y sont pas. Sans la case, ni les personnes rencontrées ni les informations sur les photos n&apos;y figurent.</source>
        <translation>One row per visit, one per action to take, one per venue; items in the bin are left out. Without the box ticked, neither the people met nor the photo information is included.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="133"/>
        <source>Le JSON sans perte reprend tous les lieux et toutes les visites, avec les personnes rencontrées, pour les importer sur un autre ordinateur. La case y ajoute les photos de personnes reconnaissables sans autorisation.</source>
        <translation>Lossless JSON includes all venues and all visits, with the people met, to import them on another computer. The box adds the photos of identifiable people without consent.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="156"/>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="157"/>
        <source>Exporter vers</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="158"/>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="159"/>
        <source>CSV séparé par des points-virgules (*.csv)</source>
        <translation>Semicolon-separated CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="161"/>
        <source>Exporté : %1, %2, %3 → %4</source>
        <translation>Exported: %1, %2, %3 → %4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="162"/>
        <source>(et, à côté : %1)</source>
        <translation>(and, alongside: %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/export_dialog.py" line="164"/>
        <source>%1 cellule(s) trop longue(s) pour Excel (32 767 caractères) : coupée(s) avec une note ; le texte entier est dans l&apos;export CSV ou JSON.</source>
        <translation>%1 cell(s) too long for Excel (32,767 characters): cut, with a note; the whole text is in the CSV or JSON export.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="30"/>
        <source>Bienvenue dans Carnet</source>
        <translation>Welcome to Carnet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="35"/>
        <source>&lt;p&gt;Avant votre première fiche, dites-nous qui vous êtes : votre nom signe les visites que vous saisissez sur cet ordinateur, et vos collègues le voient sur les fiches partagées.&lt;/p&gt;&lt;p&gt;Vous pourrez tout changer plus tard dans &lt;b&gt;Fichier › Préférences&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Before your first sheet, tell us who you are: your name signs the visits you record on this computer, and your colleagues see it on the shared sheets.&lt;/p&gt;&lt;p&gt;You can change everything later in &lt;b&gt;File › Preferences&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="42"/>
        <source>Votre nom</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="43"/>
        <source>Prénom Nom</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="44"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="45"/>
        <source>Réseau des tiers-lieux</source>
        <translation>Third-place network</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="51"/>
        <source>Dossier partagé</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="50"/>
        <source>Facultatif : sans dossier, pas de synchronisation</source>
        <translation>Optional: without a folder, no synchronisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="58"/>
        <source>Commencer</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="59"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="63"/>
        <source>Dossier &amp;partagé :</source>
        <translation>&amp;Shared folder:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="66"/>
        <source>Votre &amp;nom :</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/first_run_dialog.py" line="67"/>
        <source>Votre &amp;réseau :</source>
        <translation>Your net&amp;work:</translation>
    </message>
</context>
<context>
    <name>FolderRow</name>
    <message>
        <location filename="../../desktop/ui/dialogs/folder_row.py" line="27"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/folder_row.py" line="29"/>
        <source>Choisir : %1</source>
        <translation>Choose: %1</translation>
    </message>
</context>
<context>
    <name>FollowupNotice</name>
    <message>
        <location filename="../../desktop/ui/views/followup_notice.py" line="28"/>
        <source>Ouvrir le suivi (Ctrl+T)</source>
        <translation>Open the follow-up (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_notice.py" line="55"/>
        <source>Suivi indisponible : %1</source>
        <translation>Follow-up unavailable: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_notice.py" line="57"/>
        <source>Le décompte du suivi a échoué ; le journal de Carnet dit pourquoi.</source>
        <translation>Counting the follow-up failed; Carnet&apos;s log says why.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_notice.py" line="64"/>
        <source>%n action(s) en retard</source>
        <translation>
            <numerusform>%n overdue action</numerusform>
            <numerusform>%n overdue actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_notice.py" line="66"/>
        <source>%n convention(s) finissant d&apos;ici 3 mois</source>
        <translation>
            <numerusform>%n agreement ending within 3 months</numerusform>
            <numerusform>%n agreements ending within 3 months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowupTabs</name>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="88"/>
        <source>Tout le monde</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="90"/>
        <source>Tous les lieux</source>
        <translation>All venues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="93"/>
        <source>Ouvertes (pas encore faites)</source>
        <translation>Open (not done yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="97"/>
        <source>Sans statut</source>
        <translation>No status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="100"/>
        <source>Marquer comme fait</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="101"/>
        <source>L&apos;action choisie passe au statut « Fait » (Ctrl+D)</source>
        <translation>Sets the selected action’s status to “Done” (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="106"/>
        <source>Responsable :</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="107"/>
        <source>Lieu :</source>
        <translation>Venue:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="108"/>
        <source>Statut :</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="116"/>
        <source>Fait</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="118"/>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="122"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="123"/>
        <source>Responsable</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="124"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="125"/>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="162"/>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="183"/>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="206"/>
        <source>Lieu</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="126"/>
        <source>Visite du</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="134"/>
        <source>Actions à mener</source>
        <translation>Actions to take</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="147"/>
        <source>Conventions déjà échues aussi</source>
        <translation>Include expired agreements</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="150"/>
        <source>Fin de l&apos;occupation dans les :</source>
        <translation>Occupation ending within:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="157"/>
        <source>Fin de l&apos;occupation</source>
        <translation>End of occupation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="161"/>
        <source>Reste</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="163"/>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="184"/>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="207"/>
        <source>Commune</source>
        <translation>Town</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="164"/>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="185"/>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="208"/>
        <source>Dernière visite</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="169"/>
        <source>Conventions qui finissent</source>
        <translation>Agreements ending</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="175"/>
        <source>Date prévue lors de la dernière visite de chaque lieu.</source>
        <translation>Date planned at each venue’s last visit.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="179"/>
        <source>Date prévue</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="190"/>
        <source>Prochaines visites</source>
        <translation>Next visits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="201"/>
        <source>Pas de visite depuis plus de :</source>
        <translation>No visit for more than:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="209"/>
        <source>Depuis</source>
        <translation>Since last visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="214"/>
        <source>Lieux non visités</source>
        <translation>Venues not visited</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="233"/>
        <source>échue</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_tabs.py" line="240"/>
        <source>jamais visité</source>
        <translation>never visited</translation>
    </message>
</context>
<context>
    <name>FollowupTexts</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_tabs.py" line="57"/>
        <source>%n jour(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_tabs.py" line="60"/>
        <source>%n mois</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowupUndo</name>
    <message>
        <location filename="../../desktop/ui/views/followup_undo.py" line="27"/>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_undo.py" line="28"/>
        <source>Remettre le statut d&apos;avant (Ctrl+Z)</source>
        <translation>Put the previous status back (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_undo.py" line="38"/>
        <source>Action marquée faite — Ctrl+Z pour annuler.</source>
        <translation>Action marked done — Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_undo.py" line="40"/>
        <source>Action rouverte — Ctrl+Z pour annuler.</source>
        <translation>Action reopened — Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_undo.py" line="56"/>
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_undo.py" line="61"/>
        <source>Statut de l&apos;action rétabli : %1.</source>
        <translation>Action status restored: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_undo.py" line="63"/>
        <source>Statut de l&apos;action rétabli (sans statut).</source>
        <translation>Action status restored (no status).</translation>
    </message>
</context>
<context>
    <name>FollowupView</name>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="82"/>
        <source>&lt;h2&gt;Suivi&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Follow-up&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="83"/>
        <source>Calcul en cours…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="100"/>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="101"/>
        <source>Relire toutes les visites (F5)</source>
        <translation>Reload all visits (F5)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="115"/>
        <source>En retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="116"/>
        <source>Cette semaine</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="117"/>
        <source>Ce mois-ci</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="118"/>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="119"/>
        <source>Sans échéance</source>
        <translation>No due date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="129"/>
        <source>&amp;Actions (%1)</source>
        <translation>&amp;Actions (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="130"/>
        <source>&amp;Conventions (%1)</source>
        <translation>Ag&amp;reements (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="131"/>
        <source>&amp;Prochaines visites (%1)</source>
        <translation>&amp;Upcoming visits (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="132"/>
        <source>&amp;Lieux non visités (%1)</source>
        <translation>Unvisited &amp;venues (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="217"/>
        <source>Tout le monde</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="217"/>
        <source>Sans responsable</source>
        <translation>No owner</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="226"/>
        <source>Tous les lieux</source>
        <translation>All venues</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/followup_view.py" line="242"/>
        <source>%n photo(s) à vérifier (droit à l&apos;image)</source>
        <translation>
            <numerusform>%n photo to review (image rights)</numerusform>
            <numerusform>%n photos to review (image rights)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="246"/>
        <source>Tant que personne n&apos;a dit si des personnes sont reconnaissables, ces photos restent sur cet ordinateur, hors des fiches réseau et public.</source>
        <translation>Until someone says whether people can be recognised, these photos stay on this computer, out of network and public sheets.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/followup_view.py" line="323"/>
        <source>Suivi</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../desktop/ui/form/form_view.py" line="128"/>
        <source>Sections de la fiche</source>
        <translation>Sections of the sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/form_view.py" line="220"/>
        <source>Tout est à jour</source>
        <translation>All up to date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/form_view.py" line="221"/>
        <source>Retirer la mention « reporté » des champs de cette section</source>
        <translation>Remove the “carried over” mark from the fields of this section</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/form_view.py" line="317"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/form_view.py" line="317"/>
        <source>visite du</source>
        <translation>visit of</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/form_view.py" line="321"/>
        <source>↺ Reporté de la %1 — à vérifier</source>
        <translation>↺ Carried over from the %1 — to check</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/form/form_view.py" line="332"/>
        <source>%n champ(s) repris de la %1 : vérifiez-les avec le lieu.</source>
        <translation>
            <numerusform>%n field carried over from the %1: check it with the venue.</numerusform>
            <numerusform>%n fields carried over from the %1: check them with the venue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="27"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="28"/>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="29"/>
        <source>&amp;Aller</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="30"/>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="31"/>
        <source>&amp;Derniers messages…</source>
        <translation>&amp;Recent messages…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="32"/>
        <source>À &amp;propos de Carnet</source>
        <translation>&amp;About Carnet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="65"/>
        <source>Nouveau &amp;lieu…</source>
        <translation>New &amp;venue…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="66"/>
        <source>&amp;Nouvelle visite</source>
        <translation>&amp;New visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="67"/>
        <source>Nou&amp;veau… (choisir un modèle)</source>
        <translation>Ne&amp;w… (choose a template)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="69"/>
        <source>&amp;Générer la fiche PDF</source>
        <translation>&amp;Generate PDF sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="70"/>
        <source>Fiche PDF (&amp;options)…</source>
        <translation>PDF sheet (&amp;options)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="72"/>
        <source>&amp;Exporter…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="73"/>
        <source>&amp;Importer (JSON)…</source>
        <translation>&amp;Import (JSON)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="75"/>
        <source>Syn&amp;chroniser maintenant</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="76"/>
        <source>S&amp;ynchronisation…</source>
        <translation>S&amp;ync panel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="77"/>
        <source>&amp;Sauvegarder maintenant</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="78"/>
        <source>&amp;Restaurer une sauvegarde…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="80"/>
        <source>&amp;Préférences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="81"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="84"/>
        <source>&amp;Annuler la suppression</source>
        <translation>&amp;Undo delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="86"/>
        <location filename="../../desktop/ui/views/main_menus.py" line="96"/>
        <source>Supprimer la &amp;visite</source>
        <translation>Delete v&amp;isit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="87"/>
        <source>Supprimer le &amp;lieu</source>
        <translation>Delete &amp;venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="88"/>
        <source>&amp;Corbeille…</source>
        <translation>&amp;Bin…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="90"/>
        <source>&amp;Personnes…</source>
        <translation>&amp;People…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="98"/>
        <source>Supprimer la &amp;fiche</source>
        <translation>Delete &amp;record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="98"/>
        <source>Fermer la fic&amp;he</source>
        <translation>&amp;Close record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="103"/>
        <source>&amp;Rechercher dans les fiches…</source>
        <translation>&amp;Search records…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="104"/>
        <source>&amp;Filtrer les lieux</source>
        <translation>&amp;Filter venues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="105"/>
        <source>Fiche du &amp;lieu</source>
        <translation>&amp;Venue details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="106"/>
        <source>&amp;Suivi (actions, conventions, visites)</source>
        <translation>F&amp;ollow-up (actions, agreements, visits)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="107"/>
        <source>&amp;Tableau de bord</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="108"/>
        <source>&amp;Carte des lieux</source>
        <translation>Venue &amp;map</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_menus.py" line="96"/>
        <location filename="../../desktop/ui/views/main_menus.py" line="109"/>
        <source>Fermer la &amp;visite</source>
        <translation>&amp;Close visit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/views/main_window.py" line="51"/>
        <source>Carnet — visites de tiers-lieux</source>
        <translation>Carnet — third-place visits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/welcome_page.py" line="21"/>
        <source>&lt;h2&gt;Bienvenue dans Carnet&lt;/h2&gt;&lt;p&gt;Choisissez un lieu à gauche, ou créez-en un avec &lt;b&gt;Fichier › Nouveau lieu&lt;/b&gt; (Ctrl+Maj+N).&lt;/p&gt;&lt;p&gt;Tout ce que vous saisissez est enregistré automatiquement, sans réseau.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Welcome to Carnet&lt;/h2&gt;&lt;p&gt;Choose a venue on the left, or create one with &lt;b&gt;File › New venue&lt;/b&gt; (Ctrl+Shift+N).&lt;/p&gt;&lt;p&gt;Everything you enter is saved automatically, without any network.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_window.py" line="116"/>
        <source>Prêt — données locales : %1</source>
        <translation>Ready — local data: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/main_window.py" line="366"/>
        <source>%n lieu(x)</source>
        <translation>
            <numerusform>%n venue</numerusform>
            <numerusform>%n venues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/main_window.py" line="395"/>
        <source>Les dernières modifications n&apos;ont pas pu être enregistrées (disque plein ou inaccessible ?). Quitter quand même et les perdre ?</source>
        <translation>Your latest changes could not be saved (disk full or unavailable?). Quit anyway and lose them?</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../desktop/ui/views/map_view.py" line="68"/>
        <source>Carte des lieux</source>
        <translation>Venue map</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../desktop/ui/views/map_view.py" line="204"/>
        <source>Lieux hors de la carte</source>
        <translation>Venues off the map</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/map_view.py" line="209"/>
        <source> — taille : nombre de visites dans l&apos;année. Molette : zoom ; glisser : déplacer.</source>
        <translation> — size: number of visits in the year. Wheel: zoom; drag: move.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/map_view.py" line="223"/>
        <source>Contours : IGN – Admin Express COG 2018, Licence Ouverte.</source>
        <translation>Boundaries: IGN – Admin Express COG 2018, Licence Ouverte.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/map_view.py" line="242"/>
        <source>%1 lieu(x) sur la carte ; sans coordonnées ou hors métropole : %2</source>
        <translation>%1 venue(s) on the map; without coordinates or overseas: %2</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../desktop/ui/views/message_bar.py" line="71"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/message_bar.py" line="72"/>
        <source>Cliquez pour voir les derniers messages en entier.</source>
        <translation>Click to see the recent messages in full.</translation>
    </message>
</context>
<context>
    <name>NetworkTemplatesTab</name>
    <message>
        <location filename="../../desktop/ui/dialogs/network_templates_tab.py" line="43"/>
        <location filename="../../desktop/ui/dialogs/network_templates_tab.py" line="72"/>
        <source>Refusé</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/network_templates_tab.py" line="45"/>
        <source>Reçu : « %1 », version %2</source>
        <translation>Received: “%1”, version %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/network_templates_tab.py" line="48"/>
        <source>En cours d&apos;arrivée</source>
        <translation>Still arriving</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/network_templates_tab.py" line="48"/>
        <source>fichier incomplet</source>
        <translation>incomplete file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/network_templates_tab.py" line="54"/>
        <source>« %1 » (version %2)</source>
        <translation>“%1” (version %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/network_templates_tab.py" line="58"/>
        <source>Modèles du réseau en service ici : %1.
Un coordinateur les dépose dans le dossier « Carnet/modeles » du dossier partagé ; chaque ordinateur les vérifie à sa synchronisation suivante. Un modèle refusé ne change rien : la version en service reste utilisée.</source>
        <translation>Network templates in use here: %1.
A coordinator drops them into the “Carnet/modeles” folder of the shared folder; each computer checks them at its next sync. A refused template changes nothing: the version in use stays in use.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/network_templates_tab.py" line="63"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>NewRecordMenu</name>
    <message>
        <location filename="../../desktop/ui/views/new_record_menu.py" line="24"/>
        <source>Nouveau…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/new_record_menu.py" line="33"/>
        <source>Modèles de Carnet</source>
        <translation>Carnet&apos;s templates</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/new_record_menu.py" line="34"/>
        <source>Modèles du réseau</source>
        <translation>The network&apos;s templates</translation>
    </message>
</context>
<context>
    <name>NewVenueDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/new_venue_dialog.py" line="29"/>
        <source>Nouveau lieu</source>
        <translation>New venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/new_venue_dialog.py" line="35"/>
        <source>Nom du lieu, ou commune pour chercher dans l&apos;annuaire</source>
        <translation>Venue name, or town to search the directory</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/new_venue_dialog.py" line="39"/>
        <source>Lieux de la liste nationale</source>
        <translation>Venues of the national list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/new_venue_dialog.py" line="47"/>
        <source>Créer le lieu</source>
        <translation>Create venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/new_venue_dialog.py" line="51"/>
        <source>&amp;Nom :</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/new_venue_dialog.py" line="52"/>
        <source>&amp;Commune :</source>
        <translation>&amp;Town:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/new_venue_dialog.py" line="56"/>
        <source>Lieux connus de l&apos;annuaire national (cliquez pour reprendre) :</source>
        <translation>Venues in the national directory (click one to use it):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/new_venue_dialog.py" line="106"/>
        <source>Identité reprise de l&apos;annuaire : %1</source>
        <translation>Details taken from the directory: %1</translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="12"/>
        <source>Fiche PDF</source>
        <translation>PDF sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="14"/>
        <source>Réseau (collègues, dossier partagé)</source>
        <translation>Network (colleagues, shared folder)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="15"/>
        <source>Public (le lieu, les partenaires)</source>
        <translation>Public (the venue, partners)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="16"/>
        <source>Interne (cet ordinateur)</source>
        <translation>Internal (this computer)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="18"/>
        <source>Langue de la fiche</source>
        <translation>Language of the sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="22"/>
        <source>Imprimer les champs vides, à remplir à la main</source>
        <translation>Print empty fields, to fill in by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="25"/>
        <source>Les photos sont reprises selon les autorisations de droit à l&apos;image pour cette diffusion.</source>
        <translation>Photos are included according to the image-rights consents for this audience.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="33"/>
        <source>Générer</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="37"/>
        <source>Diffusion :</source>
        <translation>Audience:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/pdf_dialog.py" line="38"/>
        <source>&amp;Langue de la fiche :</source>
        <translation>&amp;Language of the sheet:</translation>
    </message>
</context>
<context>
    <name>PersonsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="37"/>
        <source>Personnes</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="40"/>
        <source>Nom d&apos;une personne rencontrée</source>
        <translation>Name of a person met</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="42"/>
        <source>&amp;Rechercher</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="45"/>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="109"/>
        <source>Lieu</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="45"/>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="110"/>
        <source>Visite</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="45"/>
        <source>Élément</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="45"/>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="46"/>
        <source>Extrait</source>
        <translation>Excerpt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="54"/>
        <source>&amp;Effacer ce nom partout…</source>
        <translation>&amp;Erase this name everywhere…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="68"/>
        <source>Recherche sans tenir compte des majuscules ni des accents, dans les lieux, les visites (personnes rencontrées, actions…), les photos, les documents, les conflits et la corbeille. L&apos;effacement remplace le nom par « [effacé] » et se transmet aux collègues à la prochaine synchronisation ; il n&apos;atteint ni les sauvegardes déjà faites ni les fiches déjà envoyées.</source>
        <translation>Searches ignoring case and accents, in venues, visits (people met, actions…), photos, documents, conflicts and the bin. Erasing replaces the name with “[effacé]” and reaches colleagues at the next sync; it cannot reach backups already made nor sheets already sent.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="98"/>
        <source>Aucune mention de « %1 ».</source>
        <translation>No mention of “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="101"/>
        <source>« %1 » : %2 mention(s) dans %3 élément(s).</source>
        <translation>“%1”: %2 mention(s) in %3 item(s).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="111"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="112"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="118"/>
        <source>%1 (corbeille)</source>
        <translation>%1 (bin)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="142"/>
        <source>« %1 » effacé : %2 occurrence(s) remplacée(s) par « [effacé] » dans %3 élément(s), %4 version(s) en conflit. L&apos;effacement sera transmis aux collègues à la prochaine synchronisation.</source>
        <translation>“%1” erased: %2 occurrence(s) replaced with “[effacé]” in %3 item(s), %4 conflicting version(s). The erasure will reach colleagues at the next sync.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="156"/>
        <source>Remplacer « %1 » par « [effacé] » partout (%2 mention(s)) ?

Cette action est irréversible et sera transmise aux collègues.</source>
        <translation>Replace “%1” with “[effacé]” everywhere (%2 mention(s))?

This cannot be undone and will reach colleagues.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/persons_dialog.py" line="164"/>
        <source>Effacer une personne</source>
        <translation>Erase a person</translation>
    </message>
</context>
<context>
    <name>PhotoDetails</name>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="33"/>
        <source>Légende de la photo</source>
        <translation>Photo caption</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="34"/>
        <source>Légende</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="36"/>
        <source>Prise le</source>
        <translation>Taken on</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="41"/>
        <source>Référence ou texte de l&apos;autorisation</source>
        <translation>Reference or text of the consent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="47"/>
        <source>Personnes reconnaissables</source>
        <translation>Identifiable people</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="48"/>
        <source>Usage autorisé</source>
        <translation>Allowed use</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="51"/>
        <source>Autorisation obtenue</source>
        <translation>Consent obtained</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="58"/>
        <source>Légende :</source>
        <translation>Caption:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="59"/>
        <source>Prise le :</source>
        <translation>Taken on:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="60"/>
        <source>Orientation :</source>
        <translation>Orientation:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="61"/>
        <source>Personnes reconnaissables :</source>
        <translation>Identifiable people:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="62"/>
        <source>Autorisation obtenue :</source>
        <translation>Consent obtained:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="63"/>
        <source>Usage autorisé :</source>
        <translation>Allowed use:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="69"/>
        <source>↺ Tourner à gauche</source>
        <translation>↺ Rotate left</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="70"/>
        <source>Tourner d&apos;un quart de tour à gauche (Ctrl+Maj+R)</source>
        <translation>Rotate a quarter turn to the left (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="71"/>
        <source>↻ Tourner à droite</source>
        <translation>↻ Rotate right</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="72"/>
        <source>Tourner d&apos;un quart de tour à droite (Ctrl+R)</source>
        <translation>Rotate a quarter turn to the right (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="96"/>
        <source>À vérifier : dites si des personnes sont reconnaissables. D&apos;ici là, cette photo reste sur cet ordinateur, hors des fiches et exports partagés.</source>
        <translation>To review: say whether people can be recognised. Until then, this photo stays on this computer, out of shared sheets and exports.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_details.py" line="101"/>
        <source>Personnes reconnaissables sans autorisation : cette photo reste sur cet ordinateur, hors des fiches et exports partagés.</source>
        <translation>Identifiable people without consent: this photo stays on this computer, out of shared sheets and exports.</translation>
    </message>
</context>
<context>
    <name>PhotoGrid</name>
    <message>
        <location filename="../../desktop/ui/views/photo_grid.py" line="80"/>
        <source>Photos de la fiche</source>
        <translation>The record&apos;s photos</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="88"/>
        <source>Ajouter des photos…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="90"/>
        <source>Coller une image</source>
        <translation>Paste an image</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="92"/>
        <source>Retirer la photo</source>
        <translation>Remove the photo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="93"/>
        <source>Mettre la photo à la corbeille (Ctrl+Z la remet)</source>
        <translation>Move the photo to the trash (Ctrl+Z brings it back)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="95"/>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="96"/>
        <source>Remettre la photo retirée (Ctrl+Z)</source>
        <translation>Bring the removed photo back (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="99"/>
        <source>Droits de la sélection…</source>
        <translation>Rights of the selection…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="101"/>
        <source>Régler d&apos;un coup le droit à l&apos;image des photos sélectionnées</source>
        <translation>Set the image rights of the selected photos at once</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="104"/>
        <source>ou glissez-déposez des photos ou un dossier sur la fiche</source>
        <translation>or drag and drop photos or a folder onto the record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="286"/>
        <source>Photo « %1 » retirée (dans la corbeille) — Ctrl+Z pour annuler.</source>
        <translation>Photo “%1” removed (in the trash) — Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="299"/>
        <source>Cette photo n&apos;est plus dans la corbeille.</source>
        <translation>This photo is no longer in the trash.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="303"/>
        <source>Photo remise à sa place.</source>
        <translation>Photo put back in its place.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="208"/>
        <source>À vérifier : personnes reconnaissables ?</source>
        <translation>To review: can people be recognised?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="210"/>
        <source>Personnes reconnaissables sans autorisation</source>
        <translation>Identifiable people without consent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="255"/>
        <source>Date de prise de vue non enregistrée : ce n&apos;est pas une date.</source>
        <translation>Date taken not saved: it is not a date.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="351"/>
        <source>Droits enregistrés pour %1 photo(s).</source>
        <translation>Rights saved for %1 photo(s).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="366"/>
        <source>Ajouter des photos</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="396"/>
        <source>Préparation des photos…</source>
        <translation>Preparing the photos…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="412"/>
        <source>%v / %m photos</source>
        <translation>%v / %m photos</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/views/photo_panel.py" line="424"/>
        <source>%n photo(s) ajoutée(s).</source>
        <translation>
            <numerusform>%n photo added.</numerusform>
            <numerusform>%n photos added.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_panel.py" line="431"/>
        <source>L&apos;ajout des photos a échoué : %1</source>
        <translation>Adding the photos failed: %1</translation>
    </message>
</context>
<context>
    <name>PhotoRightsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="51"/>
        <source>Droits à l&apos;image</source>
        <translation>Image rights</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="52"/>
        <source>Même réglage pour les %1 photos sélectionnées.</source>
        <translation>Same setting for the %1 selected photos.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="54"/>
        <source>Personnes reconnaissables</source>
        <translation>Identifiable people</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="55"/>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="60"/>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="63"/>
        <source>(ne pas changer)</source>
        <translation>(leave unchanged)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="59"/>
        <source>Autorisation obtenue</source>
        <translation>Consent obtained</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="62"/>
        <source>Usage autorisé</source>
        <translation>Allowed use</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="68"/>
        <source>Personnes reconnaissables :</source>
        <translation>Identifiable people:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="69"/>
        <source>Autorisation obtenue :</source>
        <translation>Consent obtained:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="70"/>
        <source>Usage autorisé :</source>
        <translation>Allowed use:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="74"/>
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../desktop/ui/views/photo_viewer.py" line="19"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_viewer.py" line="29"/>
        <source>Légende</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_viewer.py" line="38"/>
        <source>◀ Précédente</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_viewer.py" line="40"/>
        <source>Suivante ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_viewer.py" line="55"/>
        <source>↺</source>
        <translation>↺</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_viewer.py" line="55"/>
        <source>Tourner à gauche (Ctrl+Maj+R)</source>
        <translation>Rotate left (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_viewer.py" line="56"/>
        <source>↻</source>
        <translation>↻</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/photo_viewer.py" line="56"/>
        <source>Tourner à droite (Ctrl+R)</source>
        <translation>Rotate right (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="37"/>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="41"/>
        <source>Réseau des tiers-lieux</source>
        <translation>Third-place network</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="44"/>
        <source>Logo par défaut de Carnet</source>
        <translation>Carnet’s default logo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="52"/>
        <source>Aucun : pas de synchronisation</source>
        <translation>None: no sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="53"/>
        <source>Dossier partagé</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="59"/>
        <source>Aucune : sauvegardes sur cet ordinateur seulement</source>
        <translation>None: backups on this computer only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="60"/>
        <source>Seconde copie des sauvegardes</source>
        <translation>Second copy of the backups</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="65"/>
        <source>Langue du système</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="75"/>
        <source>Votre &amp;nom :</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="76"/>
        <source>&amp;Réseau (fiches PDF) :</source>
        <translation>Net&amp;work (PDF sheets):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="77"/>
        <source>Logo du réseau (PNG, JPEG) :</source>
        <translation>Network logo (PNG, JPEG):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="78"/>
        <source>&amp;Dossier partagé :</source>
        <translation>&amp;Shared folder:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="82"/>
        <source>Seconde &amp;copie des sauvegardes
(clé USB, disque externe) :</source>
        <translation>Second &amp;copy of the backups
(USB key, external disk):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="86"/>
        <source>Identifiant de cet ordinateur :</source>
        <translation>This computer’s ID:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="87"/>
        <source>&amp;Langue (au prochain démarrage) :</source>
        <translation>&amp;Language (from next start):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="45"/>
        <location filename="../../desktop/ui/dialogs/preferences_dialog.py" line="92"/>
        <source>Logo du réseau</source>
        <translation>Network logo</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../desktop/ui/views/read_only_banner.py" line="12"/>
        <source>&lt;b&gt;Dossier des données en lecture seule&lt;/b&gt; : Carnet affiche vos lieux et vos visites, mais n&apos;enregistre rien (ni saisie, ni synchronisation, ni sauvegarde). Copiez le dossier sur un disque où vous pouvez écrire pour travailler.</source>
        <translation>&lt;b&gt;Read-only data folder&lt;/b&gt;: Carnet shows your venues and visits but saves nothing (no edits, no sync, no backup). Copy the folder to a disk you can write to in order to work.</translation>
    </message>
</context>
<context>
    <name>RecentMessages</name>
    <message>
        <location filename="../../desktop/ui/dialogs/recent_messages.py" line="14"/>
        <location filename="../../desktop/ui/dialogs/recent_messages.py" line="18"/>
        <source>Derniers messages</source>
        <translation>Recent messages</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/recent_messages.py" line="28"/>
        <source>Aucun message depuis le démarrage de Carnet.</source>
        <translation>No message since Carnet started.</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../../desktop/ui/controllers/record_actions.py" line="89"/>
        <source>Choisissez d&apos;abord un lieu dans la liste.</source>
        <translation>First choose a venue from the list.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/record_actions.py" line="104"/>
        <source>Repris de la fiche du %1 : %2. Vérifiez-les avec le lieu.</source>
        <translation>Carried over from the record of %1: %2. Check them with the venue.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/record_actions.py" line="106"/>
        <source>Repris de la visite du %1 : %2. Vérifiez-les avec le lieu.</source>
        <translation>Carried over from the visit of %1: %2. Check them with the venue.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/record_actions.py" line="131"/>
        <source>Visite mise à la corbeille.</source>
        <translation>Visit moved to the bin.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/record_actions.py" line="133"/>
        <source>Fiche mise à la corbeille.</source>
        <translation>Record moved to the bin.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/record_actions.py" line="150"/>
        <source>Lieu mis à la corbeille, avec ses visites.</source>
        <translation>Venue moved to the bin, with its visits.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/record_actions.py" line="154"/>
        <source>Ctrl+Z pour annuler, ou Édition › Corbeille.</source>
        <translation>Ctrl+Z to undo, or Edit › Bin.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/record_actions.py" line="184"/>
        <source>Restauré.</source>
        <translation>Restored.</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <location filename="../../desktop/ui/views/dashboard_report.py" line="27"/>
        <location filename="../../desktop/ui/views/dashboard_report.py" line="45"/>
        <source>Bilan annuel</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_report.py" line="28"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/dashboard_report.py" line="46"/>
        <source>Le bilan n&apos;a pas pu être écrit : %1</source>
        <translation>The report could not be written: %1</translation>
    </message>
</context>
<context>
    <name>Resigning</name>
    <message>
        <location filename="../../desktop/ui/controllers/resign_progress.py" line="36"/>
        <source>Signature de vos visites</source>
        <translation>Signing your visits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/resign_progress.py" line="54"/>
        <source>Signature de vos visites…</source>
        <translation>Signing your visits…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/resign_progress.py" line="57"/>
        <source>Vos visites prennent le nom que vous avez donné. Vous pouvez continuer à travailler ; si vous fermez Carnet, la suite se fera au prochain démarrage.</source>
        <translation>Your visits take the name you gave. You can keep working; if you close Carnet, the rest is done at the next start.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/resign_progress.py" line="80"/>
        <source>Signature de vos visites : %1 sur %2</source>
        <translation>Signing your visits: %1 of %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/resign_progress.py" line="89"/>
        <source>%Ln visite(s) signée(s) à votre nom.</source>
        <translation>
            <numerusform>%Ln visit signed with your name.</numerusform>
            <numerusform>%Ln visits signed with your name.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/resign_progress.py" line="101"/>
        <source>La signature de vos visites à votre nom s&apos;est interrompue (%1). Elle reprendra au prochain démarrage ; rien n&apos;est perdu.</source>
        <translation>Signing your visits with your name stopped (%1). It will go on at the next start; nothing is lost.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="58"/>
        <source>illisible</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="70"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="72"/>
        <source>inclus</source>
        <translation>included</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="73"/>
        <source>non inclus (dossier des données)</source>
        <translation>not included (data folder)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="92"/>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="99"/>
        <source>Dossier des sauvegardes</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="108"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="109"/>
        <source>Contenu</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="110"/>
        <source>Photos et documents</source>
        <translation>Photos and documents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="111"/>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="112"/>
        <source>Remarque</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="117"/>
        <source>&amp;Restaurer…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="119"/>
        <source>Changer de &amp;dossier…</source>
        <translation>Change &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="130"/>
        <source>Restaurer remplace toutes les données actuelles par celles de la sauvegarde. L&apos;état actuel est d&apos;abord sauvegardé (« avant restauration »), vous pourrez donc revenir en arrière. Les photos et documents ne sont inclus que dans les sauvegardes de la seconde copie (clé USB, disque externe, voir les Préférences) ; les autres les laissent dans le dossier des données.</source>
        <translation>Restoring replaces all current data with the backup&apos;s. The current state is backed up first (“before restore”), so you can go back. Photos and documents are included only in the backups of the second copy (USB key, external disk, see the Preferences); the others leave them in the data folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="143"/>
        <source>Sauvegardes dans « %1 »</source>
        <translation>Backups in “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="155"/>
        <source>Aucune sauvegarde dans ce dossier.</source>
        <translation>No backups in this folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="173"/>
        <source>Remplacer toutes les données actuelles par la sauvegarde du %1 (%2) ?

L&apos;état actuel sera d&apos;abord sauvegardé (« avant restauration »).</source>
        <translation>Replace all current data with the backup of %1 (%2)?

The current state will be backed up first (“before restore”).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/restore_dialog.py" line="179"/>
        <source>Ce poste est synchronisé : à la prochaine synchronisation, vos collègues verront aussi les fiches revenir à l&apos;état de la sauvegarde, et ce que vous avez créé depuis ira dans la corbeille (rien n&apos;est effacé). Les modifications faites depuis par vos collègues sont gardées.</source>
        <translation>This computer is synced: at the next sync, your colleagues will also see the sheets go back to the state of the backup, and what you created since will go to the trash (nothing is erased). The changes your colleagues made since are kept.</translation>
    </message>
</context>
<context>
    <name>SaveFeedback</name>
    <message>
        <location filename="../../desktop/ui/controllers/save_feedback.py" line="49"/>
        <source>Enregistré à %1</source>
        <translation>Saved at %1</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/search_dialog.py" line="40"/>
        <source>Rechercher dans les fiches</source>
        <translation>Search records</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/search_dialog.py" line="44"/>
        <source>Mots à chercher dans toutes les fiches…</source>
        <translation>Words to look for in all records…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/search_dialog.py" line="49"/>
        <source>Fiches trouvées</source>
        <translation>Records found</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/search_dialog.py" line="92"/>
        <source>Les %n fiches les plus pertinentes parmi les %1 ajoutées le plus récemment qui contiennent ces mots ; les plus anciennes n&apos;ont pas été classées : précisez la recherche.</source>
        <translation>
            <numerusform>%n record, the most relevant among the %1 most recently added that contain these words; older ones were not ranked: refine the search.</numerusform>
            <numerusform>The %n most relevant records among the %1 most recently added that contain these words; older ones were not ranked: refine the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/search_dialog.py" line="103"/>
        <source>Les %n fiches les plus pertinentes : précisez pour en voir d&apos;autres.</source>
        <translation>
            <numerusform>%n record, the most relevant: refine the search to see others.</numerusform>
            <numerusform>The %n most relevant records: refine the search to see others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs/search_dialog.py" line="109"/>
        <source>%n fiche(s) trouvée(s)</source>
        <translation>
            <numerusform>%n record found</numerusform>
            <numerusform>%n records found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetActions</name>
    <message>
        <location filename="../../desktop/ui/controllers/sheet_actions.py" line="35"/>
        <source>Fiche PDF</source>
        <translation>PDF sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sheet_actions.py" line="35"/>
        <source>Ouvrez d&apos;abord une fiche.</source>
        <translation>Open a record first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sheet_actions.py" line="49"/>
        <source>Fiche PDF en cours…</source>
        <translation>Generating the PDF sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sheet_actions.py" line="77"/>
        <source>Fiche enregistrée : %1</source>
        <translation>Sheet saved: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/controllers/sheet_actions.py" line="67"/>
        <source>%n photo(s) sans autorisation laissée(s) hors de la fiche.</source>
        <translation>
            <numerusform>%n photo without consent left out of the sheet.</numerusform>
            <numerusform>%n photos without consent left out of the sheet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetReadyDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="39"/>
        <source>Fiche PDF prête</source>
        <translation>PDF sheet ready</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="43"/>
        <source>La fiche est enregistrée :&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>The sheet is saved:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="48"/>
        <source>&amp;Ouvrir</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="49"/>
        <source>Ouvrir le &amp;dossier</source>
        <translation>Open the &amp;folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="50"/>
        <source>&amp;Enregistrer sous…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="52"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="77"/>
        <source>Aucun lecteur de PDF n&apos;a pu ouvrir la fiche. Installez-en un, ou ouvrez-la vous-même ; elle est enregistrée ici :
%1</source>
        <translation>No PDF viewer could open the sheet. Install one, or open it yourself; it is saved here:
%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="86"/>
        <source>Le dossier n&apos;a pas pu être ouvert : %1</source>
        <translation>The folder could not be opened: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="93"/>
        <source>Enregistrer la fiche sous</source>
        <translation>Save the sheet as</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="95"/>
        <source>Fiche PDF (*.pdf)</source>
        <translation>PDF sheet (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="112"/>
        <source>La copie n&apos;a pas pu être enregistrée dans %1 : %2.</source>
        <translation>The copy could not be saved in %1: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sheet_ready_dialog.py" line="116"/>
        <source>Copie enregistrée :&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Copy saved:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../desktop/ui/controllers/single_instance.py" line="196"/>
        <source>Carnet est déjà ouvert sur ce dossier.</source>
        <translation>Carnet is already open on this folder.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/single_instance.py" line="199"/>
        <source>Carnet est déjà ouvert sur ce dossier (la fenêtre ne répond pas).</source>
        <translation>Carnet is already open on this folder (the window is not responding).</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="77"/>
        <source>Synchronisation</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="82"/>
        <source>&amp;Synchroniser maintenant</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="84"/>
        <source>&amp;Préparer ce dossier…</source>
        <translation>&amp;Prepare this folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="94"/>
        <source>Où</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="94"/>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="94"/>
        <source>Valeur en place</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="94"/>
        <source>Autre valeur</source>
        <translation>Other value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="97"/>
        <source>Collègue</source>
        <translation>Colleague</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="97"/>
        <source>Appareil</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="97"/>
        <source>Dernière activité</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="99"/>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="102"/>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="99"/>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="102"/>
        <source>Raison</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="100"/>
        <source>Fichier attendu</source>
        <translation>Expected file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="102"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="105"/>
        <source>Collègues</source>
        <translation>Colleagues</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="106"/>
        <source>Fichiers ignorés</source>
        <translation>Ignored files</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="107"/>
        <source>Médias en attente</source>
        <translation>Pending media</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="129"/>
        <source>Garder la &amp;mienne</source>
        <translation>Keep &amp;mine</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="130"/>
        <source>Prendre la &amp;leur</source>
        <translation>&amp;Take theirs</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="132"/>
        <source>&amp;Restaurer</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="339"/>
        <source>La&amp;isser supprimée</source>
        <translation>Leave &amp;it deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="134"/>
        <source>&amp;Ouvrir la fiche</source>
        <translation>&amp;Open the sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="131"/>
        <source>Mo&amp;difier…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="149"/>
        <source>Deux personnes ont modifié le même champ en même temps, ou l&apos;une a supprimé une fiche pendant que l&apos;autre la modifiait. Rien n&apos;a été perdu : choisissez la valeur à garder, champ par champ, ou s&apos;il faut restaurer la fiche.</source>
        <translation>Two people changed the same field at the same time, or one deleted a record while the other was editing it. Nothing was lost: choose the value to keep, field by field, or whether to restore the record.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="163"/>
        <source>Reprendre ses fiches (ordinateur retiré)…</source>
        <translation>Take over their sheets (computer retired)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="179"/>
        <source>Conflits (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="191"/>
        <source>Modèles du réseau</source>
        <translation>Network templates</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="194"/>
        <source>%1 (%2 refusé(s))</source>
        <translation>%1 (%2 refused)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="202"/>
        <source>Le dossier « %1 » n&apos;a jamais servi de dossier partagé à Carnet : le préparer et y publier vos lieux, visites, photos et fiches ?

Si ce dossier devrait déjà contenir le dossier « Carnet » (disque réseau ou clé non branché), répondez Non et rebranchez-le.</source>
        <translation>The folder « %1 » was never used as a shared folder by Carnet: prepare it and publish your venues, visits, photos and sheets into it?

If this folder should already hold the « Carnet » folder (a network drive or a key not plugged in), answer No and plug it in.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="209"/>
        <source>Préparer le dossier partagé</source>
        <translation>Prepare the shared folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="219"/>
        <source>Aucun dossier partagé : choisissez-le dans Fichier › Préférences.</source>
        <translation>No shared folder: choose one in File › Preferences.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="222"/>
        <source>&lt;b&gt;Publication impossible&lt;/b&gt; : %1&lt;br&gt;Le travail des collègues est importé (%2 nouveau(x), %3 mis à jour) ; %4 élément(s) de ce poste en attente de publication, publiés dès que le dossier partagé acceptera l&apos;écriture.</source>
        <translation>&lt;b&gt;Could not publish&lt;/b&gt;: %1&lt;br&gt;Your colleagues&apos; work was imported (%2 new, %3 updated); %4 item(s) from this computer are waiting to be published, and will be as soon as the shared folder accepts writing.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="231"/>
        <source>&lt;b&gt;Dernière tentative échouée&lt;/b&gt; : %1&lt;br&gt;%2 élément(s) en attente de publication.</source>
        <translation>&lt;b&gt;Last attempt failed&lt;/b&gt;: %1&lt;br&gt;%2 item(s) waiting to be published.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="239"/>
        <source>Dossier partagé : %1&lt;br&gt;Dernière synchronisation réussie : %2</source>
        <translation>Shared folder: %1&lt;br&gt;Last successful sync: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="240"/>
        <source>jamais</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="243"/>
        <source>&lt;br&gt;Publié : %1, importé : %2 nouveau(x), %3 mis à jour.</source>
        <translation>&lt;br&gt;Published: %1, imported: %2 new, %3 updated.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="272"/>
        <source> (vous)</source>
        <translation> (you)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="282"/>
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="289"/>
        <source>Supprimé par %1 le %2, pendant que vous le modifiiez</source>
        <translation>Deleted by %1 on %2, while you were editing it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="290"/>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="294"/>
        <source>Vos modifications du %2</source>
        <translation>Your edits of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="293"/>
        <source>Supprimée par %1 le %2, pendant que vous la modifiiez</source>
        <translation>Deleted by %1 on %2, while you were editing it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="298"/>
        <source>Supprimé par %1 le %2</source>
        <translation>Deleted by %1 on %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="299"/>
        <source>Modifié par %1 le %2, pendant ce temps</source>
        <translation>Edited by %1 on %2, meanwhile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="302"/>
        <source>Supprimée par %1 le %2</source>
        <translation>Deleted by %1 on %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="303"/>
        <source>Modifiée par %1 le %2, pendant ce temps</source>
        <translation>Edited by %1 on %2, meanwhile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="339"/>
        <source>La&amp;isser supprimé</source>
        <translation>Leave &amp;it deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="376"/>
        <source>Valeur à garder :</source>
        <translation>Value to keep:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="390"/>
        <source>Choisissez d&apos;abord un collègue dans la liste.</source>
        <translation>First choose a colleague from the list.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="395"/>
        <source>Cet ordinateur publiera désormais les fiches PDF des visites de l&apos;appareil %1 (%2). À faire seulement si cet ordinateur-là n&apos;est plus utilisé. Continuer ?</source>
        <translation>From now on, this computer will publish the PDF sheets of the visits from device %1 (%2). Only do this if that computer is no longer in use. Continue?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/sync_panel.py" line="404"/>
        <source>%1 fiche(s) reprise(s).</source>
        <translation>%1 record(s) taken over.</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="27"/>
        <source>Ouvrir le panneau de synchronisation</source>
        <translation>Open the sync panel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="55"/>
        <source>Synchro : non configurée</source>
        <translation>Sync: not set up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="57"/>
        <source>Synchro : en attente</source>
        <translation>Sync: waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="64"/>
        <source>Synchro en cours…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="68"/>
        <source>Synchro : publication des fiches (%1)…</source>
        <translation>Sync: publishing sheets (%1)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="70"/>
        <source>Synchro : publication (%1/%2)…</source>
        <translation>Sync: publishing (%1/%2)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="90"/>
        <source>Synchro : dossier partagé à préparer</source>
        <translation>Sync: shared folder to prepare</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="96"/>
        <source>Synchro : partage indisponible — %1 en attente</source>
        <translation>Sync: shared folder unavailable — %1 pending</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="101"/>
        <source>Synchro : %1 conflit(s) à résoudre</source>
        <translation>Sync: %1 conflict(s) to resolve</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="105"/>
        <source>Synchro : à jour (%1)</source>
        <translation>Sync: up to date (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="114"/>
        <source>Synchro : importé, publication impossible — %1 en attente</source>
        <translation>Sync: imported, could not publish — %1 waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="119"/>
        <source>Publication impossible (%1) : le travail des collègues est importé, le vôtre attend sur ce poste.</source>
        <translation>Could not publish (%1): your colleagues&apos; work was imported, yours is waiting on this computer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="141"/>
        <source>« %1 » (version %2)</source>
        <translation>“%1” (version %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="143"/>
        <source>Modèle reçu du réseau : %1</source>
        <translation>Template received from the network: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="146"/>
        <source>Modèle du réseau refusé : %1 — voir le panneau Synchronisation</source>
        <translation>Network template refused: %1 — see the Synchronisation panel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/controllers/sync_ui.py" line="153"/>
        <source>Synchro : erreur</source>
        <translation>Sync: error</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../desktop/ui/form/table_editor.py" line="69"/>
        <source>Date JJ/MM/AAAA (Alt+Bas : calendrier)</source>
        <translation>Date DD/MM/YYYY (Alt+Down: calendar)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/table_editor.py" line="73"/>
        <source>Ajouter une ligne</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/table_editor.py" line="76"/>
        <source>Supprimer la ligne</source>
        <translation>Delete the row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/table_editor.py" line="79"/>
        <source>Rétablir la ligne</source>
        <translation>Restore the row</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/table_editor.py" line="80"/>
        <source>Remettre la ligne supprimée à sa place (Ctrl+Z)</source>
        <translation>Put the deleted row back in its place (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/table_editor.py" line="142"/>
        <source>Date illisible, gardée telle quelle : écrivez JJ/MM/AAAA.</source>
        <translation>Unreadable date, kept as typed: write DD/MM/YYYY.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="36"/>
        <source>Corbeille</source>
        <translation>Bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="41"/>
        <source>Éléments de la corbeille</source>
        <translation>Items in the trash</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="43"/>
        <source>&amp;Restaurer</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="48"/>
        <source>&amp;Supprimer définitivement…</source>
        <translation>&amp;Delete permanently…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="50"/>
        <source>&amp;Vider la corbeille…</source>
        <translation>&amp;Empty the bin…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="59"/>
        <source>Les éléments supprimés restent ici et peuvent être restaurés.</source>
        <translation>Deleted items stay here and can be restored.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="69"/>
        <source>%1 — supprimé le %2</source>
        <translation>%1 — deleted on %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="91"/>
        <source>Supprimer définitivement « %1 » ?</source>
        <translation>Delete “%1” permanently?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="100"/>
        <source>Vider la corbeille : supprimer définitivement ses %1 élément(s) ?</source>
        <translation>Empty the bin: delete its %1 item(s) permanently?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="108"/>
        <source> Un lieu emporte ses visites, photos et documents ; une visite, ses photos.</source>
        <translation> A venue takes its visits, photos and documents with it; a visit, its photos.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="113"/>
        <source>Cette action est irréversible : rien ne pourra être restauré, les fichiers des photos et documents sont effacés de cet ordinateur.%1 La suppression sera transmise aux collègues à la prochaine synchronisation.</source>
        <translation>This cannot be undone: nothing can be restored, and the files of the photos and documents are erased from this computer.%1 The deletion will reach colleagues at the next sync.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="122"/>
        <source>Supprimer définitivement</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="133"/>
        <source>Supprimé définitivement : %1 lieu(x), %2 fiche(s), %3 photo(s), %4 document(s) ; %5 fichier(s) effacé(s) de cet ordinateur.</source>
        <translation>Deleted permanently: %1 venue(s), %2 record(s), %3 photo(s), %4 document(s); %5 file(s) erased from this computer.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/trash_dialog.py" line="142"/>
        <source>Laissé(s) dans la corbeille : %1 élément(s) dont la suppression est en conflit avec une modification faite ailleurs. Répondez d&apos;abord au conflit « Suppression » (Synchronisation) : rien n&apos;a été perdu.</source>
        <translation>Left in the trash: %1 item(s) whose deletion conflicts with a change made elsewhere. Answer the “Deletion” conflict first (Synchronisation): nothing was lost.</translation>
    </message>
</context>
<context>
    <name>VenueEditor</name>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="341"/>
        <source>Documents de gouvernance</source>
        <translation>Governance documents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="344"/>
        <source>Historique des fiches</source>
        <translation>History of the records</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="345"/>
        <source>Nouvelle visite</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="348"/>
        <source>Nouveau…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="350"/>
        <source>Une fiche d&apos;un autre modèle : compte rendu d&apos;instance… (Ctrl+Alt+N)</source>
        <translation>A record of another template: governance meeting minutes… (Ctrl+Alt+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="382"/>
        <source>Lieu sans nom</source>
        <translation>Unnamed venue</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="383"/>
        <source>Fiche d&apos;identité du lieu, commune à toutes ses visites</source>
        <translation>Venue details, shared by all its visits</translation>
    </message>
</context>
<context>
    <name>VenueHistoryPanel</name>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="42"/>
        <source>Visites du lieu, de la plus récente</source>
        <translation>The venue&apos;s visits, latest first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="44"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="44"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="44"/>
        <source>Auteur·rice</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="47"/>
        <source>Double-clic ou Entrée : ouvrir la visite</source>
        <translation>Double-click or Enter: open the visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="54"/>
        <source>Comparer la visite du</source>
        <translation>Compare the visit of</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="56"/>
        <source>à celle du</source>
        <translation>with that of</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="89"/>
        <source>date à préciser</source>
        <translation>date to be confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="109"/>
        <source>&lt;i&gt;Aucune visite à comparer.&lt;/i&gt;</source>
        <translation>&lt;i&gt;No visits to compare.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="111"/>
        <source>&lt;i&gt;Une seule visite : rien à comparer encore.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Only one visit: nothing to compare yet.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="116"/>
        <source>&lt;i&gt;Choisissez deux visites différentes.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Choose two different visits.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/venue_history_panel.py" line="121"/>
        <source>&lt;i&gt;Rien n&apos;a changé en gouvernance, modèle économique ni occupation.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nothing changed in governance, business model or occupancy.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="174"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="165"/>
        <location filename="../../desktop/ui/views/document_editor.py" line="195"/>
        <source>Supprimer la visite</source>
        <translation>Delete visit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="166"/>
        <location filename="../../desktop/ui/views/document_editor.py" line="198"/>
        <source>Mettre la visite à la corbeille (Suppr)</source>
        <translation>Move the visit to the bin (Del)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="195"/>
        <source>Supprimer la fiche</source>
        <translation>Delete the record</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="200"/>
        <source>Mettre la fiche à la corbeille (Suppr)</source>
        <translation>Move the record to the bin (Del)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="259"/>
        <source>%1 (%2) : « %3 »</source>
        <translation>%1 (%2): “%3”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="268"/>
        <source>⚠ Modifié en même temps par %1 — à trancher dans Fichier › Synchronisation (Ctrl+Maj+Y)</source>
        <translation>⚠ Changed at the same time by %1 — decide in File › Sync panel (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="318"/>
        <source>date à préciser</source>
        <translation>date to be confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="322"/>
        <source>Visite du %1 — %2</source>
        <translation>Visit of %1 — %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/views/document_editor.py" line="324"/>
        <source>Complétude : %1 · enregistrement automatique</source>
        <translation>Completeness: %1 · saved automatically</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../desktop/ui/models/visit_table_model.py" line="30"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visit_table_model.py" line="31"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visit_table_model.py" line="32"/>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visit_table_model.py" line="33"/>
        <source>Complétude</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visit_table_model.py" line="34"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visit_table_model.py" line="67"/>
        <source>Des champs sont à corriger : ouvrez la fiche pour les voir.</source>
        <translation>Some fields need fixing: open the record to see them.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/models/visit_table_model.py" line="82"/>
        <source>⚠ %n à corriger</source>
        <translation>
            <numerusform>⚠ %n to fix</numerusform>
            <numerusform>⚠ %n to fix</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/visit_table_model.py" line="83"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../../desktop/ui/form/field_widgets.py" line="181"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/form/field_widgets.py" line="182"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="31"/>
        <source>À vérifier</source>
        <translation>To review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="32"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="33"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="45"/>
        <source>Interne</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="45"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs/photo_rights_dialog.py" line="45"/>
        <source>Public</source>
        <translation>Public</translation>
    </message>
</context>
</TS>
