"""Realistic French for the benchmarks' visit notes: words ranked by frequency, people.

Word frequencies in any text follow Zipf's law (the word of rank r is about 1/r as
frequent as the first), so notes are drawn from RANKED with that law. The ranking is
written by hand after facilitators' notes on tiers-lieux: French function words first
(« de » is a few per cent of any French text), with the words of the trade among them
as in real notes (« lieu », « projet », « association » come in most notes), then the
trade's vocabulary (« friche » in several notes of a hundred), then rarer words.

This vocabulary (about 600 words) is smaller than the one of real notes (tens of
thousands of word forms over 10,000 visits), so each word here comes in more notes than
it would in real life: queries match more visits, which makes search slower, not faster.
"""

from __future__ import annotations

import bisect
import itertools
import random

FUNCTION_AND_CORE = """
de la le et les des à en lieu un une du projet pour est avec sur association par qui
dans au pas plus ne ce que il elle sont a ont aux se leur mais ou comme équipe
sans entre très aussi nous on y été fait être cette ces son sa ses tout tous habitants
peu bien encore déjà depuis avant après lors selon dont mois an ans année commune
""".split()

TRADE = """
bénévoles activités public publics espace espaces ateliers atelier salariés local
locaux gouvernance budget partenaires territoire besoin besoins économie économique
convention structure membres adhérents collectif coworking fablab café jardin
subvention subventions région département mairie collectivité collectivités bail loyer
travaux sécurité accessibilité formation formations médiation numérique emploi
financement financements modèle occupation temporaire friche partagé partagés
tiers-lieu tiers-lieux animation animateur animatrice coordinatrice coordinateur
conseil administration bureau président présidente trésorier trésorière réunion
réunions assemblée générale collégiale décision décisions vote consensus charte
statuts scic scop sas coopérative sociétaires capital bâtiment propriétaire
propriétaire ancienne usine grange ferme école gare presbytère église moulin
chauffage toiture isolation électricité mise norme erp commission visite avis
favorable pompiers diagnostic accompagnement suivi premier contact rencontre
échange échanges visite prochaine relancer envoyer dossier appel projets candidature
lauréat label fabrique territoire france services manufacture proximité quartier
centre-bourg rural rurale ruraux urbain ville village intercommunalité epci
communauté communes agglomération métropole pays pôle réseau réseaux régional
national ministère ademe caf msa département europe leader feder fse dotation dsil
detr politique ville contrat ruralité solidaire solidaires sociale social insertion
chantier jeunes enfants familles seniors personnes âgées isolées demandeurs
étudiants artistes artisans indépendants entrepreneurs télétravailleurs agriculteurs
producteurs maraîchage circuit court alimentation cantine épicerie vrac recyclerie
ressourcerie réemploi réparation repair vélo mobilité covoiturage navette transport
bus parking accueil permanence horaires ouverture semaine week-end soirée été hiver
printemps automne rentrée saison fréquentation passages visiteurs usagers usages
adhésion cotisation tarif tarifs prix location salle salles bureaux postes nomades
résidents résidence résidences artiste spectacle concert concerts exposition
expositions cinéma projection lecture bibliothèque médiathèque ludothèque jeux
numérique informatique imprimante découpe laser machines outils menuiserie couture
textile céramique soudure électronique programmation robotique code initiation
cours stage stages apprentissage compétences savoir-faire transmission éducation
populaire culture culturel culturelle patrimoine histoire mémoire paysage nature
environnement écologie transition énergie climat biodiversité potager compost
poules verger forêt bois eau rivière montagne littoral vallée plateau campagne
hameau bourg place marché foire fête festival guinguette buvette bar restaurant
cuisine repas traiteur boulangerie four pain bière brasserie vin producteurs
économie chiffre affaires recettes dépenses charges salaires emplois aidés contrats
poste temps partiel plein service civique volontaires stagiaires alternants
trésorerie déficit excédent équilibre fragile fragilité difficulté difficultés
risque risques inquiétude fatigue épuisement départ arrivée recrutement renouvellement
dynamique énergie enthousiasme motivation implication engagement confiance lien
liens convivialité rencontres mixité diversité inclusion égalité handicap pmr rampe
ascenseur sanitaires cuisine cour terrain hangar grenier étage rez-de-chaussée cave
parcelle foncier acquisition achat vente emphytéotique commodat précaire prêt
usage mise disposition gratuite gratuit loyer modéré redevance durée an renouvelable
échéance fin terme préavis résiliation négociation discussion élus élu maire adjoint
conseillère conseiller municipal départemental régional sous-préfet préfecture
services déconcentrés dreets ddt banque crédit emprunt prêt garantie fondation
mécénat mécène dons crowdfunding financement participatif souscription parts sociales
évaluation indicateurs impact bilan rapport enquête questionnaire étude observatoire
cartographie recensement données outil outils tableau plateforme site internet
newsletter communication affiche réseaux sociaux presse article journal radio
télévision vidéo photos film documentaire
""".split()

RARE = """
aquaponie apiculture ruches tisanerie distillerie fromagerie laiterie scierie
tonnellerie vannerie lutherie reliure sérigraphie typographie linogravure
photographie argentique radio associative webradio podcast escape game
friperie couturière costumerie tapisserie tannerie maroquinerie forge coutellerie
serrurerie ferronnerie verrerie vitrail mosaïque marqueterie ébénisterie
charpente couverture zinguerie maçonnerie torchis chaux pisé paille chanvre
ossature géothermie photovoltaïque panneaux solaires éolien méthanisation
hydrolienne chaudière granulés poêle bois-énergie réseau chaleur
biennale résidence-mission micro-folie conservatoire orchestre harmonie fanfare
chorale théâtre marionnettes cirque arts rue danse hip-hop graff fresque
muralisme skatepark bmx parkour escalade randonnée canoë baignade camping
gîte chambres hôtes auberge refuge bivouac yourte cabane tiny house
""".split()

FIRST_NAMES = """
Camille Dominique Claude Sophie Nathalie Isabelle Sylvie Catherine Valérie Christine
Sandrine Céline Aurélie Julie Marie Émilie Laure Hélène Anne Agnès Léa Chloé Manon
Inès Jeanne Louise Alice Zoé Margaux Juliette Pauline Mathilde Clémence Lucie Élise
Jean Pierre Michel Philippe Alain Patrick Nicolas Christophe Laurent Frédéric Éric
Stéphane David Olivier Thomas Julien Sébastien Vincent Mathieu Guillaume Antoine
Maxime Romain Hugo Lucas Théo Louis Arthur Paul Baptiste Quentin Yann Gaël Loïc
Karim Mehdi Yasmine Fatima Samir Nadia Rachid Leïla Malik Sofiane Amina Moussa
""".split()

SURNAMES = """
Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent
Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André
Lefèvre Mercier Dupont Lambert Bonnet François Martinez Legrand Garnier Faure
Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément
Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer
Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean Perez
Marchand Dufour Blanchard Marie Barbier Brun Dumas Brunet Schmitt Leroux Colin
Fernandez Pierre Renard Arnaud Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois
Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix Fabre Dupuis Olivier
Rodriguez Da Silva Hubert Louis Charles Guillot Rivière Le Gall Guillaume Adam Rey
Moulin Gonzalez Berger Lecomte Menard Fleury Deschamps Carpentier Julien Benoit
Paris Maillard Marchal Aubry Vasseur Le Roux Renault Jacquet Collet Prevost Poirier
Charpentier Royer Huet Baron Dupuy Pons Paul Laine Carre Breton Remy Schneider Perrot
Guyot Barre Marty Cousin Le Goff Bouvier Lebrun Bailly Hoarau Gilbert Poulain
""".split()

ROLES = ["Président·e", "Trésorier·e", "Coordinatrice", "Coordinateur", "Bénévole",
         "Salarié·e", "Élu·e", "Animatrice", "Gérant·e", "Fondatrice"]  # fmt: skip

RANKED = list(dict.fromkeys(FUNCTION_AND_CORE + TRADE + RARE))


class Notes:
    """Sentences drawn from RANKED with Zipf's law (exponent 1)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(RANKED) + 1)))

    def word(self) -> str:
        point = self.rng.random() * self.cumulative[-1]
        return RANKED[bisect.bisect_left(self.cumulative, point)]

    def sentence(self, words: int, names: list[str] = ()) -> str:
        drawn = [self.word() for _ in range(words)]
        if names and self.rng.random() < 0.3:  # a person or a commune named in passing
            drawn.insert(self.rng.randrange(len(drawn) + 1), self.rng.choice(names))
        line = " ".join(drawn)
        return line[0].upper() + line[1:] + "."

    def text(self, low: int, high: int, names: list[str] = ()) -> str:
        """A note of low to high words, in sentences of 6 to 18 words."""
        left, sentences = self.rng.randint(low, high), []
        while left > 0:
            size = min(left, self.rng.randint(6, 18))
            sentences.append(self.sentence(size, names))
            left -= size
        return " ".join(sentences)

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
