// DEMO DATA ONLY — every structure produced here is FICTIONAL.
// Names and descriptions say "démo" / "fictif"; emails use the reserved domain example.org,
// phones the ranges +33 1 99 00 xx xx and +33 6 39 98 xx xx reserved for fiction (ARCEP),
// websites https://demo.example.org/…; no SIRET nor FINESS.
// Deterministic: a seeded PRNG (mulberry32), never Math.random, so every load is identical.

import type { AccessMode, Gender, Mobiliser, ServiceCategory, StructureKind, Visibility } from '@repere/shared/enums';
import type { StructureInput } from '@repere/shared/inputs';

type DemoStructure = StructureInput;

/** Approximate location of a département's préfecture (demo use only). */
export interface PrefectureCoordinates {
  /** Commune of the préfecture. */
  city: string;
  /** Main postal code of that commune. */
  postalCode: string;
  /** Every postal code of that commune (the first is `postalCode`). */
  postalCodes: string[];
  /** INSEE code of the commune. */
  inseeCode: string;
  /** INSEE code of the region. */
  regionCode: string;
  lat: number;
  lon: number;
  /** Jitter radius around the préfecture, km (default 8; smaller in dense or coastal cities). */
  jitterKm?: number;
  /** For coastal / border cities: compass bearing (degrees) towards the inland side; jitter stays within ±70° of it. */
  landBearing?: number;
}

const p = (
  city: string,
  postalCodes: string[],
  inseeCode: string,
  regionCode: string,
  lat: number,
  lon: number,
  extra: Pick<PrefectureCoordinates, 'jitterKm' | 'landBearing'> = {},
): PrefectureCoordinates => ({
  city,
  postalCode: postalCodes[0]!,
  postalCodes,
  inseeCode,
  regionCode,
  lat,
  lon,
  ...extra,
});

/** Approximate coordinates of each département's préfecture (demo data, ~100 m precision). */
export const prefectureCoordinates: Record<string, PrefectureCoordinates> = {
  '01': p('Bourg-en-Bresse', ['01000'], '01053', '84', 46.205, 5.225),
  '02': p('Laon', ['02000'], '02408', '32', 49.564, 3.62),
  '03': p('Moulins', ['03000'], '03190', '84', 46.566, 3.333),
  '04': p('Digne-les-Bains', ['04000'], '04070', '93', 44.092, 6.236),
  '05': p('Gap', ['05000'], '05061', '93', 44.559, 6.079),
  '06': p('Nice', ['06000', '06100', '06200', '06300'], '06088', '93', 43.703, 7.266, { jitterKm: 4, landBearing: 0 }),
  '07': p('Privas', ['07000'], '07186', '84', 44.735, 4.599),
  '08': p('Charleville-Mézières', ['08000'], '08105', '44', 49.773, 4.72),
  '09': p('Foix', ['09000'], '09122', '76', 42.965, 1.607),
  '10': p('Troyes', ['10000'], '10387', '44', 48.297, 4.074),
  '11': p('Carcassonne', ['11000'], '11069', '76', 43.213, 2.351),
  '12': p('Rodez', ['12000'], '12202', '76', 44.35, 2.575),
  '13': p(
    'Marseille',
    ['13001', '13003', '13004', '13005', '13006', '13010', '13013', '13014'],
    '13055',
    '93',
    43.296,
    5.37,
    { jitterKm: 5, landBearing: 45 },
  ),
  '14': p('Caen', ['14000'], '14118', '28', 49.183, -0.37, { jitterKm: 6 }),
  '15': p('Aurillac', ['15000'], '15014', '84', 44.926, 2.444),
  '16': p('Angoulême', ['16000'], '16015', '75', 45.648, 0.156),
  '17': p('La Rochelle', ['17000'], '17300', '75', 46.16, -1.151, { jitterKm: 5, landBearing: 90 }),
  '18': p('Bourges', ['18000'], '18033', '24', 47.081, 2.399),
  '19': p('Tulle', ['19000'], '19272', '75', 45.267, 1.772),
  '21': p('Dijon', ['21000'], '21231', '27', 47.322, 5.041),
  '22': p('Saint-Brieuc', ['22000'], '22278', '53', 48.514, -2.765, { jitterKm: 5, landBearing: 200 }),
  '23': p('Guéret', ['23000'], '23096', '75', 46.171, 1.871),
  '24': p('Périgueux', ['24000'], '24322', '75', 45.184, 0.721),
  '25': p('Besançon', ['25000'], '25056', '27', 47.238, 6.024),
  '26': p('Valence', ['26000'], '26362', '84', 44.933, 4.892, { landBearing: 90 }),
  '27': p('Évreux', ['27000'], '27229', '28', 49.027, 1.151),
  '28': p('Chartres', ['28000'], '28085', '24', 48.446, 1.489),
  '29': p('Quimper', ['29000'], '29232', '53', 47.996, -4.102, { jitterKm: 5, landBearing: 20 }),
  '2A': p('Ajaccio', ['20000', '20090'], '2A004', '94', 41.919, 8.738, { jitterKm: 4, landBearing: 45 }),
  '2B': p('Bastia', ['20200', '20600'], '2B033', '94', 42.697, 9.451, { jitterKm: 3, landBearing: 260 }),
  '30': p('Nîmes', ['30000', '30900'], '30189', '76', 43.837, 4.36),
  '31': p('Toulouse', ['31000', '31100', '31200', '31300', '31400', '31500'], '31555', '76', 43.605, 1.444),
  '32': p('Auch', ['32000'], '32013', '76', 43.646, 0.586),
  '33': p('Bordeaux', ['33000', '33100', '33200', '33300', '33800'], '33063', '75', 44.838, -0.579),
  '34': p('Montpellier', ['34000', '34070', '34080', '34090'], '34172', '76', 43.611, 3.877, {
    jitterKm: 6,
    landBearing: 340,
  }),
  '35': p('Rennes', ['35000', '35200', '35700'], '35238', '53', 48.117, -1.678),
  '36': p('Châteauroux', ['36000'], '36044', '24', 46.811, 1.691),
  '37': p('Tours', ['37000', '37100', '37200'], '37261', '24', 47.394, 0.685),
  '38': p('Grenoble', ['38000', '38100'], '38185', '84', 45.188, 5.725, { jitterKm: 5 }),
  '39': p('Lons-le-Saunier', ['39000'], '39300', '27', 46.675, 5.555),
  '40': p('Mont-de-Marsan', ['40000'], '40192', '75', 43.89, -0.5),
  '41': p('Blois', ['41000'], '41018', '24', 47.586, 1.336),
  '42': p('Saint-Étienne', ['42000', '42100'], '42218', '84', 45.44, 4.387),
  '43': p('Le Puy-en-Velay', ['43000'], '43157', '84', 45.043, 3.885),
  '44': p('Nantes', ['44000', '44100', '44200', '44300'], '44109', '52', 47.218, -1.554),
  '45': p('Orléans', ['45000', '45100'], '45234', '24', 47.903, 1.909),
  '46': p('Cahors', ['46000'], '46042', '76', 44.448, 1.441),
  '47': p('Agen', ['47000'], '47001', '75', 44.203, 0.616),
  '48': p('Mende', ['48000'], '48095', '76', 44.518, 3.5),
  '49': p('Angers', ['49000', '49100'], '49007', '52', 47.478, -0.563),
  '50': p('Saint-Lô', ['50000'], '50502', '28', 49.116, -1.091),
  '51': p('Châlons-en-Champagne', ['51000'], '51108', '44', 48.957, 4.363),
  '52': p('Chaumont', ['52000'], '52121', '44', 48.111, 5.139),
  '53': p('Laval', ['53000'], '53130', '52', 48.073, -0.77),
  '54': p('Nancy', ['54000', '54100'], '54395', '44', 48.692, 6.184),
  '55': p('Bar-le-Duc', ['55000'], '55029', '44', 48.773, 5.16),
  '56': p('Vannes', ['56000'], '56260', '53', 47.658, -2.76, { jitterKm: 5, landBearing: 0 }),
  '57': p('Metz', ['57000', '57050', '57070'], '57463', '44', 49.12, 6.176),
  '58': p('Nevers', ['58000'], '58194', '27', 46.99, 3.159),
  '59': p('Lille', ['59000', '59160', '59260', '59800'], '59350', '32', 50.629, 3.057, { jitterKm: 6 }),
  '60': p('Beauvais', ['60000'], '60057', '32', 49.43, 2.081),
  '61': p('Alençon', ['61000'], '61001', '28', 48.432, 0.091, { jitterKm: 4 }),
  '62': p('Arras', ['62000'], '62041', '32', 50.291, 2.778),
  '63': p('Clermont-Ferrand', ['63000', '63100'], '63113', '84', 45.778, 3.087),
  '64': p('Pau', ['64000'], '64445', '75', 43.295, -0.37),
  '65': p('Tarbes', ['65000'], '65440', '76', 43.233, 0.078),
  '66': p('Perpignan', ['66000', '66100'], '66136', '76', 42.699, 2.895),
  '67': p('Strasbourg', ['67000', '67100', '67200'], '67482', '44', 48.573, 7.752, { jitterKm: 5, landBearing: 270 }),
  '68': p('Colmar', ['68000'], '68066', '44', 48.079, 7.358),
  '69': p(
    'Lyon',
    ['69001', '69002', '69003', '69004', '69005', '69006', '69007', '69008', '69009'],
    '69123',
    '84',
    45.764,
    4.836,
    { jitterKm: 5 },
  ),
  '70': p('Vesoul', ['70000'], '70550', '27', 47.622, 6.155),
  '71': p('Mâcon', ['71000'], '71270', '27', 46.307, 4.829, { jitterKm: 5, landBearing: 270 }),
  '72': p('Le Mans', ['72000', '72100'], '72181', '52', 48.006, 0.199),
  '73': p('Chambéry', ['73000'], '73065', '84', 45.566, 5.921, { jitterKm: 5 }),
  '74': p('Annecy', ['74000', '74370', '74600', '74940', '74960'], '74010', '84', 45.899, 6.129, {
    jitterKm: 5,
    landBearing: 300,
  }),
  '75': p(
    'Paris',
    ['75003', '75010', '75011', '75012', '75013', '75014', '75015', '75017', '75018', '75019', '75020'],
    '75056',
    '11',
    48.857,
    2.352,
    { jitterKm: 3 },
  ),
  '76': p('Rouen', ['76000', '76100'], '76540', '28', 49.443, 1.099),
  '77': p('Melun', ['77000'], '77288', '11', 48.54, 2.66),
  '78': p('Versailles', ['78000'], '78646', '11', 48.805, 2.13, { jitterKm: 4 }),
  '79': p('Niort', ['79000'], '79191', '75', 46.323, -0.464),
  '80': p('Amiens', ['80000', '80080', '80090'], '80021', '32', 49.894, 2.296),
  '81': p('Albi', ['81000'], '81004', '76', 43.929, 2.148),
  '82': p('Montauban', ['82000'], '82121', '76', 44.018, 1.355),
  '83': p('Toulon', ['83000', '83100', '83200'], '83137', '93', 43.125, 5.931, { jitterKm: 4, landBearing: 0 }),
  '84': p('Avignon', ['84000'], '84007', '93', 43.949, 4.806, { jitterKm: 5, landBearing: 90 }),
  '85': p('La Roche-sur-Yon', ['85000'], '85191', '52', 46.67, -1.426),
  '86': p('Poitiers', ['86000'], '86194', '75', 46.58, 0.34),
  '87': p('Limoges', ['87000', '87100', '87280'], '87085', '75', 45.834, 1.262),
  '88': p('Épinal', ['88000'], '88160', '44', 48.173, 6.45),
  '89': p('Auxerre', ['89000', '89290'], '89024', '27', 47.798, 3.567),
  '90': p('Belfort', ['90000'], '90010', '27', 47.64, 6.863, { jitterKm: 5 }),
  '91': p('Évry-Courcouronnes', ['91000', '91080'], '91228', '11', 48.629, 2.441, { jitterKm: 4 }),
  '92': p('Nanterre', ['92000'], '92050', '11', 48.892, 2.207, { jitterKm: 2.5 }),
  '93': p('Bobigny', ['93000'], '93008', '11', 48.908, 2.44, { jitterKm: 2.5 }),
  '94': p('Créteil', ['94000'], '94028', '11', 48.79, 2.455, { jitterKm: 2.5 }),
  '95': p('Pontoise', ['95000', '95300'], '95500', '11', 49.051, 2.101, { jitterKm: 4 }),
  '971': p('Basse-Terre', ['97100'], '97105', '01', 15.997, -61.726, { jitterKm: 2, landBearing: 60 }),
  '972': p('Fort-de-France', ['97200', '97234'], '97209', '02', 14.616, -61.059, { jitterKm: 3, landBearing: 20 }),
  '973': p('Cayenne', ['97300'], '97302', '03', 4.938, -52.33, { jitterKm: 3, landBearing: 180 }),
  '974': p('Saint-Denis', ['97400', '97490'], '97411', '04', -20.882, 55.45, { jitterKm: 3, landBearing: 180 }),
  '976': p('Mamoudzou', ['97600'], '97611', '06', -12.781, 45.228, { jitterKm: 2, landBearing: 270 }),
};

/** Départements deliberately left without any demo structure (coverage-gap demos). */
export const demoEmptyDepartments = ['02', '23', '48', '976'];

/** Structures per département (default 3). */
const countOverrides: Record<string, number> = {
  '75': 12,
  '69': 9,
  '59': 9,
  '13': 8,
  '60': 6,
  '80': 6,
  '33': 5,
  '31': 5,
  '44': 5,
  '67': 5,
  '93': 5,
  '34': 4,
  '35': 4,
  '76': 4,
  '62': 4,
  '92': 4,
  '94': 4,
  '974': 4,
  '06': 4,
  '38': 4,
  '2A': 2,
  '2B': 2,
  '971': 2,
  '972': 2,
  '973': 2,
  '09': 2,
  '15': 2,
  '52': 2,
  '55': 2,
  '90': 2,
};

// ---------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  /** `n` distinct items, in the order of `items`. */
  some<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    const max = Math.min(n, items.length);
    while (chosen.size < max) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  }
}

// ---------------------------------------------------------------------------
// Vocabulary

const nameParts = [
  'Horizon',
  'Les Passerelles',
  "L'Escale",
  'Le Phare',
  'La Boussole',
  'Les Tilleuls',
  'Cap Avenir',
  "L'Étape",
  'Le Relais',
  'La Traversée',
  'Les Oliviers',
  'Arc-en-ciel',
  "L'Envol",
  'La Clairière',
  'Les Hirondelles',
  "Le Fil d'Ariane",
  'La Rose des vents',
  'Kaléidoscope',
  "L'Archipel",
  'Les Embruns',
  'Le Sémaphore',
  'La Vigie',
  'Les Lucioles',
  'Le Tremplin',
  'La Passerelle du Nord',
  'Les Sentinelles',
  'Le Nid',
  "L'Amarrage",
  'La Halte',
  'Le Carrefour',
  'Les Cerisiers',
  'Boréal',
  'Alizé',
  'Les Mouettes',
  'La Source',
  "L'Îlot",
];

const streets = [
  'rue de la Démonstration',
  "avenue de l'Exemple",
  'impasse du Prototype',
  'boulevard Fictif',
  'allée des Essais',
  'place de la Maquette',
  "quai de l'Échantillon",
  'rue du Jeu-de-Données',
  'chemin des Hypothèses',
  'rue Imaginaire',
  'passage de la Simulation',
  'cours du Scénario',
];

const complements = ['Bâtiment B (fictif)', '2e étage, porte gauche', 'Entrée par la cour', 'Rez-de-chaussée'];

const firstNames = [
  'Camille',
  'Alex',
  'Dominique',
  'Sacha',
  'Claude',
  'Morgan',
  'Charlie',
  'Lou',
  'Noa',
  'Eden',
  'Maël',
  'Andréa',
];
const lastNames = ['Exemple', 'Démo', 'Fictif', 'Modèle', 'Essai', 'Prototype', 'Lambda', 'Spécimen'];
const roles = [
  'coordination',
  'chef·fe de service',
  'éducateur·rice référent·e',
  'infirmier·e',
  'juriste',
  'cadre de permanence',
];

const situationsByTheme = {
  exploitation: [
    'en situation de prostitution',
    "exposé·e à l'exploitation sexuelle",
    'sollicitations en ligne par des adultes',
    'compte de contenus payants',
  ],
  rupture: ['rupture familiale', 'fugue', "sans solution d'hébergement", "sortie de l'ASE", 'mineur non accompagné'],
  health: ['conduites à risque', 'addictions', 'grossesse', 'souffrance psychique'],
  violence: ['victime de violences', 'violences sexuelles', 'cyberharcèlement'],
  school: ['décrochage scolaire', 'sans emploi ni formation'],
} as const;

const openingHoursOffice = [
  'Mo-Fr 09:00-17:30; PH off',
  'Mo-Fr 09:00-12:30,13:30-18:00; Sa 10:00-13:00; PH off',
  'Mo-Fr 08:30-12:00,13:30-17:00; PH off',
  'Mo-Th 09:00-17:00; Fr 09:00-16:00; PH off',
  'Mo,We,Fr 10:00-18:00; PH off',
  'Mo-Fr 10:00-18:00; Sa 14:00-18:00',
  'Tu,Th 14:00-19:00',
  'We 13:30-18:30; Sa 10:00-16:00',
];
const openingHoursDayCentre = [
  'Mo-Fr 09:00-17:00; PH off',
  'Mo-Sa 09:00-19:00; PH off',
  'Mo-Fr 09:00-13:00,14:00-17:00; We 14:00-19:00',
  'Mo-Fr 08:00-20:00; Sa,Su 10:00-18:00',
  'Mo-Su 10:00-18:00',
];
const openingHoursOutreach = ['Tu,Th,Fr 19:00-23:30', 'Mo-Sa 18:00-02:00', 'We,Sa 20:00-01:00', 'Mo-Fr 16:00-22:00'];
const openingHoursLine = ['Mo-Fr 10:00-22:00; Sa,Su 14:00-20:00', 'Mo-Su 09:00-23:00', 'Mo-Fr 09:00-19:00; PH off'];

const accessibilityTexts = [
  'Accès de plain-pied, accessible en fauteuil roulant.',
  "Ascenseur et boucle magnétique à l'accueil.",
  'Accueil en langue des signes française sur rendez-vous.',
  'Locaux accessibles, toilettes adaptées, chiens guides acceptés.',
];

const internalNotesTexts = [
  'Note fictive : partenaire rencontré lors du comité local de démonstration.',
  'Note fictive : fiche à revérifier avec le référent avant la prochaine campagne.',
  "Note fictive : contact privilégié par téléphone, délai de réponse d'environ deux jours.",
  'Note fictive : places souvent complètes en fin de mois (information de démonstration).',
];

const overseasLanguage: Record<string, string> = { '971': 'gcf', '972': 'gcf', '973': 'gcr', '974': 'rcf' };

// ---------------------------------------------------------------------------
// Templates per kind

interface Template {
  kind: StructureKind;
  weight: number;
  name: (part: string, city: string) => string;
  description: (city: string) => string;
  services: readonly ServiceCategory[];
  /** The first service is always kept. */
  serviceCount: [number, number];
  ages: readonly [number, number][];
  accessModes: readonly (readonly AccessMode[])[];
  mobilisers: readonly (readonly Mobiliser[])[];
  themes: readonly (keyof typeof situationsByTheme)[];
  hours: readonly string[];
  visibility: readonly (readonly [Visibility, number])[];
  shelters?: boolean;
  genders?: readonly (readonly [Gender, number])[];
}

const templates: Template[] = [
  {
    kind: 'ASSOCIATION',
    weight: 9,
    name: (part, city) => `Association Fictive ${part} Jeunes — ${city}`,
    description: (city) =>
      `Association fictive d'écoute et d'accompagnement des jeunes à ${city}, y compris face aux risques d'exploitation sexuelle. Fiche de démonstration : aucune de ces informations n'est réelle.`,
    services: ['LISTENING_SUPPORT', 'OUTREACH', 'EDUCATION_INTEGRATION', 'FAMILY_SUPPORT'],
    serviceCount: [1, 3],
    ages: [
      [11, 18],
      [13, 21],
      [15, 25],
      [12, 25],
    ],
    accessModes: [['WALK_IN', 'BY_PHONE'], ['WALK_IN'], ['BY_PHONE', 'REMOTE'], ['WALK_IN', 'BY_PHONE', 'REMOTE']],
    mobilisers: [
      ['YOUNG_PEOPLE', 'FAMILIES', 'PROFESSIONALS'],
      ['YOUNG_PEOPLE', 'PROFESSIONALS'],
    ],
    themes: ['exploitation', 'rupture', 'violence'],
    hours: openingHoursOffice,
    visibility: [
      ['PUBLIC', 97],
      ['RESTRICTED', 3],
    ],
  },
  {
    kind: 'ASSOCIATION',
    weight: 7,
    name: (part, city) => `Équipe mobile de prévention (démo) ${part} — ${city}`,
    description: (city) =>
      `Maraude fictive allant à la rencontre des jeunes dans les lieux publics et en ligne autour de ${city}. Fiche de démonstration.`,
    services: ['OUTREACH', 'LISTENING_SUPPORT', 'HEALTH'],
    serviceCount: [1, 3],
    ages: [
      [13, 25],
      [15, 25],
      [11, 21],
    ],
    accessModes: [['BY_PHONE'], ['BY_PHONE', 'REMOTE']],
    mobilisers: [['YOUNG_PEOPLE', 'PROFESSIONALS']],
    themes: ['exploitation', 'rupture', 'health'],
    hours: openingHoursOutreach,
    visibility: [
      ['PUBLIC', 90],
      ['RESTRICTED', 10],
    ],
  },
  {
    kind: 'DAY_CENTRE',
    weight: 13,
    name: (part, city) => `Accueil de jour (démo) ${part} — ${city}`,
    description: (city) =>
      `Accueil de jour fictif à ${city} : repos, douche, repas, écoute et orientation pour les jeunes en errance. Fiche de démonstration.`,
    services: ['LISTENING_SUPPORT', 'HEALTH', 'EDUCATION_INTEGRATION', 'OUTREACH'],
    serviceCount: [2, 4],
    ages: [
      [16, 25],
      [18, 25],
      [15, 21],
    ],
    accessModes: [['WALK_IN'], ['WALK_IN', 'BY_PHONE']],
    mobilisers: [['YOUNG_PEOPLE', 'PROFESSIONALS']],
    themes: ['rupture', 'health', 'exploitation'],
    hours: openingHoursDayCentre,
    visibility: [
      ['PUBLIC', 62],
      ['RESTRICTED', 38],
    ],
  },
  {
    kind: 'SHELTER',
    weight: 12,
    name: (part, city) => `Foyer d'hébergement fictif ${part} — ${city}`,
    description: (city) =>
      `Hébergement fictif pour jeunes en rupture, avec un accompagnement éducatif, près de ${city}. Fiche de démonstration.`,
    services: ['SHELTER', 'LISTENING_SUPPORT', 'FAMILY_SUPPORT', 'EDUCATION_INTEGRATION'],
    serviceCount: [1, 3],
    ages: [
      [13, 18],
      [16, 21],
      [18, 25],
      [13, 21],
    ],
    accessModes: [['REFERRAL_ONLY'], ['BY_PHONE', 'REFERRAL_ONLY']],
    mobilisers: [['PROFESSIONALS'], ['PROFESSIONALS', 'FAMILIES']],
    themes: ['rupture', 'violence', 'exploitation'],
    hours: ['24/7', '24/7', '24/7', 'Mo-Fr 09:00-18:00; PH off'],
    visibility: [
      ['PUBLIC', 25],
      ['RESTRICTED', 50],
      ['CONFIDENTIAL', 25],
    ],
    shelters: true,
    genders: [
      ['ANY', 70],
      ['GIRLS', 20],
      ['BOYS', 10],
    ],
  },
  {
    kind: 'RESPITE',
    weight: 7,
    name: (part, city) => `Structure de répit (démo) ${part} — ${city}`,
    description: () =>
      `Lieu de répit fictif, à adresse protégée, pour des jeunes sortant de situations d'exploitation sexuelle. Fiche de démonstration.`,
    services: ['RESPITE', 'SHELTER', 'LISTENING_SUPPORT', 'HEALTH'],
    serviceCount: [2, 4],
    ages: [
      [13, 18],
      [15, 21],
      [16, 25],
    ],
    accessModes: [['REFERRAL_ONLY']],
    mobilisers: [['PROFESSIONALS']],
    themes: ['exploitation', 'violence'],
    hours: ['24/7'],
    visibility: [
      ['CONFIDENTIAL', 92],
      ['RESTRICTED', 8],
    ],
    shelters: true,
    genders: [
      ['ANY', 45],
      ['GIRLS', 45],
      ['BOYS', 10],
    ],
  },
  {
    kind: 'HEALTH',
    weight: 9,
    name: (_part, city) => `Maison des adolescents (démo) — ${city}`,
    description: (city) =>
      `Maison des adolescents fictive à ${city} : consultations, écoute et santé, sans rendez-vous pour un premier accueil. Fiche de démonstration.`,
    services: ['HEALTH', 'LISTENING_SUPPORT', 'SEXUAL_REPRODUCTIVE_HEALTH', 'FAMILY_SUPPORT'],
    serviceCount: [2, 4],
    ages: [
      [11, 21],
      [12, 25],
      [11, 18],
    ],
    accessModes: [
      ['WALK_IN', 'BY_PHONE'],
      ['WALK_IN', 'BY_PHONE', 'REMOTE'],
    ],
    mobilisers: [['YOUNG_PEOPLE', 'FAMILIES', 'PROFESSIONALS']],
    themes: ['health', 'violence', 'school'],
    hours: openingHoursOffice,
    visibility: [
      ['PUBLIC', 70],
      ['RESTRICTED', 30],
    ],
  },
  {
    kind: 'HEALTH',
    weight: 6,
    name: (part, city) => `Centre de santé sexuelle fictif ${part} — ${city}`,
    description: (city) =>
      `Centre fictif de santé sexuelle à ${city} : contraception, dépistage, écoute, gratuit et confidentiel pour les mineur·es. Fiche de démonstration.`,
    services: ['SEXUAL_REPRODUCTIVE_HEALTH', 'HEALTH', 'LISTENING_SUPPORT'],
    serviceCount: [1, 3],
    ages: [
      [12, 25],
      [13, 25],
    ],
    accessModes: [['WALK_IN', 'BY_PHONE']],
    mobilisers: [['YOUNG_PEOPLE', 'PROFESSIONALS']],
    themes: ['health', 'exploitation'],
    hours: openingHoursOffice,
    visibility: [
      ['PUBLIC', 80],
      ['RESTRICTED', 20],
    ],
  },
  {
    kind: 'LEGAL_JUSTICE',
    weight: 8,
    name: (part, city) => `Point d'accès au droit jeunes (démo) ${part} — ${city}`,
    description: (city) =>
      `Permanences juridiques fictives à ${city} pour les jeunes victimes et leurs proches : droits, plainte, accompagnement. Fiche de démonstration.`,
    services: ['LEGAL_AID', 'LISTENING_SUPPORT', 'FAMILY_SUPPORT'],
    serviceCount: [1, 2],
    ages: [
      [13, 25],
      [11, 21],
    ],
    accessModes: [
      ['WALK_IN', 'BY_PHONE'],
      ['BY_PHONE', 'REMOTE'],
    ],
    mobilisers: [['YOUNG_PEOPLE', 'FAMILIES', 'PROFESSIONALS']],
    themes: ['violence', 'exploitation'],
    hours: openingHoursOffice,
    visibility: [
      ['PUBLIC', 95],
      ['RESTRICTED', 5],
    ],
  },
  {
    kind: 'CHILD_WELFARE',
    weight: 6,
    name: (part, city) => `Service éducatif ASE (démo) ${part} — ${city}`,
    description: (city) =>
      `Service fictif de protection de l'enfance autour de ${city}, mobilisable par les professionnel·les et les familles. Fiche de démonstration.`,
    services: ['FAMILY_SUPPORT', 'EDUCATION_INTEGRATION', 'SHELTER', 'LISTENING_SUPPORT'],
    serviceCount: [1, 3],
    ages: [
      [0, 18],
      [0, 21],
      [11, 21],
    ],
    accessModes: [['REFERRAL_ONLY'], ['BY_PHONE', 'REFERRAL_ONLY']],
    mobilisers: [['PROFESSIONALS', 'FAMILIES'], ['PROFESSIONALS']],
    themes: ['rupture', 'violence', 'school'],
    hours: ['Mo-Fr 09:00-17:30; PH off', 'Mo-Fr 08:30-12:00,13:30-17:00; PH off'],
    visibility: [
      ['PUBLIC', 85],
      ['RESTRICTED', 15],
    ],
  },
  {
    kind: 'POLICE_GENDARMERIE',
    weight: 4,
    name: (_part, city) => `Maison de protection des familles fictive — ${city}`,
    description: (city) =>
      `Unité fictive de gendarmerie à ${city} pour l'écoute des mineur·es victimes et la sensibilisation des professionnel·les. Fiche de démonstration.`,
    services: ['LISTENING_SUPPORT', 'LEGAL_AID', 'PROFESSIONAL_TRAINING'],
    serviceCount: [1, 3],
    ages: [
      [0, 18],
      [11, 25],
    ],
    accessModes: [['WALK_IN', 'BY_PHONE']],
    mobilisers: [['YOUNG_PEOPLE', 'FAMILIES', 'PROFESSIONALS']],
    themes: ['violence', 'exploitation'],
    hours: ['Mo-Fr 09:00-17:30; PH off', 'Mo-Fr 08:00-12:00,14:00-18:00'],
    visibility: [['PUBLIC', 100]],
  },
  {
    kind: 'HELPLINE_SERVICE',
    weight: 3,
    name: (part, city) => `Ligne d'écoute locale (démo) ${part} — ${city}`,
    description: () =>
      `Ligne d'écoute fictive, par téléphone et par messagerie, pour les jeunes et leur entourage. Fiche de démonstration.`,
    services: ['LISTENING_SUPPORT', 'FAMILY_SUPPORT'],
    serviceCount: [1, 2],
    ages: [
      [11, 25],
      [12, 21],
    ],
    accessModes: [['BY_PHONE', 'REMOTE']],
    mobilisers: [['YOUNG_PEOPLE', 'FAMILIES', 'PROFESSIONALS']],
    themes: ['exploitation', 'violence', 'health'],
    hours: openingHoursLine,
    visibility: [['PUBLIC', 100]],
  },
  {
    kind: 'OTHER',
    weight: 4,
    name: (part, city) => `Centre de ressources fictif ${part} — ${city}`,
    description: (city) =>
      `Centre de ressources fictif formant les professionnel·les de ${city} au repérage de la prostitution des mineur·es. Fiche de démonstration.`,
    services: ['PROFESSIONAL_TRAINING', 'LISTENING_SUPPORT'],
    serviceCount: [1, 2],
    ages: [[11, 25]],
    accessModes: [['BY_PHONE', 'REMOTE']],
    mobilisers: [['PROFESSIONALS']],
    themes: ['exploitation'],
    hours: ['Mo-Fr 09:00-17:30; PH off', 'Mo-Th 09:00-17:00; Fr 09:00-16:00; PH off'],
    visibility: [
      ['PUBLIC', 90],
      ['RESTRICTED', 10],
    ],
  },
];

const templateWeights = templates.map((t) => [t, t.weight] as const);

// ---------------------------------------------------------------------------
// Helpers

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const KM_PER_DEG_LAT = 111.32;

function jitter(rng: Rng, pref: PrefectureCoordinates): { lat: number; lon: number } {
  const radius = pref.jitterKm ?? 8;
  const r = radius * Math.sqrt(rng.float());
  const bearingDeg = pref.landBearing === undefined ? rng.float() * 360 : pref.landBearing + (rng.float() * 140 - 70);
  const b = (bearingDeg * Math.PI) / 180;
  const dNorth = r * Math.cos(b);
  const dEast = r * Math.sin(b);
  const lat = pref.lat + dNorth / KM_PER_DEG_LAT;
  const lon = pref.lon + dEast / (KM_PER_DEG_LAT * Math.cos((pref.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e5) / 1e5, lon: Math.round(lon * 1e5) / 1e5 };
}

function services(rng: Rng, t: Template): ServiceCategory[] {
  const [min, max] = t.serviceCount;
  const n = rng.int(min, max);
  const [first, ...rest] = t.services;
  return [first!, ...rng.some(rest, n - 1)];
}

// ---------------------------------------------------------------------------

/** At least 330 fictional structures, identical on every call. */
/** `days` (fractional) before `now`, to the minute. */
function daysBefore(now: Date, days: number): Date {
  return new Date(Math.floor((now.getTime() - days * 86_400_000) / 60000) * 60000);
}

/**
 * Verification dates are relative to `now` (the seeding moment), so that the share of listings
 * due for re-verification stays realistic (about 15%) whenever the demo is loaded.
 */
export function demoStructures(now: Date = new Date()): DemoStructure[] {
  const rng = new Rng(0x5e9e7e);
  const out: DemoStructure[] = [];
  let serial = 0;

  for (const [dept, pref] of Object.entries(prefectureCoordinates)) {
    if (demoEmptyDepartments.includes(dept)) continue;
    const count = countOverrides[dept] ?? 3;
    const usedParts = new Set<string>();
    const usedNames = new Set<string>();

    for (let i = 0; i < count; i++) {
      serial++;
      const id = `${dept.toLowerCase()}-${pad(i + 1, 2)}`;
      // The first structure of each département is a public association, online, so every
      // populated département has something everyone can find.
      const t = i === 0 ? templates[0]! : rng.weighted(templateWeights);
      let part = rng.pick(nameParts);
      for (let guard = 0; usedParts.has(part) && guard < 50; guard++) part = rng.pick(nameParts);
      usedParts.add(part);
      let name = t.name(part, pref.city);
      if (usedNames.has(name)) name = `${name} (antenne ${i + 1})`;
      usedNames.add(name);

      const visibility: Visibility = i === 0 ? 'PUBLIC' : rng.weighted(t.visibility);
      const statusRoll = rng.float();
      const status =
        i === 0 || statusRoll < 0.95
          ? 'ONLINE'
          : statusRoll < 0.967
            ? 'DRAFT'
            : statusRoll < 0.984
              ? 'OFFLINE'
              : 'CLOSED';

      const [ageMin, ageMax] = rng.pick(t.ages);
      const themes = rng.some(t.themes, rng.int(1, 2));
      const situationPool = themes.flatMap((th) => [...situationsByTheme[th]]);
      const situations = rng.some(situationPool, rng.int(1, Math.min(4, situationPool.length)));

      const languages = ['fr'];
      const overseas = overseasLanguage[dept];
      if (overseas && rng.chance(0.7)) languages.push(overseas);
      if (rng.chance(0.3)) languages.push('en');
      if (rng.chance(0.15)) languages.push('ar');
      if (rng.chance(0.08)) languages.push('ro');

      const location = jitter(rng, pref);
      const postal = rng.pick(pref.postalCodes);
      const street = `${rng.int(1, 140)} ${rng.pick(streets)}`;
      const address: DemoStructure['address'] = {
        street,
        postalCode: postal,
        city: pref.city,
        inseeCode: pref.inseeCode,
      };
      if (rng.chance(0.15)) address.complement = rng.pick(complements);

      const s: DemoStructure = {
        name,
        kind: t.kind,
        description: t.description(pref.city),
        status,
        visibility,
        address,
        departmentCode: dept,
        location,
        services: services(rng, t),
        ageMin,
        ageMax,
        gender: t.genders ? rng.weighted(t.genders) : rng.chance(0.05) ? 'GIRLS' : 'ANY',
        situations,
        languages,
        accessModes: [...rng.pick(t.accessModes)],
        mobilisers: [...rng.pick(t.mobilisers)],
      };

      // Public contact channels (CONFIDENTIAL ones keep only the professional channel).
      if (visibility !== 'CONFIDENTIAL') {
        s.phone = `+3319900${pad(serial, 4)}`;
        if (rng.chance(0.85)) s.email = `contact-${id}@example.org`;
        if (rng.chance(0.6)) s.website = `https://demo.example.org/structures/${id}`;
      }
      if (rng.chance(0.93)) s.openingHours = rng.pick(t.hours);
      if (rng.chance(0.3)) s.accessibility = rng.pick(accessibilityTexts);

      // Area served.
      if (t.kind === 'HELPLINE_SERVICE' && rng.chance(0.5)) {
        s.servesNationwide = true;
      } else if (t.kind === 'HELPLINE_SERVICE' || (t.kind === 'OTHER' && rng.chance(0.6)) || rng.chance(0.08)) {
        s.servedRegions = [pref.regionCode];
      } else if (t.kind === 'OTHER' && rng.chance(0.3)) {
        s.servesNationwide = true;
      } else {
        s.servedDepartments = [dept];
      }

      if (visibility === 'CONFIDENTIAL' || rng.chance(0.85)) {
        s.professionalContact = {
          name: `${rng.pick(firstNames)} ${rng.pick(lastNames)} — ${rng.pick(roles)} (contact fictif)`,
          phone: `+3363998${pad(serial, 4)}`,
          email: `pro-${id}@example.org`,
        };
      }

      if (t.shelters) {
        const ages = `de ${ageMin} à ${ageMax} ans`;
        s.intakeCriteria =
          t.kind === 'RESPITE'
            ? `Admission uniquement sur orientation d'un·e professionnel·le (ASE, PJJ, association spécialisée), après un échange téléphonique ; jeunes ${ages} sortant d'exploitation sexuelle. Critères fictifs de démonstration.`
            : `Admission sur orientation (service social, ASE, PJJ) après entretien préalable ; jeunes ${ages} sans solution d'hébergement. Critères fictifs de démonstration.`;
        s.capacityPlaces = t.kind === 'RESPITE' ? rng.int(3, 10) : rng.int(6, 30);
      }
      if (rng.chance(0.2)) s.internalNotes = rng.pick(internalNotesTexts);

      const notices: NonNullable<DemoStructure['notices']> = [];
      if (rng.chance(0.06) && s.openingHours !== '24/7') {
        notices.push({
          kind: 'CLOSURE',
          startsOn: '2027-08-02',
          endsOn: '2027-08-22',
          message: 'Fermeture estivale du 2 au 22 août 2027 (information de démonstration).',
        });
      }
      if (rng.chance(0.04)) {
        notices.push({
          kind: 'MESSAGE',
          startsOn: '2026-09-01',
          endsOn: '2026-12-31',
          message: 'Permanence supplémentaire le mercredi après-midi jusqu’à la fin de l’année (message fictif).',
        });
      }
      if (rng.chance(0.03) && s.openingHours !== '24/7') {
        notices.push({
          kind: 'CHANGED_HOURS',
          startsOn: '2026-12-21',
          endsOn: '2027-01-03',
          message: 'Horaires réduits pendant les fêtes : 10h–16h en semaine (information de démonstration).',
        });
      }
      if (notices.length > 0) s.notices = notices;

      const verifiedRoll = rng.float();
      // 12% verified over six months ago, 85% within five months, 3% never: about 15% due.
      if (verifiedRoll < 0.12) s.lastVerifiedAt = daysBefore(now, 200 + rng.float() * 300);
      else if (verifiedRoll < 0.97) s.lastVerifiedAt = daysBefore(now, rng.float() * 150);

      out.push(s);
    }
  }
  return out;
}
