// The first version of the self-assessment scale, in our own words, from the bands of
// DESIGN.md ("michetomètre"-style, like the violentomètre ruler). Admins publish new versions.
import type { ScaleContent } from '@repere/shared/assessment';

export const initialScale: ScaleContent = {
  bands: [
    {
      band: 'GREEN',
      label: { fr: 'Une relation libre et respectueuse', en: 'A free and respectful relationship' },
      advice: {
        fr: "Ce que tu décris respecte ta liberté. Garde confiance en ce que tu ressens : si un jour quelque chose te met mal à l'aise, tu peux en parler, sans être jugé·e.",
        en: 'What you describe respects your freedom. Trust what you feel: if something ever makes you uneasy, you can talk about it without being judged.',
      },
      helplines: ['fil-sante-jeunes'],
    },
    {
      band: 'ORANGE',
      label: { fr: 'Attention : des comportements à risque', en: 'Careful: risky behaviour' },
      advice: {
        fr: "Certaines situations peuvent t'exposer à une emprise ou à de l'exploitation. Tu n'as rien fait de mal : parles-en à un adulte de confiance ou à un professionnel, gratuitement et anonymement.",
        en: 'Some situations can expose you to control or exploitation. You have done nothing wrong: talk to a trusted adult or a professional, free and anonymous.',
      },
      helplines: ['fil-sante-jeunes', '119', '3018'],
    },
    {
      band: 'RED',
      label: { fr: 'Tu es en situation de prostitution', en: 'You are in a prostitution situation' },
      advice: {
        fr: "Ce que tu vis est de la prostitution. La loi te protège : tu es victime, jamais coupable. Des professionnels peuvent t'aider maintenant, sans te juger, même si tu n'es pas prêt·e à tout arrêter.",
        en: 'What you are living through is prostitution. The law protects you: you are a victim, never guilty. Professionals can help you now, without judging you, even if you are not ready to stop everything.',
      },
      helplines: ['119', 'fil-sante-jeunes', '17'],
    },
    {
      band: 'BLACK',
      label: { fr: 'Proxénétisme : tu es pris·e dans un réseau', en: 'Pimping: you are caught in a network' },
      advice: {
        fr: "Recruter, encaisser une part ou organiser les rendez-vous d'autres jeunes, c'est du proxénétisme. Souvent, celles et ceux qui le font sont eux-mêmes sous emprise. Appelle le 119 ; en cas de danger immédiat, le 17 ou le 112 (le 114 par SMS).",
        en: "Recruiting, taking a share or organising other young people's meetings is pimping. Often those who do it are themselves under someone's control. Call 119; in immediate danger, 17 or 112 (114 by text).",
      },
      helplines: ['119', '17', '112', '114'],
    },
  ],
  items: [
    {
      id: 'choix-libre',
      band: 'GREEN',
      text: { fr: 'Je choisis librement qui je vois et quand.', en: 'I freely choose who I see and when.' },
    },
    {
      id: 'dire-non',
      band: 'GREEN',
      text: {
        fr: "Je peux dire non sans avoir peur de la réaction de l'autre.",
        en: "I can say no without fearing the other person's reaction.",
      },
    },
    {
      id: 'proches-informes',
      band: 'GREEN',
      text: {
        fr: 'Mes proches savent avec qui je passe du temps.',
        en: 'People close to me know who I spend time with.',
      },
    },
    {
      id: 'aucune-photo',
      band: 'GREEN',
      text: { fr: 'Personne ne me réclame de photos intimes.', en: 'Nobody demands intimate pictures from me.' },
    },
    {
      id: 'mon-telephone',
      band: 'GREEN',
      text: {
        fr: 'Je garde le contrôle de mon téléphone et de mes comptes.',
        en: 'I keep control of my phone and my accounts.',
      },
    },
    {
      id: 'cadeaux-sans-dette',
      band: 'GREEN',
      text: { fr: 'Les cadeaux que je reçois ne créent aucune dette.', en: 'The gifts I receive create no debt.' },
    },
    {
      id: 'cadeaux-adulte-en-ligne',
      band: 'ORANGE',
      text: {
        fr: "Un adulte rencontré en ligne m'offre des cadeaux ou de l'argent.",
        en: 'An adult I met online gives me gifts or money.',
      },
    },
    {
      id: 'compte-payant',
      band: 'ORANGE',
      text: {
        fr: "J'ai ouvert, ou on m'a poussé·e à ouvrir, un compte de contenus payants.",
        en: 'I opened, or was pushed to open, a paid-content account.',
      },
    },
    {
      id: 'photos-contre-avantage',
      band: 'ORANGE',
      text: {
        fr: 'On me demande des photos intimes en échange de quelque chose.',
        en: 'I am asked for intimate pictures in exchange for something.',
      },
    },
    {
      id: 'mensonges-nuits',
      band: 'ORANGE',
      text: {
        fr: "Je mens à mes proches sur l'endroit où je passe la nuit.",
        en: 'I lie to people close to me about where I spend the night.',
      },
    },
    {
      id: 'sorties-payees',
      band: 'ORANGE',
      text: {
        fr: "Quelqu'un me paie des sorties, des nuits d'hôtel ou des trajets, « sans rien en retour » pour l'instant.",
        en: "Someone pays for my outings, hotel nights or travel, 'with nothing in return' for now.",
      },
    },
    {
      id: 'telephone-controle',
      band: 'ORANGE',
      text: {
        fr: "Quelqu'un contrôle mon téléphone ou mes réseaux sociaux.",
        en: 'Someone controls my phone or my social media.',
      },
    },
    {
      id: 'redevable',
      band: 'ORANGE',
      text: {
        fr: "Je me sens redevable envers une personne qui m'aide beaucoup.",
        en: 'I feel I owe something to a person who helps me a lot.',
      },
    },
    {
      id: 'relations-en-echange',
      band: 'RED',
      text: {
        fr: "J'ai des relations sexuelles en échange d'argent, d'un toit, de drogue ou de cadeaux.",
        en: 'I have sex in exchange for money, a place to stay, drugs or gifts.',
      },
    },
    {
      id: 'plans-par-messages',
      band: 'RED',
      text: {
        fr: 'On me propose des « plans » ou des clients par messages.',
        en: "I am offered 'dates' or clients by message.",
      },
    },
    {
      id: 'annonces-sur-moi',
      band: 'RED',
      text: {
        fr: 'Des annonces me concernant sont publiées sur des sites ou des réseaux.',
        en: 'Ads about me are posted on websites or social media.',
      },
    },
    {
      id: 'somme-a-rapporter',
      band: 'RED',
      text: {
        fr: "Je dois rapporter une somme d'argent chaque jour ou chaque semaine.",
        en: 'I have to bring back a sum of money every day or every week.',
      },
    },
    {
      id: 'hotels-inconnus',
      band: 'RED',
      text: {
        fr: "On m'emmène dans des appartements ou des hôtels pour y rencontrer des inconnus.",
        en: 'I am taken to flats or hotels to meet strangers there.',
      },
    },
    {
      id: 'menaces-si-refus',
      band: 'RED',
      text: {
        fr: 'Je ne peux pas refuser un rendez-vous sans être menacé·e.',
        en: 'I cannot turn down a meeting without being threatened.',
      },
    },
    {
      id: 'recruter-amie',
      band: 'BLACK',
      text: {
        fr: "J'ai présenté ou recruté un·e ami·e pour qu'il ou elle fasse des « plans ».",
        en: "I introduced or recruited a friend to do 'dates'.",
      },
    },
    {
      id: 'prendre-une-part',
      band: 'BLACK',
      text: {
        fr: "Je prends une part de l'argent gagné par quelqu'un d'autre.",
        en: 'I take a share of the money someone else earns.',
      },
    },
    {
      id: 'louer-chambres',
      band: 'BLACK',
      text: {
        fr: "Je loue ou je réserve des chambres ou des appartements pour d'autres.",
        en: 'I rent or book rooms or flats for others.',
      },
    },
    {
      id: 'gerer-annonces',
      band: 'BLACK',
      text: {
        fr: "Je gère les annonces, les messages ou les rendez-vous d'autres personnes.",
        en: "I manage other people's ads, messages or meetings.",
      },
    },
    {
      id: 'accompagner-clients',
      band: 'BLACK',
      text: {
        fr: "Je conduis ou j'accompagne d'autres jeunes jusqu'à des clients.",
        en: 'I drive or take other young people to clients.',
      },
    },
    {
      id: 'surveiller-jeunes',
      band: 'BLACK',
      text: {
        fr: "Je surveille d'autres jeunes pour qu'ils ne partent pas.",
        en: "I keep watch on other young people so they don't leave.",
      },
    },
  ],
};
