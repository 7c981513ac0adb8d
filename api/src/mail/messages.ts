// The mails we send, in French (default) and English. Plain text: every client shows it, and
// nothing in it can be mistaken for a tracking pixel.
import type { Language } from '@repere/shared/enums';
import type { Mail } from './mailer.ts';

/** Where the back office's account pages live (links in mails). */
export interface Links {
  verify(token: string): string;
  reset(token: string): string;
  forgot(): string;
}

export function backOfficeLinks(publicUrl: string): Links {
  const base = `${publicUrl.replace(/\/+$/, '')}/admin/#`;
  return {
    verify: (token) => `${base}/email/verify/${token}`,
    reset: (token) => `${base}/password/reset/${token}`,
    forgot: () => `${base}/password/forgot`,
  };
}

const sign = { FR: '— L’équipe Repère', EN: '— The Repère team' };

export function verificationMail(to: string, lang: Language, name: string, token: string, links: Links): Mail {
  const link = links.verify(token);
  if (lang === 'EN') {
    return {
      to,
      subject: 'Repère: confirm your email address',
      text: `Hello ${name},

To confirm your address and send your request for a professional account to the Repère team,
open this link within 24 hours:
${link}

Or enter this code: ${token}

If you did not ask for anything, ignore this message: the request will not reach anyone.
${sign.EN}`,
    };
  }
  return {
    to,
    subject: 'Repère : confirmez votre adresse e-mail',
    text: `Bonjour ${name},

Pour confirmer votre adresse et transmettre votre demande de compte professionnel à l’équipe
Repère, ouvrez ce lien dans les 24 heures :
${link}

Ou saisissez ce code : ${token}

Si vous n’avez rien demandé, ignorez ce message : la demande n’ira pas plus loin.
${sign.FR}`,
  };
}

/** To the owner of an address that already has an account, when someone registers with it. */
export function alreadyRegisteredMail(to: string, lang: Language, links: Links): Mail {
  if (lang === 'EN') {
    return {
      to,
      subject: 'Repère: an account request with your address',
      text: `Hello,

Someone has just asked for a professional account with this address, which already has a
Repère account. Nothing was changed.

If it was you, log in with your usual password; if you forgot it, ask for a new one:
${links.forgot()}

If it was not you, there is nothing to do.
${sign.EN}`,
    };
  }
  return {
    to,
    subject: 'Repère : demande de compte avec votre adresse',
    text: `Bonjour,

Quelqu’un vient de demander un compte professionnel avec cette adresse, qui a déjà un compte
Repère. Rien n’a été modifié.

Si c’était vous, connectez-vous avec votre mot de passe habituel ; s’il est oublié, demandez-en
un nouveau :
${links.forgot()}

Si ce n’était pas vous, vous n’avez rien à faire.
${sign.FR}`,
  };
}

export function resetMail(to: string, lang: Language, token: string, links: Links): Mail {
  const link = links.reset(token);
  if (lang === 'EN') {
    return {
      to,
      subject: 'Repère: choose a new password',
      text: `Hello,

To choose a new password for your Repère account, open this link within one hour:
${link}

Or enter this code: ${token}

Choosing a new password ends every open session of the account. If you did not ask for it,
ignore this message: your password stays the same.
${sign.EN}`,
    };
  }
  return {
    to,
    subject: 'Repère : choisissez un nouveau mot de passe',
    text: `Bonjour,

Pour choisir un nouveau mot de passe pour votre compte Repère, ouvrez ce lien dans l’heure :
${link}

Ou saisissez ce code : ${token}

Un nouveau mot de passe ferme toutes les sessions ouvertes du compte. Si vous n’avez rien
demandé, ignorez ce message : votre mot de passe ne change pas.
${sign.FR}`,
  };
}
