// National helplines (real, public numbers), as published in 2025.
// Opening hours use the OpenStreetMap `opening_hours` syntax so "open now" can be computed.
import type { HelplineInput } from '@repere/shared/inputs';

export const helplines: HelplineInput[] = [
  {
    slug: '119',
    number: '119',
    name: 'Allô Enfance en Danger',
    description:
      "Service national d'accueil téléphonique de l'enfance en danger (SNATED). Écoute, conseil et transmission aux services départementaux des situations d'enfants en danger ou en risque de l'être. Appel gratuit et confidentiel, il n'apparaît pas sur les factures ; un tchat est aussi proposé sur le site.",
    openingHours: '24/7',
    free: true,
    cost: 'Gratuit depuis tout téléphone, fixe ou mobile, en métropole et en outre-mer',
    channels: ['PHONE', 'CHAT'],
    audience: 'Enfants et adolescents, et tout adulte (proche, voisin, professionnel) inquiet pour un enfant',
    website: 'https://www.allo119.gouv.fr',
  },
  {
    slug: '116000',
    number: '116 000',
    name: 'Enfants Disparus',
    description:
      "Numéro européen pour les disparitions d'enfants (fugues, enlèvements parentaux, disparitions inquiétantes), géré en France par la Fondation pour l'Enfance : écoute, accompagnement juridique et psychologique des familles.",
    openingHours: '24/7',
    free: true,
    cost: 'Appel gratuit',
    channels: ['PHONE'],
    audience: "Parents et proches d'un enfant disparu ou en fugue, et les jeunes eux-mêmes",
    website: 'https://www.116000enfantsdisparus.fr',
  },
  {
    slug: '3018',
    number: '3018',
    name: '3018 — violences numériques',
    description:
      "Numéro national contre le cyberharcèlement et les violences numériques (chantage, diffusion d'images intimes, comptes piratés), géré par l'association e-Enfance. Gratuit, anonyme et confidentiel ; peut faire supprimer des contenus auprès des plateformes.",
    openingHours: 'Mo-Su 09:00-23:00',
    free: true,
    cost: 'Gratuit',
    channels: ['PHONE', 'CHAT', 'APP'],
    audience: 'Jeunes victimes ou témoins de violences numériques, parents et professionnels',
    website: 'https://e-enfance.org',
  },
  {
    slug: '17',
    number: '17',
    name: 'Police-secours',
    description:
      "Numéro d'urgence pour joindre la police ou la gendarmerie en cas de danger immédiat, d'agression ou de violence en cours.",
    openingHours: '24/7',
    free: true,
    cost: 'Appel gratuit',
    channels: ['PHONE'],
    audience: 'Toute personne en danger ou témoin d’une infraction en cours',
  },
  {
    slug: '112',
    number: '112',
    name: "Numéro d'urgence européen",
    description:
      "Numéro d'appel d'urgence unique, valable dans tous les pays de l'Union européenne ; il oriente vers les secours (police, pompiers, SAMU).",
    openingHours: '24/7',
    free: true,
    cost: 'Appel gratuit depuis un fixe ou un mobile',
    channels: ['PHONE'],
    audience: 'Toute personne en situation d’urgence, en France ou ailleurs dans l’Union européenne',
  },
  {
    slug: '114',
    number: '114',
    name: 'Urgence 114 — personnes sourdes ou malentendantes',
    description:
      "Numéro d'urgence national pour les personnes sourdes, malentendantes, aphasiques ou dysphasiques : joignable par SMS, et par visiophonie (LSF, LfPC) ou tchat texte via l'application Urgence 114. Il relaie l'appel vers le SAMU, la police, la gendarmerie ou les pompiers.",
    openingHours: '24/7',
    free: true,
    cost: 'Gratuit',
    channels: ['SMS', 'CHAT', 'APP'],
    audience: 'Personnes sourdes, malentendantes, aphasiques ou dysphasiques, victimes ou témoins d’une urgence',
  },
  {
    slug: '3919',
    number: '3919',
    name: 'Violences Femmes Info',
    description:
      "Numéro national d'écoute pour les femmes victimes de violences (conjugales, sexuelles, psychologiques…), leur entourage et les professionnels, géré par la Fédération nationale Solidarité Femmes. Anonyme et gratuit ; n'apparaît pas sur les factures.",
    openingHours: '24/7',
    free: true,
    cost: 'Appel gratuit depuis un fixe ou un mobile, en métropole et en outre-mer',
    channels: ['PHONE'],
    audience: 'Femmes et jeunes filles victimes de violences, leur entourage et les professionnels',
    website: 'https://www.solidaritefemmes.org',
  },
  {
    slug: 'fil-sante-jeunes',
    number: '0 800 235 236',
    name: 'Fil Santé Jeunes',
    description:
      "Service d'écoute, d'information et d'orientation sur la santé physique, psychologique et sexuelle, les relations amoureuses et les violences. Gratuit et anonyme, par téléphone ou par tchat.",
    openingHours: 'Mo-Su 09:00-23:00',
    free: true,
    cost: 'Appel gratuit et anonyme',
    channels: ['PHONE', 'CHAT'],
    audience: 'Jeunes de 12 à 25 ans',
    website: 'https://www.filsantejeunes.com',
  },
];
